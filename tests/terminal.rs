//! End-to-end tests of how the dashboard treats its terminal: signals (SIGTERM, SIGHUP), panics in
//! any thread, Ctrl-Z and SIGCONT, a terminal that goes away, and the colour environment.
//!
//! Every test runs the real binary on its own pseudo-terminal, as the session leader with the pty as
//! its controlling terminal, and waits on screen content or process state with a deadline — never on
//! a fixed sleep. Its `Tty` is its own (not `tests/common`'s `Pty`) so that it can choose the child's
//! whole environment, close the pty master on purpose and read the child's resource usage; the pty
//! primitives (opening, polling, pidfds) are the shared ones in `tests/common`.

mod common;

use common::{check, open_pty, pidfd_open, poll, whole_chars};
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

// ── The pty harness ─────────────────────────────────────────────────────────────────────────────────

/// A process running on a pseudo-terminal, with a `vt100` model of its screen and every raw byte it
/// wrote.
struct Tty {
    master: Option<OwnedFd>,
    pid: libc::pid_t,
    pidfd: Option<OwnedFd>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
    exit: Option<Exit>,
    /// CPU time (user + system) of the process and its reaped children, from `wait4`.
    cpu: Option<Duration>,
    /// The pty's modes before the process started.
    modes_before: libc::termios,
}

impl Tty {
    /// The dashboard with `extra` options before the base arguments and exactly the environment `env`.
    fn dashboard(extra: &[&str], env: &[(&str, &str)]) -> Tty {
        let mut args: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        args.extend(base_args());
        Tty::spawn(env!("CARGO_BIN_EXE_huibao"), &args, env, COLS, ROWS)
    }

    /// Runs `program` on a new pty that is its controlling terminal (it is the session leader) and its
    /// stdin, stdout and stderr.
    fn spawn(program: &str, args: &[String], env: &[(&str, &str)], cols: u16, rows: u16) -> Tty {
        let (master, slave) = open_pty(cols, rows).expect("open a pty");
        let modes_before = termios_of(master.as_raw_fd());
        let stdio = || Stdio::from(slave.try_clone().expect("dup the pty slave"));
        let mut cmd = command(program, env);
        cmd.args(args)
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() == -1 {
                    return Err(io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn on the pty");
        // Our copies of the slave must go, or the master never sees the end of the output.
        drop(cmd);
        drop(slave);
        let pid = child.id() as libc::pid_t;
        // Reaped below with wait4 (for its resource usage); std's Child neither waits nor kills on drop.
        drop(child);
        Tty {
            master: Some(master),
            pid,
            pidfd: pidfd_open(pid as u32),
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            eof: false,
            exit: None,
            cpu: None,
            modes_before,
        }
    }

    fn master_fd(&self) -> RawFd {
        self.master
            .as_ref()
            .expect("the pty master is still open")
            .as_raw_fd()
    }

    /// Writes `bytes` to the terminal, as if typed.
    fn send(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        let deadline = Instant::now() + TIMEOUT;
        while !rest.is_empty() {
            let fd = self.master_fd();
            // SAFETY: writing from a valid slice to our fd.
            let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
            if n >= 0 {
                rest = &rest[n as usize..];
                continue;
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => {}
                io::ErrorKind::WouldBlock if Instant::now() < deadline => {
                    self.pump(Duration::ZERO);
                    poll(&[(fd, libc::POLLOUT)], Duration::from_millis(100));
                }
                _ => panic!("writing {bytes:?} to the pty: {e}\n{}", self.describe()),
            }
        }
    }

    /// Reads whatever the process wrote, waiting at most `timeout` for the first byte.
    /// Returns false once the output has ended.
    fn pump(&mut self, timeout: Duration) -> bool {
        if self.eof || self.master.is_none() {
            return false;
        }
        let fd = self.master_fd();
        if poll(&[(fd, libc::POLLIN)], timeout)[0] == 0 {
            return true;
        }
        let mut buf = [0u8; 16 * 1024];
        loop {
            // SAFETY: reading into a valid buffer from our fd.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                let fed = whole_chars(&self.raw);
                self.raw.extend_from_slice(&buf[..n as usize]);
                self.parser.process(&self.raw[fed..whole_chars(&self.raw)]);
                continue;
            }
            if n == 0 {
                self.eof = true;
                return false;
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => continue,
                io::ErrorKind::WouldBlock => return true,
                // EIO: every slave fd is closed, i.e. the process has gone.
                _ => {
                    self.eof = true;
                    return false;
                }
            }
        }
    }

    /// The screen as text, rows trimmed and separated by newlines.
    fn screen_text(&self) -> String {
        screen_text(self.parser.screen())
    }

    fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// The screen, the tail of the raw output and the process state, for failure messages.
    fn describe(&self) -> String {
        let (rows, cols) = self.parser.screen().size();
        let tail = &self.raw[self.raw.len().saturating_sub(400)..];
        format!(
            "── screen {cols}x{rows} ──\n{}\n── last {} of {} raw bytes ──\n{}\n── process {} ({:?}) ──\n{}",
            self.screen_text(),
            tail.len(),
            self.raw.len(),
            String::from_utf8_lossy(tail).escape_debug(),
            self.pid,
            self.exit,
            if self.exit.is_none() { describe_threads(self.pid) } else { String::new() },
        )
    }

    /// Reads output until `pred(self)` holds, panicking with `what` and the screen after [`TIMEOUT`]
    /// or when the output ends first.
    #[track_caller]
    fn wait_until(&mut self, what: &str, mut pred: impl FnMut(&Tty) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if pred(self) {
                return;
            }
            let now = Instant::now();
            if now >= deadline {
                panic!(
                    "waiting for {what}: timed out after {TIMEOUT:?}\n{}",
                    self.describe()
                );
            }
            if !self.pump(deadline - now) && !pred(self) {
                self.try_reap();
                panic!("waiting for {what}: the output ended\n{}", self.describe());
            }
        }
    }

