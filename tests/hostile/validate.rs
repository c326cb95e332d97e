//! `huibao validate` on hostile files: no escape in its output, an escape in a file name made visible.

use super::*;

// ---- huibao validate ----

fn assert_no_escape(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "{what}: ESC");
    assert!(!bytes.contains(&0x07), "{what}: BEL");
    let text = std::str::from_utf8(bytes).expect("UTF-8 output");
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && forbidden(c))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?}");
}

#[test]
fn validate_output_holds_no_escape() {
    let dir = hostile_dir();
    let misspelt = dir.join("2023-06-30/misspelt.json");
    let town = dir.join("town.json");
    for args in [
        vec!["validate".as_ref(), dir.as_os_str()],
        vec!["validate".as_ref(), dir.join("2023-06-30").as_os_str()],
        vec!["validate".as_ref(), misspelt.as_os_str(), town.as_os_str()],
    ] {
        let (code, stdout, stderr) = huibao(&args);
        assert_eq!(code, 1, "{args:?}");
        let text = String::from_utf8_lossy(&stdout);
        assert!(text.contains("unknown field val␛]0;PWNED␇ue"), "{text}");
        assert_no_escape(&stdout, "stdout");
        assert_no_escape(&stderr, "stderr");
    }
}

#[test]
fn validate_makes_an_escape_in_a_file_name_visible() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let name = tmp.path().join("\u{1b}]0;PWNED\u{7}.json");
    std::fs::write(&name, "{").expect("write");
    let (code, stdout, stderr) = huibao(&["validate".as_ref(), name.as_os_str()]);
    assert_eq!(code, 1);
    assert_no_escape(&stdout, "stdout");
    assert_no_escape(&stderr, "stderr");
    assert!(String::from_utf8_lossy(&stdout).contains("␛]0;PWNED␇.json"));
}
