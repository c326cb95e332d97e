//! The seed, history and English briefs match their golden files, and every golden file is where it should be.

use super::*;

#[test]
fn seed_brief_matches_the_golden_file() {
    let md = seed();
    assert_well_formed_markdown(&md);
    golden("summary-seed.md", &md);
}

#[test]
fn history_brief_matches_the_golden_file() {
    let md = history("zh");
    assert_well_formed_markdown(&md);
    golden("summary-history.md", &md);
}

#[test]
fn english_history_brief_matches_the_golden_file() {
    let md = history("en");
    assert_well_formed_markdown(&md);
    golden("summary-history-en.md", &md);
}
#[test]
fn golden_files_live_next_to_this_test() {
    for f in [
        "summary-seed.md",
        "summary-history.md",
        "summary-history-en.md",
    ] {
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/golden")
                .join(f)
                .is_file()
                || std::env::var_os("UPDATE_GOLDEN").is_some(),
            "missing tests/golden/{f}: UPDATE_GOLDEN=1 cargo test --test summary"
        );
    }
}