    /// Waits for the screen to equal `huibao render` below the header.
    #[track_caller]
    fn wait_for_overview(&mut self, want: &[String]) {
        self.wait_until("the overview (as `huibao render` draws it)", |t| {
            same_below_header(&t.screen_text(), want)
        });
    }

    /// Reaps the process if it has exited (without blocking).
    fn try_reap(&mut self) -> Option<Exit> {
        if self.exit.is_some() {
            return self.exit;
        }
        let mut status = 0;
        // SAFETY: rusage is plain data that wait4 fills.
        let mut ru = unsafe { std::mem::zeroed::<libc::rusage>() };
        // SAFETY: waiting on our own child with valid out-pointers.
        let r = unsafe { libc::wait4(self.pid, &mut status, libc::WNOHANG, &mut ru) };
        if r != self.pid {
            return None;
        }
        let tv = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
        };
        self.cpu = Some(tv(ru.ru_utime) + tv(ru.ru_stime));
        self.exit = Some(if libc::WIFEXITED(status) {
            Exit::Code(libc::WEXITSTATUS(status))
        } else {
            Exit::Signal(libc::WTERMSIG(status))
        });
        self.exit
    }

    /// Waits at most `timeout` for the process to exit, reading its output meanwhile, then reads what
    /// is left. `None` if it is still running.
    fn wait_exit(&mut self, timeout: Duration) -> Option<Exit> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(exit) = self.try_reap() {
                while !self.eof && self.master.is_some() && Instant::now() < deadline {
                    self.pump(deadline - Instant::now());
                }
                return Some(exit);
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            let mut fds = Vec::new();
            if let Some(p) = &self.pidfd {
                fds.push((p.as_raw_fd(), libc::POLLIN));
            }
            if !self.eof && self.master.is_some() {
                fds.push((self.master_fd(), libc::POLLIN));
            }
            let mut wait = deadline - now;
            if self.pidfd.is_none() {
                wait = wait.min(Duration::from_millis(10));
            }
            if poll(&fds, wait).iter().any(|&r| r != 0) {
                self.pump(Duration::ZERO);
            }
        }
    }

    /// [`Tty::wait_exit`] with [`TIMEOUT`], panicking when the process does not end.
    #[track_caller]
    fn expect_exit(&mut self, after: &str) -> Exit {
        match self.wait_exit(TIMEOUT) {
            Some(e) => e,
            None => panic!(
                "still running {TIMEOUT:?} after {after}\n{}",
                self.describe()
            ),
        }
    }

    /// Waits until the process is stopped (state `T` in /proc/<pid>/stat), reading its output meanwhile.
    #[track_caller]
    fn wait_stopped(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while proc_state(self.pid) != Some('T') {
            if Instant::now() >= deadline {
                panic!(
                    "the process did not stop: state {:?}\n{}",
                    proc_state(self.pid),
                    self.describe()
                );
            }
            // Output, if any, ends the wait early; otherwise look again in a few milliseconds.
            self.pump(Duration::from_millis(5));
        }
    }

    fn signal(&self, sig: libc::c_int) {
        // SAFETY: signalling our own, not yet reaped, child.
        let r = unsafe { libc::kill(self.pid, sig) };
        assert_eq!(
            r,
            0,
            "kill({}, {sig}): {}",
            self.pid,
            io::Error::last_os_error()
        );
    }

    /// The pty's current modes.
    fn modes(&self) -> libc::termios {
        termios_of(self.master_fd())
    }

    /// Asserts that the pty's modes are what they were before the process started (raw mode off).
    #[track_caller]
    fn assert_modes_restored(&self, when: &str) {
        let now = self.modes();
        let before = &self.modes_before;
        assert!(
            now.c_lflag & libc::ICANON != 0 && now.c_lflag & libc::ECHO != 0,
            "{when}: raw mode left on (c_lflag={:#o})",
            now.c_lflag
        );
        assert_eq!(
            (now.c_iflag, now.c_oflag, now.c_cflag, now.c_lflag, now.c_cc),
            (
                before.c_iflag,
                before.c_oflag,
                before.c_cflag,
                before.c_lflag,
                before.c_cc
            ),
            "{when}: the pty's modes (iflag, oflag, cflag, lflag, cc) differ from before the start"
        );
    }

    /// The pty's foreground process group.
    fn foreground_pgrp(&self) -> libc::pid_t {
        let mut pgrp: libc::pid_t = 0;
        // SAFETY: TIOCGPGRP writes a pid_t to a valid pointer.
        let r = unsafe { libc::ioctl(self.master_fd(), libc::TIOCGPGRP, &mut pgrp) };
        check(r, "TIOCGPGRP").expect("the pty's foreground process group");
        pgrp
    }

    /// Closes the pty master, as a terminal emulator does when its window is closed.
    fn close_master(&mut self) {
        self.master = None;
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        if self.exit.is_none() {
            // SAFETY: our own child, not yet reaped.
            unsafe {
                libc::kill(self.pid, libc::SIGKILL);
                libc::waitpid(self.pid, std::ptr::null_mut(), 0);
            }
        }
    }
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

