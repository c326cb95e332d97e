//! `huibao validate` itself: every problem printed, paths as given, the seed and history passing, a closed pipe.

use super::*;

fn huibao(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(manifest())
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn validate_prints_every_problem_and_fails_on_an_error() {
    let tmp = folder_with_bad_files();
    let (error, warning) = expected_lines(tmp.path());
    let want = format!("{error}\n{warning}\n");

    let (code, stdout, stderr) = huibao(&["validate".as_ref(), tmp.path().as_os_str()]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (1, want.as_str(), "1 error, 1 warning in 7 files\n")
    );

    let (code, stdout, _) = huibao(&[
        "--data".as_ref(),
        tmp.path().as_os_str(),
        "validate".as_ref(),
    ]);
    assert_eq!((code, stdout.as_str()), (1, want.as_str()));

    // One snapshot folder, or single files in it, give the same lines.
    let snap: PathBuf = tmp.path().join("2023-06-30");
    let (code, stdout, _) = huibao(&["validate".as_ref(), snap.as_os_str()]);
    assert_eq!((code, stdout.as_str()), (1, want.as_str()));
    let (code, stdout, stderr) =
        huibao(&["validate".as_ref(), snap.join("economy.json").as_os_str()]);
    assert_eq!(
        (code, stdout, stderr),
        (
            1,
            format!("{error}\n"),
            "1 error, 0 warnings in 1 file\n".into()
        )
    );

    // Warnings alone pass.
    let (code, stdout, _) = huibao(&["validate".as_ref(), snap.join("safety.json").as_os_str()]);
    assert_eq!((code, stdout), (0, format!("{warning}\n")));
}

#[test]
fn validate_lists_fixture_files_by_the_path_given() {
    let (code, stdout, stderr) = huibao(&[
        "validate".as_ref(),
        "tests/fixtures/broken/nan.json".as_ref(),
        "tests/fixtures/broken/bom.json".as_ref(),
        "tests/fixtures/broken/negative-value.json".as_ref(),
        "tests/fixtures/broken/no-such-file.json".as_ref(),
    ]);
    assert_eq!(
        stdout,
        "tests/fixtures/broken/nan.json:86:24: error: groups[1].items[0].figures[0].value: expected value (NaN and Infinity are not JSON numbers; write a number, or \"**\" for a withheld figure)\n\
         tests/fixtures/broken/no-such-file.json: error: no such file or folder\n\
         tests/fixtures/broken/negative-value.json:18:24: warning: groups[0].items[0].figures[0].value: negative value -5: counts and amounts cannot be below zero\n"
    );
    assert_eq!(
        (code, stderr.as_str()),
        (1, "2 errors, 1 warning in 3 files\n")
    );
}

#[test]
fn validate_passes_on_the_seed_data() {
    let data = manifest().join("data");
    let (code, stdout, stderr) =
        huibao(&["validate".as_ref(), "--data".as_ref(), data.as_os_str()]);
    assert!(
        !stdout.contains("error") && !stderr.contains("error"),
        "{stdout}{stderr}"
    );
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "7 files checked, no problems found\n"),
        "the seed data has no problems"
    );
    // Run from the repository, `huibao validate` finds ./data itself.
    let (code, stdout, _) = huibao(&["validate".as_ref()]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn validate_passes_on_the_history_fixture() {
    let (code, stdout, stderr) = huibao(&["validate".as_ref(), "tests/fixtures/history".as_ref()]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "49 files checked, no problems found\n")
    );
}

/// `huibao validate | head -1`: a reader that goes away early ends the output quietly, with no panic.
#[test]
fn a_closed_pipe_ends_validate_quietly() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().unwrap();
    let day = tmp.path().join("2023-06-30");
    std::fs::create_dir_all(&day).unwrap();
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken/duplicate-id.json");
    for i in 0..2000 {
        std::fs::copy(&broken, day.join(format!("x{i}.json"))).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["validate", "--data"])
        .arg(tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("x1.json"), "{first}");
    // The reader is dropped here: the rest of the output goes to a closed pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
