//! Helpers shared by the import tests.

use huibao::commands::import::write_out;
use huibao::commands::validate::check_data_folder;
use huibao::import::Imported;
use std::process::Command;

/// Writes the import into a fresh folder, checks it with `validate` (no problem at all) and renders
/// it with the real binary at 80×24; returns the folder and the screen.
pub fn write_validate_render(imp: Imported, today: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    write_out(&root, false, imp, false, false).unwrap();
    let report = check_data_folder(&root);
    assert!(report.problems.is_empty(), "{:#?}", report.lines());
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