/// What the SGR (`ESC[…m`) sequences in some output asked for.
#[derive(Debug, Default)]
struct Sgr {
    /// 30–37, 40–47, 90–97, 100–107.
    basic: Vec<u16>,
    /// The indices of 38;5;N and 48;5;N.
    palette: Vec<u16>,
    /// How many 38;2;R;G;B and 48;2;R;G;B.
    rgb: usize,
    /// Whether 7 (reverse video) was used.
    reverse: bool,
}

impl Sgr {
    fn any_colour(&self) -> bool {
        !self.basic.is_empty() || !self.palette.is_empty() || self.rgb > 0
    }
}

/// Parses every CSI sequence in `raw` and collects what the SGR ones set.
fn sgr_of(raw: &[u8]) -> Sgr {
    let mut sgr = Sgr::default();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] != 0x1b || raw[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut j = start;
        while j < raw.len() && (0x30..=0x3f).contains(&raw[j]) {
            j += 1;
        }
        let params = &raw[start..j];
        while j < raw.len() && (0x20..=0x2f).contains(&raw[j]) {
            j += 1;
        }
        if j >= raw.len() {
            break;
        }
        let final_byte = raw[j];
        i = j + 1;
        if final_byte != b'm' || params.first().is_some_and(|b| b"<=>?".contains(b)) {
            continue;
        }
        let nums: Vec<u16> = params
            .split(|&b| b == b';' || b == b':')
            .map(|p| {
                std::str::from_utf8(p)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0)
            })
            .collect();
        let mut k = 0;
        while k < nums.len() {
            match nums[k] {
                38 | 48 => match nums.get(k + 1) {
                    Some(5) => {
                        sgr.palette.extend(nums.get(k + 2));
                        k += 3;
                        continue;
                    }
                    Some(2) => {
                        sgr.rgb += 1;
                        k += 5;
                        continue;
                    }
                    _ => {}
                },
                n @ (30..=37 | 40..=47 | 90..=97 | 100..=107) => sgr.basic.push(n),
                7 => sgr.reverse = true,
                _ => {}
            }
            k += 1;
        }
    }
    sgr
}

