//! Helpers shared by the import tests.

use chrono::NaiveDate;
use huibao::commands::import::write_out;
use huibao::commands::validate::check_data_folder;
use huibao::import::{import_file, Imported, Options};
use huibao::model::Item;
use std::path::Path;
use std::process::Command;

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Imports a fixture (named in messages by `name`), or fails the test with every problem.
pub fn import_at(path: &Path, name: &str, today: &str) -> Imported {
    let opts = Options {
        today: d(today),
        ..Options::default()
    };
    import_file(path, name, &opts).unwrap_or_else(|p| {
        let lines: Vec<String> = p.iter().map(|p| p.message(false)).collect();
        panic!("{name} did not import:\n{}", lines.join("\n"))
    })
}

/// The item with this label, in any line.
pub fn item<'a>(imp: &'a Imported, label: &str) -> &'a Item {
    imp.lines
        .iter()
        .flat_map(|l| l.items())
        .find(|i| i.label == label)
        .unwrap_or_else(|| panic!("no item {label}"))
}

/// Writes the import into a fresh folder, checks it with `validate` (no problem at all) and renders
/// it with the real binary at 80×24; returns the folder and the screen.
pub fn write_validate_render(imp: Imported, today: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    write_out(&root, false, imp, false, false).unwrap();
    let report = check_data_folder(&root);
    assert!(
        report.problems.is_empty(),
        "{:#?}",
        report.lines(huibao::cli::Lang::En)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(&root)
        .args(["--today", today, "render", "--size", "80x24"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, String::from_utf8(out.stdout).unwrap())
}
