//! End-to-end tests of how the dashboard treats its terminal: signals (SIGTERM, SIGHUP), panics in
//! any thread, Ctrl-Z and SIGCONT, a terminal that goes away, and the colour environment.
//!
//! Every test runs the real binary on its own pseudo-terminal, as the session leader with the pty as
//! its controlling terminal, and waits on screen content or process state with a deadline — never on
//! a fixed sleep. Its `Tty` is its own (not `tests/common`'s `Pty`) so that it can choose the child's
//! whole environment, close the pty master on purpose and read the child's resource usage; the pty
//! primitives (opening, polling, pidfds) are the shared ones in `tests/common`.

#[path = "../common/mod.rs"]
mod common;

mod colour;
mod hangup;
mod signals;
mod tty;

use common::{check, open_pty, pidfd_open, poll};
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tty::Tty;

/// How long any single wait may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long the process may take to end once its terminal is gone.
const HANGUP_DEADLINE: Duration = Duration::from_secs(3);
const COLS: u16 = 120;
const ROWS: u16 = 40;

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Every frame ends with this (EndSynchronizedUpdate).
const FRAME_END: &[u8] = b"\x1b[?2026l";

// ── Running things ──────────────────────────────────────────────────────────────────────────────────

/// `--data <repo>/data --today 2023-07-03`.
fn base_args() -> Vec<String> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    vec![
        "--data".into(),
        data.to_str().expect("a UTF-8 path").into(),
        "--today".into(),
        "2023-07-03".into(),
    ]
}

/// The whole environment of a run: nothing is inherited, so the test runner's own NO_COLOR,
/// COLORTERM, HUIBAO_* or RUST_BACKTRACE cannot change the outcome.
fn command(program: &str, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// `huibao render --size COLSxROWS` with the same options and environment: the screen the dashboard
/// should show, one trimmed string per row.
fn render_reference(cols: u16, rows: u16, extra: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let out = command(env!("CARGO_BIN_EXE_huibao"), env)
        .args(base_args())
        .args(extra)
        .args(["render", "--size", &format!("{cols}x{rows}")])
        .stdin(Stdio::null())
        .output()
        .expect("run huibao render");
    assert!(
        out.status.success(),
        "huibao render failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("render output is UTF-8")
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// True when `screen` has the rows of `want` (a `huibao render` output), the header row (which has a
/// live clock) aside.
fn same_below_header(screen: &str, want: &[String]) -> bool {
    let got: Vec<&str> = screen.lines().collect();
    got.len() == want.len() && got[1..].iter().zip(&want[1..]).all(|(g, w)| g == w)
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    Code(i32),
    Signal(i32),
}

/// One field of /proc/<pid>/stat (or of a task's), counted from the state (0) after the command name.
fn proc_stat_field(path: &str, field: usize) -> Option<String> {
    let stat = std::fs::read_to_string(path).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(field).map(str::to_string)
}

/// The process's state letter (R, S, T, Z …).
fn proc_state(pid: libc::pid_t) -> Option<char> {
    proc_stat_field(&format!("/proc/{pid}/stat"), 0)?
        .chars()
        .next()
}

/// User + system CPU time of a process so far.
fn proc_cpu(pid: libc::pid_t) -> Option<Duration> {
    let path = format!("/proc/{pid}/stat");
    let utime: u64 = proc_stat_field(&path, 11)?.parse().ok()?;
    let stime: u64 = proc_stat_field(&path, 12)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Some(Duration::from_millis((utime + stime) * 1000 / hz))
}

/// Each thread of a process with its name, state and CPU ticks: what to look at when it will not end.
fn describe_threads(pid: libc::pid_t) -> String {
    let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return format!("(no /proc/{pid}/task)");
    };
    let mut out = String::new();
    for entry in dir.flatten() {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let wchan = std::fs::read_to_string(entry.path().join("wchan")).unwrap_or_default();
        let name = stat
            .split_once('(')
            .and_then(|(_, r)| r.rsplit_once(')'))
            .map(|(n, _)| n)
            .unwrap_or("?");
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, r)| r.split_whitespace().collect())
            .unwrap_or_default();
        let get = |i: usize| fields.get(i).copied().unwrap_or("?");
        out.push_str(&format!(
            "  tid {:?} {name:?}: state {} utime {} stime {} wchan {wchan}\n",
            entry.file_name(),
            get(0),
            get(11),
            get(12),
        ));
    }
    out
}

fn termios_of(fd: RawFd) -> libc::termios {
    // SAFETY: tcgetattr fills a termios we own.
    unsafe {
        let mut t = std::mem::zeroed::<libc::termios>();
        check(libc::tcgetattr(fd, &mut t), "tcgetattr").expect("read the pty's modes");
        t
    }
}

fn screen_text(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .map(|r| r.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

// ── Looking at the raw bytes ────────────────────────────────────────────────────────────────────────

fn find_last(hay: &[u8], pat: &[u8]) -> Option<usize> {
    hay.windows(pat.len()).rposition(|w| w == pat)
}

/// The terminal is back as it was: the alternate screen was left and the cursor shown after the last
/// frame (raw bytes and `vt100` agree), and the pty's modes are those from before the start.
/// Returns the raw bytes after the restore sequence.
#[track_caller]
fn assert_restored(t: &Tty, when: &str) -> Vec<u8> {
    let raw = &t.raw;
    let entered = find_last(raw, ENTER_ALT).unwrap_or_else(|| {
        panic!(
            "{when}: the alternate screen was never entered\n{}",
            t.describe()
        )
    });
    let frame_end = find_last(raw, FRAME_END)
        .unwrap_or_else(|| panic!("{when}: no frame was ever drawn\n{}", t.describe()));
    let left = find_last(raw, LEAVE_ALT).unwrap_or_else(|| {
        panic!(
            "{when}: the alternate screen was not left\n{}",
            t.describe()
        )
    });
    let shown = find_last(raw, SHOW_CURSOR)
        .unwrap_or_else(|| panic!("{when}: the cursor was not shown\n{}", t.describe()));
    let hidden = find_last(raw, HIDE_CURSOR).unwrap_or(0);
    assert!(
        left > entered && left > frame_end,
        "{when}: ESC[?1049l must come after the last ESC[?1049h and the last frame\n{}",
        t.describe()
    );
    assert!(
        shown > hidden && shown > left,
        "{when}: ESC[?25h must come after the last ESC[?25l and after leaving the alternate screen\n{}",
        t.describe()
    );
    assert!(
        !t.screen().alternate_screen(),
        "{when}: still on the alternate screen"
    );
    assert!(!t.screen().hide_cursor(), "{when}: the cursor is hidden");
    t.assert_modes_restored(when);
    raw[shown + SHOW_CURSOR.len()..].to_vec()
}

const XTERM: (&str, &str) = ("TERM", "xterm-256color");