/// How many cells of rows `from..` are drawn in reverse video.
fn inverse_cells(screen: &vt100::Screen, from: u16) -> usize {
    let (rows, cols) = screen.size();
    (from..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|&(r, c)| screen.cell(r, c).is_some_and(|cell| cell.inverse()))
        .count()
}

const XTERM: (&str, &str) = ("TERM", "xterm-256color");

// ── 1, 2: SIGTERM and SIGHUP ───────────────────────────────────────────────────────────────────────

/// Starts the dashboard, waits for the overview, sends `sig` and checks the terminal is restored.
fn signal_restores_terminal(sig: libc::c_int) -> Exit {
    let env = [XTERM];
    let want = render_reference(COLS, ROWS, &[], &env);
    let mut t = Tty::dashboard(&[], &env);
    t.wait_for_overview(&want);
    assert!(t.screen().alternate_screen() && t.screen().hide_cursor());
    t.signal(sig);
    let exit = t.expect_exit(&format!("signal {sig}"));
    let rest = assert_restored(&t, &format!("after signal {sig}"));
    assert!(
        rest.is_empty(),
        "the output must end with ESC[?1049l ESC[?25h; after them came {:?}",
        String::from_utf8_lossy(&rest)
    );
    assert!(
        t.raw.ends_with(b"\x1b[?1049l\x1b[?25h"),
        "the output ends with leaving the alternate screen and showing the cursor\n{}",
        t.describe()
    );
    exit
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let exit = signal_restores_terminal(libc::SIGTERM);
    assert_eq!(exit, Exit::Code(128 + libc::SIGTERM), "exit after SIGTERM");
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let exit = signal_restores_terminal(libc::SIGHUP);
    assert_eq!(exit, Exit::Code(128 + libc::SIGHUP), "exit after SIGHUP");
}

/// Every other signal whose default action ends the process (issue 15): SIGQUIT (Ctrl-\\), SIGUSR1,
/// SIGUSR2, SIGALRM and the rest, real-time signals included, restore the terminal and exit with
/// 128 + the signal.
#[test]
fn every_ending_signal_restores_the_terminal() {
    let mut sigs = vec![
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGRTMIN(),
        libc::SIGRTMAX(),
    ];
    sigs.sort_unstable();
    assert_eq!(
        huibao::app::signals::ending()
            .into_iter()
            .filter(|s| sigs.contains(s))
            .count(),
        sigs.len(),
        "each is in the list the dashboard listens for"
    );
    for sig in sigs {
        let exit = signal_restores_terminal(sig);
        assert_eq!(exit, Exit::Code(128 + sig), "exit after signal {sig}");
    }
}

/// Faults (here sent with kill, as a crash would raise them) cannot wait for the event loop: the
/// signal handler restores the terminal, then the signal ends the process as it would have.
#[test]
fn fault_signals_restore_the_terminal_and_still_end_the_process() {
    for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGABRT, libc::SIGFPE] {
        let env = [XTERM];
        let want = render_reference(COLS, ROWS, &[], &env);
        let mut t = Tty::dashboard(&[], &env);
        t.wait_for_overview(&want);
        t.signal(sig);
        let exit = t.expect_exit(&format!("signal {sig}"));
        assert_eq!(exit, Exit::Signal(sig), "ended by signal {sig}");
        assert_restored(&t, &format!("after signal {sig}"));
    }
}

// ── 3: panics ───────────────────────────────────────────────────────────────────────────────────────

