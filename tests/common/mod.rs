//! A small pseudo-terminal harness for end-to-end tests: runs the real `huibao` binary on a pty,
//! feeds everything it writes into a `vt100` screen and waits on screen content, never on sleeps.

#![allow(dead_code)]

pub mod generate;

mod data;
mod pty;
mod sys;

// Re-exported so every `common::X` path keeps working; a test crate may use none of a part.
#[allow(unused_imports)]
pub use data::*;
#[allow(unused_imports)]
pub use pty::*;
#[allow(unused_imports)]
pub use sys::*;

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long any single wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The fixed "today" of every run, three days after the seed snapshot.
pub const TODAY: &str = "2023-07-03";

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_huibao")
}

/// The repository's `data/` folder.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// `--data <repo>/data --today 2023-07-03`: the global options of every run.
pub fn huibao_args() -> Vec<OsString> {
    vec![
        "--data".into(),
        data_dir().into_os_string(),
        "--today".into(),
        TODAY.into(),
    ]
}

/// What a plain (no pty) run of the binary left behind.
pub struct Captured {
    /// The exit status, `None` if it had to be killed after [`TIMEOUT`].
    pub status: Option<ExitStatus>,
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
}

/// Runs the binary with `args`, stdin empty and stdout/stderr captured in files (no terminal at all),
/// killing it if it has not exited after [`TIMEOUT`].
pub fn run_captured<I, S>(args: I) -> Captured
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut out = tempfile::tempfile().expect("temp file for stdout");
    let mut err = tempfile::tempfile().expect("temp file for stderr");
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env_remove("HUIBAO_DATA")
        .stdin(Stdio::null())
        .stdout(Stdio::from(out.try_clone().expect("dup stdout file")))
        .stderr(Stdio::from(err.try_clone().expect("dup stderr file")));
    let mut child = {
        let _guard = spawn_lock();
        cmd.spawn().expect("spawn huibao")
    };
    drop(cmd);
    let status = wait_timeout(&mut child, TIMEOUT);
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    let read_all = |f: &mut File| {
        let mut v = Vec::new();
        f.rewind().expect("rewind");
        f.read_to_end(&mut v).expect("read captured output");
        v
    };
    Captured {
        status,
        stdout: read_all(&mut out),
        stderr: read_all(&mut err),
    }
}

/// `huibao render --size COLSxROWS --keys KEYS`: the screen the dashboard should show, one
/// string per row, trailing spaces trimmed.
pub fn render_reference(cols: u16, rows: u16, keys: &str) -> Vec<String> {
    let mut args = huibao_args();
    args.extend([
        "render".into(),
        "--size".into(),
        format!("{cols}x{rows}").into(),
        "--keys".into(),
        keys.into(),
    ]);
    let run = run_captured(args);
    assert!(
        run.status.is_some_and(|s| s.success()),
        "huibao render failed ({:?}): {}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8(run.stdout)
        .expect("render output is UTF-8")
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// The screen rows with surrounding spaces removed, joined: text that the screen wraps over
/// several rows reads as one string.
pub fn joined(screen: &str) -> String {
    screen.lines().map(str::trim).collect()
}

/// Row `n` of a screen text, trimmed ("" past the end).
pub fn row(screen: &str, n: usize) -> &str {
    screen.lines().nth(n).unwrap_or("").trim()
}

/// The exit code, failing the test if the run had to be killed.
#[track_caller]
pub fn code(c: &Captured, what: &str) -> i32 {
    let status = c
        .status
        .unwrap_or_else(|| panic!("{what}: did not finish (killed)"));
    status
        .code()
        .unwrap_or_else(|| panic!("{what}: ended by a signal: {status:?}"))
}

/// Output bytes as text (lossy).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
