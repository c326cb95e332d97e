//! Broken data files (`tests/fixtures/broken/`) and what the loader and `huibao validate` say about
//! them: the exact file, line, column, field path and message of every problem.
//!
//! Each fixture is a seed file from `data/2023-06-30/` (safety.json, or economy.json cut down to the
//! 禾源 and 汤西 items) with one thing broken.

mod command;
mod errors;
mod folder;
mod warnings;

use huibao::model::load::{load_dir, parse_line_file};
use huibao::model::{Diagnostic, Place, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;

const BROKEN: &str = "tests/fixtures/broken";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> Vec<u8> {
    let path = manifest().join(BROKEN).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn shown(name: &str) -> String {
    format!("{BROKEN}/{name}")
}

/// Asserts every part of one diagnostic, and the line `huibao validate` prints for it.
fn assert_diag(
    d: &Diagnostic,
    severity: Severity,
    name: &str,
    place: (usize, usize),
    field: &str,
    message: &str,
) {
    let (line, col) = place;
    assert_eq!(
        (
            d.severity,
            d.path.as_str(),
            &d.place,
            d.field.as_str(),
            d.message.as_str()
        ),
        (
            severity,
            shown(name).as_str(),
            &Place::at(line, col),
            field,
            message
        ),
        "{name}"
    );
    let printed = if line > 0 {
        format!("{}:{line}:{col}: {field}: {message}", shown(name))
    } else {
        format!("{}: {field}: {message}", shown(name))
    };
    assert_eq!(d.to_string(), printed);
}

/// The fixture must fail to load with exactly this error.
fn assert_error(name: &str, place: (usize, usize), field: &str, message: &str) {
    match parse_line_file(&read(name), &shown(name)) {
        Ok((_, warnings)) => panic!("{name} loaded (warnings: {warnings:?}); expected an error"),
        Err(d) => assert_diag(&d, Severity::Error, name, place, field, message),
    }
}

/// The fixture must load with exactly these warnings.
fn assert_warnings(name: &str, want: &[((usize, usize), &str, &str)]) {
    let warnings = match parse_line_file(&read(name), &shown(name)) {
        Ok((_, w)) => w,
        Err(d) => panic!("{name} did not load: {d}"),
    };
    assert_eq!(warnings.len(), want.len(), "{name}: {warnings:#?}");
    for (d, (place, field, message)) in warnings.iter().zip(want) {
        assert_diag(d, Severity::Warning, name, *place, field, message);
    }
}

/// A copy of `data/` in a temporary folder, with economy.json replaced by a broken file (an error)
/// and safety.json by one that loads with a warning.
fn folder_with_bad_files() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let snap = tmp.path().join("2023-06-30");
    std::fs::create_dir(&snap).expect("snapshot folder");
    std::fs::copy(
        manifest().join("data/town.json"),
        tmp.path().join("town.json"),
    )
    .expect("town.json");
    for e in std::fs::read_dir(manifest().join("data/2023-06-30")).expect("seed folder") {
        let e = e.expect("seed file");
        std::fs::copy(e.path(), snap.join(e.file_name())).expect("copy seed file");
    }
    std::fs::write(snap.join("economy.json"), read("bad-date.json")).expect("write");
    std::fs::write(snap.join("safety.json"), read("rectified-over-found.json")).expect("write");
    tmp
}

fn expected_lines(dir: &Path) -> (String, String) {
    let d = dir.display();
    (
        format!(
            "{d}/2023-06-30/economy.json:62:24: error: groups[0].items[0].project.milestones[1].due: expected a date like 2023-07-31, found \"2023-7-31\""
        ),
        format!("{d}/2023-06-30/safety.json:18:26: warning: groups[0].items[0].ledger.rectified: rectified 13 exceeds found 11: no more can be rectified than were found"),
    )
}