// The panic hook exists only with the `test-hooks` feature (`.ci/run` runs these tests with it).
#[cfg(feature = "test-hooks")]
fn panic_restores_terminal(which: &str, message: &str) {
    let env = [XTERM, ("HUIBAO_TEST_PANIC", which)];
    let want = render_reference(COLS, ROWS, &[], &env);
    let mut t = Tty::dashboard(&[], &env);
    let exit = t.expect_exit(&format!("HUIBAO_TEST_PANIC={which}"));
    assert_eq!(
        exit,
        Exit::Code(101),
        "exit after a panic\n{}",
        t.describe()
    );
    // What the screen showed just before it was restored: the first frame, the overview.
    let left = find_last(&t.raw, LEAVE_ALT).expect("ESC[?1049l");
    let mut before = vt100::Parser::new(ROWS, COLS, 0);
    before.process(&t.raw[..left]);
    assert!(
        before.screen().alternate_screen()
            && same_below_header(&screen_text(before.screen()), &want),
        "the overview was drawn before the panic\n{}",
        screen_text(before.screen())
    );
    let rest = assert_restored(&t, &format!("after a panic in the {which} thread"));
    let rest = String::from_utf8_lossy(&rest);
    assert!(
        rest.contains("panicked") && rest.contains(message),
        "the panic message comes after the terminal is restored; after ESC[?25h came {rest:?}"
    );
    assert!(
        !rest.contains('\x1b'),
        "nothing but the message after the restore: {rest:?}"
    );
    let screen = t.screen_text();
    assert!(
        screen.contains(message),
        "the panic message is readable on the main screen\n{}",
        t.describe()
    );
}

#[cfg(feature = "test-hooks")]
#[test]
fn panic_in_the_ui_thread_restores_the_terminal_and_exits_101() {
    panic_restores_terminal("ui", "test panic in the UI thread");
}

#[cfg(feature = "test-hooks")]
#[test]
fn panic_in_a_worker_thread_restores_the_terminal_and_exits_101() {
    panic_restores_terminal("worker", "test panic in a worker thread");
}

#[cfg(not(feature = "test-hooks"))]
#[test]
fn a_normal_build_has_no_panic_hook() {
    let bin = std::fs::read(env!("CARGO_BIN_EXE_huibao")).unwrap();
    assert!(
        find_last(&bin, b"HUIBAO_TEST_PANIC").is_none(),
        "the test hook is compiled only with the test-hooks feature"
    );
}

// ── 4: Ctrl-Z and SIGCONT ───────────────────────────────────────────────────────────────────────────

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_sigcont_redraws() {
    let env = [XTERM];
    let want = render_reference(COLS, ROWS, &[], &env);
    let mut t = Tty::dashboard(&[], &env);
    t.wait_for_overview(&want);
    let raw_mode = t.modes();
    assert_eq!(
        raw_mode.c_lflag & (libc::ICANON | libc::ECHO | libc::ISIG),
        0,
        "the dashboard runs in raw mode"
    );

    t.send(b"\x1a");
    t.wait_stopped();
    // The restore was written before the process stopped itself: read all of it.
    t.wait_until("the terminal restored while stopped", |t| {
        !t.screen().alternate_screen() && !t.screen().hide_cursor()
    });
    let rest = assert_restored(&t, "while stopped");
    assert!(rest.is_empty(), "nothing after the restore: {rest:?}");
    assert_eq!(proc_state(t.pid), Some('T'), "still stopped");

    // Nobody (no job-control shell) hands the terminal back: the dashboard resumes as the pty's
    // foreground process group because it is the session leader, so taking raw mode back raises no
    // SIGTTOU (which would stop it again, state T, before any redraw).
    assert_eq!(
        t.foreground_pgrp(),
        t.pid,
        "the dashboard is the foreground job"
    );

    let resumed_at = t.raw.len();
    t.signal(libc::SIGCONT);
    // A clean full redraw: the output since SIGCONT alone, on a blank terminal, draws the whole
    // overview (so nothing relies on what the screen held before), and so does the model that saw
    // everything.
    t.wait_until("the overview redrawn after SIGCONT", |t| {
        let mut fresh = vt100::Parser::new(ROWS, COLS, 0);
        fresh.process(&t.raw[resumed_at..]);
        fresh.screen().alternate_screen()
            && same_below_header(&screen_text(fresh.screen()), &want)
            && same_below_header(&t.screen_text(), &want)
    });
    assert!(
        t.screen().alternate_screen(),
        "back on the alternate screen"
    );
    assert!(t.screen().hide_cursor(), "the cursor is hidden again");
    let modes = t.modes();
    assert_eq!(
        (modes.c_iflag, modes.c_oflag, modes.c_lflag),
        (raw_mode.c_iflag, raw_mode.c_oflag, raw_mode.c_lflag),
        "raw mode is back after SIGCONT"
    );
    assert_ne!(proc_state(t.pid), Some('T'), "running again");
    assert_eq!(t.foreground_pgrp(), t.pid, "still the foreground job");

    t.send(b"q");
    let exit = t.expect_exit("q");
    assert_eq!(exit, Exit::Code(0), "q after a resume\n{}", t.describe());
    assert_restored(&t, "after q");
}

