//! Faults from the file system and the environment (issue 15): special files where data files
//! belong, unreadable and emptied folders, output that cannot be written, dates outside the data,
//! and the messages each gets. Every test runs on its own temporary copy of `data/`.

mod common;

use common::{copy_data, huibao_args_for, run_captured, Captured, SNAPSHOT};
use huibao::model::load::{load_dir, read_capped};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Makes a named pipe at `path` (nobody ever writes to it).
fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).expect("a path without NUL");
    // SAFETY: a valid NUL-terminated path.
    let r = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(
        r,
        0,
        "mkfifo {}: {}",
        path.display(),
        std::io::Error::last_os_error()
    );
}

/// Runs the binary on `dir` with extra arguments after the global ones.
fn run_on(dir: &Path, args: &[&str]) -> Captured {
    let mut all = huibao_args_for(dir);
    all.extend(args.iter().map(OsString::from));
    run_captured(all)
}

/// The exit code, failing the test if the run had to be killed.
#[track_caller]
fn code(c: &Captured, what: &str) -> i32 {
    let status = c
        .status
        .unwrap_or_else(|| panic!("{what}: did not finish (killed)"));
    status
        .code()
        .unwrap_or_else(|| panic!("{what}: ended by a signal: {status:?}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const FIFO_MESSAGE: &str =
    "not loaded: this is a named pipe (FIFO), not a regular file; only regular files are read";

#[test]
fn read_capped_refuses_a_fifo_without_blocking() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("x.json");
    mkfifo(&fifo);
    assert_eq!(read_capped(&fifo), Err(FIFO_MESSAGE.to_string()));
    assert_eq!(
        read_capped(tmp.path()),
        Err("not loaded: this is a folder, not a regular file; only regular files are read".into())
    );
    // A symbolic link to a regular file still reads.
    let real = tmp.path().join("real.json");
    std::fs::write(&real, b"{}").expect("write");
    let link = tmp.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    assert_eq!(read_capped(&link), Ok(b"{}".to_vec()));
    // A link to the pipe does not.
    let to_fifo = tmp.path().join("to-fifo.json");
    std::os::unix::fs::symlink(&fifo, &to_fifo).expect("symlink");
    assert_eq!(read_capped(&to_fifo), Err(FIFO_MESSAGE.to_string()));
}

#[test]
fn a_fifo_in_a_snapshot_folder_is_reported_and_everything_finishes() {
    let dir = copy_data();
    let fifo = dir.path().join(SNAPSHOT).join("x.json");
    mkfifo(&fifo);
    let want = format!("{}: .: {FIFO_MESSAGE}", fifo.display());

    let ds = load_dir(dir.path());
    let errors: Vec<String> = ds.errors().map(|d| d.to_string()).collect();
    assert_eq!(errors, std::slice::from_ref(&want));
    assert_eq!(ds.lines.len(), 6, "the other lines still load");

    let v = run_on(dir.path(), &["validate"]);
    assert_eq!(code(&v, "validate"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );
    // Naming the pipe, or its folder, directly.
    let v = run_captured([OsString::from("validate"), fifo.clone().into_os_string()]);
    assert_eq!(code(&v, "validate FIFO"), 1);
    assert_eq!(text(&v.stdout), format!("{want}\n"));
    let v = run_captured([
        OsString::from("validate"),
        dir.path().join(SNAPSHOT).into_os_string(),
    ]);
    assert_eq!(code(&v, "validate snapshot folder"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );

    let r = run_on(dir.path(), &["render", "--size", "80x24"]);
    assert_eq!(code(&r, "render"), 0, "stderr: {}", text(&r.stderr));
    let s = run_on(dir.path(), &["summary"]);
    assert_eq!(code(&s, "summary"), 0, "stderr: {}", text(&s.stderr));
}

#[test]
fn a_fifo_as_town_json_is_reported_and_everything_finishes() {
    let dir = copy_data();
    let town = dir.path().join("town.json");
    std::fs::remove_file(&town).expect("remove town.json");
    mkfifo(&town);
    let want = format!("{}: .: {FIFO_MESSAGE}", town.display());

    let v = run_on(dir.path(), &["validate"]);
    assert_eq!(code(&v, "validate"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );
    let v = run_captured([OsString::from("validate"), town.into_os_string()]);
    assert_eq!(code(&v, "validate town.json"), 1);
    assert_eq!(text(&v.stdout), format!("{want}\n"));

    let r = run_on(dir.path(), &["render", "--size", "80x24"]);
    assert_eq!(code(&r, "render"), 0, "stderr: {}", text(&r.stderr));
    let s = run_on(dir.path(), &["summary"]);
    assert_eq!(code(&s, "summary"), 0, "stderr: {}", text(&s.stderr));
}