// ── 5: the terminal goes away ───────────────────────────────────────────────────────────────────────

/// Closes the pty master while `t` shows the overview; `pid` is the dashboard's process (`t`'s own,
/// or its child). Returns the exit and the CPU time the dashboard used after the close.
fn close_terminal(t: &mut Tty, pid: libc::pid_t) -> (Exit, Duration) {
    let cpu_before = proc_cpu(pid).expect("the dashboard's CPU time");
    let closed = Instant::now();
    t.close_master();
    let Some(exit) = t.wait_exit(HANGUP_DEADLINE) else {
        let threads = describe_threads(pid);
        panic!(
            "still running {HANGUP_DEADLINE:?} after its terminal was closed; threads:\n{threads}"
        );
    };
    let took = closed.elapsed();
    let cpu = t.cpu.expect("resource usage from wait4");
    let after = cpu.saturating_sub(cpu_before);
    eprintln!("terminal closed: {exit:?} after {took:?}, {after:?} CPU after the close");
    (exit, after)
}

/// CPU time that is clearly not a busy loop between the close and the exit.
const NO_SPIN: Duration = Duration::from_millis(300);

#[test]
fn closing_the_terminal_ends_the_dashboard_without_spinning() {
    let env = [XTERM];
    let want = render_reference(COLS, ROWS, &[], &env);
    let mut t = Tty::dashboard(&[], &env);
    t.wait_for_overview(&want);
    let pid = t.pid;
    let (exit, cpu) = close_terminal(&mut t, pid);
    // As the session leader it gets SIGHUP from the kernel; a dead terminal may also be noticed first.
    assert!(
        matches!(exit, Exit::Code(129) | Exit::Code(1)),
        "exit after the terminal closed: {exit:?}"
    );
    assert!(
        cpu < NO_SPIN,
        "{cpu:?} of CPU between the close and the exit"
    );
}

/// The dashboard's pid, a child of the shell `sh`, once it has one.
fn only_child(sh: libc::pid_t) -> libc::pid_t {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let children =
            std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children")).unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.parse().expect("a pid");
        }
        assert!(Instant::now() < deadline, "the shell started no child");
        poll(&[], Duration::from_millis(5));
    }
}

#[test]
fn closing_the_terminal_ends_the_dashboard_without_sighup() {
    // Here the session leader is a shell that ignores SIGHUP, so the kernel's SIGHUP on hang-up goes
    // to the shell only: the dashboard must notice by itself that its terminal is gone.
    let env = [XTERM];
    let want = render_reference(COLS, ROWS, &[], &env);
    let mut args: Vec<String> = vec![
        "-c".into(),
        r#"trap "" HUP; "$@"; exit $?"#.into(),
        "sh".into(),
        env!("CARGO_BIN_EXE_huibao").into(),
    ];
    args.extend(base_args());
    let mut t = Tty::spawn("/bin/sh", &args, &env, COLS, ROWS);
    t.wait_for_overview(&want);
    let dashboard = only_child(t.pid);
    assert_ne!(dashboard, t.pid);
    let (exit, cpu) = close_terminal(&mut t, dashboard);
    // Exit 1 (the terminal is gone), not 101 (a panic while reporting an error to the dead terminal).
    assert!(
        exit == Exit::Code(1) && cpu < NO_SPIN,
        "exit {exit:?} (passed on by the shell), {cpu:?} of CPU between the close and the exit"
    );
}

// ── 6: colour ───────────────────────────────────────────────────────────────────────────────────────

/// Runs the dashboard with `extra` options and environment `env`, waits for the overview, quits with
/// `q` and returns the SGR codes it used and the reverse-video cells below the header it showed.
fn colours(extra: &[&str], env: &[(&str, &str)]) -> (Sgr, usize) {
    let want = render_reference(COLS, ROWS, extra, env);
    let mut t = Tty::dashboard(extra, env);
    t.wait_for_overview(&want);
    let inverse = inverse_cells(t.screen(), 2);
    t.send(b"q");
    let exit = t.expect_exit("q");
    assert_eq!(exit, Exit::Code(0), "exit after q\n{}", t.describe());
    assert_restored(&t, "after q");
    (sgr_of(&t.raw), inverse)
}

#[track_caller]
fn assert_no_colour(sgr: &Sgr, inverse: usize, what: &str) {
    assert!(!sgr.any_colour(), "{what}: colour codes used: {sgr:?}");
    assert!(
        sgr.reverse,
        "{what}: the selection is shown in reverse video (SGR 7)"
    );
    assert!(
        inverse > 0,
        "{what}: the selected card is drawn in reverse video"
    );
}

#[test]
fn no_color_uses_no_colour_codes_and_reverse_video_for_the_selection() {
    let (sgr, inverse) = colours(&[], &[XTERM, ("NO_COLOR", "1"), ("COLORTERM", "truecolor")]);
    assert_no_colour(&sgr, inverse, "NO_COLOR=1");
}

#[test]
fn color_never_overrides_a_truecolor_terminal() {
    let (sgr, inverse) = colours(&["--color", "never"], &[XTERM, ("COLORTERM", "truecolor")]);
    assert_no_colour(&sgr, inverse, "--color never");
}

#[test]
fn xterm_256color_uses_the_palette_and_no_rgb() {
    let (sgr, _) = colours(&[], &[XTERM]);
    assert!(
        !sgr.palette.is_empty(),
        "palette codes 38;5;/48;5;: {sgr:?}"
    );
    assert!(
        sgr.palette.iter().any(|&n| n >= 16),
        "palette colours beyond the 16 named ones: {sgr:?}"
    );
    assert_eq!(sgr.rgb, 0, "no 38;2;/48;2; on a 256-colour terminal");
}

#[test]
fn colorterm_truecolor_uses_rgb() {
    let (sgr, _) = colours(&[], &[XTERM, ("COLORTERM", "truecolor")]);
    assert!(sgr.rgb > 0, "38;2;/48;2; codes: {sgr:?}");
}

#[test]
fn color_16_overrides_a_truecolor_terminal() {
    let (sgr, _) = colours(&["--color", "16"], &[XTERM, ("COLORTERM", "truecolor")]);
    assert!(sgr.any_colour(), "some colour: {sgr:?}");
    assert_eq!(sgr.rgb, 0, "no 38;2;/48;2; with --color 16: {sgr:?}");
    // crossterm writes the 16 named colours as palette indices 0–15.
    assert!(
        sgr.palette.iter().all(|&n| n < 16),
        "only the 16 named colours: {sgr:?}"
    );
}

#[test]
fn term_dumb_prints_the_overview_as_plain_text() {
    let env = [("TERM", "dumb")];
    let want = render_reference(80, 24, &[], &env);
    let mut t = Tty::spawn(env!("CARGO_BIN_EXE_huibao"), &base_args(), &env, 80, 24);
    let exit = t.expect_exit("printing the overview");
    assert_eq!(exit, Exit::Code(0), "exit with TERM=dumb\n{}", t.describe());
    assert!(
        !t.raw.contains(&0x1b),
        "no escape sequences with TERM=dumb: {:?}",
        String::from_utf8_lossy(&t.raw)
    );
    let text = String::from_utf8(t.raw.clone()).expect("UTF-8 output");
    let got: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r').trim_end())
        .collect();
    assert_eq!(
        got, want,
        "the overview as `huibao render --size 80x24` draws it"
    );
    assert!(
        got.iter().any(|l| l.contains("总览")),
        "the overview's breadcrumbs"
    );
    t.assert_modes_restored("with TERM=dumb");
}
