//! A small pseudo-terminal harness for end-to-end tests: runs the real `huibao` binary on a pty,
//! feeds everything it writes into a `vt100` screen and waits on screen content, never on sleeps.

#![allow(dead_code)]

pub mod generate;

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

/// Held while a pty is opened (until its fds are close-on-exec) and while a child is spawned, so
/// that a child started by a test running in parallel never inherits another test's pty fds
/// (a leaked slave fd would keep the master from ever seeing end-of-file).
static SPAWN_LOCK: Mutex<()> = Mutex::new(());

fn spawn_lock() -> MutexGuard<'static, ()> {
    SPAWN_LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn check(ret: libc::c_int, what: &str) -> io::Result<libc::c_int> {
    if ret == -1 {
        let e = io::Error::last_os_error();
        Err(io::Error::new(e.kind(), format!("{what}: {e}")))
    } else {
        Ok(ret)
    }
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

/// A pidfd for the child (Linux ≥ 5.3), so that waiting for its exit is a `poll`, not a retry loop.
pub fn pidfd_open(pid: u32) -> Option<OwnedFd> {
    // SAFETY: plain syscall; on success the result is a new fd that we own.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

/// Polls `fds` for `events` until one is ready or `timeout` passes; returns the revents.
/// Without a pidfd we cannot be woken by the child's exit, so callers cap the timeout instead.
pub fn poll(fds: &[(RawFd, libc::c_short)], timeout: Duration) -> Vec<libc::c_short> {
    let mut pfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let ms = timeout.as_millis().min(i32::MAX as u128) as libc::c_int;
    // Round up so that a sub-millisecond remainder still waits instead of spinning.
    let ms = if ms == 0 && !timeout.is_zero() { 1 } else { ms };
    // SAFETY: pfds is a valid array of pollfd of the given length.
    let n = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
    if n <= 0 {
        return vec![0; fds.len()];
    }
    pfds.iter().map(|p| p.revents).collect()
}

/// Waits for a child to exit, at most `timeout`; `None` if it is still running.
pub fn wait_timeout(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    let pidfd = pidfd_open(child.id());
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        let now = Instant::now();
        if now >= deadline {
            return None;
        }
        match &pidfd {
            Some(fd) => {
                poll(&[(fd.as_raw_fd(), libc::POLLIN)], deadline - now);
            }
            None => {
                poll(&[], (deadline - now).min(Duration::from_millis(10)));
            }
        }
    }
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

/// How much of `bytes` the `vt100` model may be given: all but a character cut short at the end.
/// vt100 0.16 (vte 0.15) handed a character split between two reads drops the byte after it (`·`
/// cut in two, then ` 经营`, shows `·经营`), which shifted rows in the PTY tests whenever a read
/// ended inside a character; a terminal never does that. The rest waits for the next read.
pub fn whole_chars(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(4) {
        let at = bytes.len() - back;
        let need = match bytes[at] {
            b if b & 0xC0 == 0x80 => continue,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            b if b >= 0xC0 => 2,
            _ => 1,
        };
        return if back < need { at } else { bytes.len() };
    }
    bytes.len()
}

/// The binary running on a pseudo-terminal, with a `vt100` model of its screen.
pub struct Pty {
    master: OwnedFd,
    child: Child,
    pidfd: Option<OwnedFd>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
    status: Option<ExitStatus>,
}

impl Pty {
    /// The dashboard (`huibao --data <repo>/data --today 2023-07-03`) on a `cols`×`rows` terminal.
    pub fn dashboard(cols: u16, rows: u16) -> Pty {
        Pty::spawn(huibao_args(), cols, rows)
    }

    /// Runs the binary with `args` on a new `cols`×`rows` pty that is its controlling terminal
    /// and its stdin, stdout and stderr.
    pub fn spawn<I, S>(args: I, cols: u16, rows: u16) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Pty::spawn_with_stdout(args, cols, rows, None)
    }

    /// As [`Pty::spawn`], but with standard output sent to `stdout` instead of the pty when given.
    pub fn spawn_with_stdout<I, S>(args: I, cols: u16, rows: u16, stdout: Option<Stdio>) -> Pty
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let (master, slave) = open_pty(cols, rows).expect("openpty");
        let stdio = || Stdio::from(slave.try_clone().expect("dup the pty slave"));
        let mut cmd = Command::new(bin());
        cmd.args(args)
            .env("TERM", "xterm-256color")
            .env_remove("HUIBAO_DATA")
            .stdin(stdio())
            .stdout(stdout.unwrap_or_else(stdio))
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
        let child = {
            let _guard = spawn_lock();
            cmd.spawn().expect("spawn huibao on the pty")
        };
        // Our copies of the slave must go, or the master never sees the end of the output.
        drop(cmd);
        drop(slave);
        let pidfd = pidfd_open(child.id());
        Pty {
            master,
            child,
            pidfd,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            eof: false,
            status: None,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes `bytes` to the terminal, as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        let deadline = Instant::now() + TIMEOUT;
        while !rest.is_empty() {
            // SAFETY: writing from a valid slice to our fd.
            let n =
                unsafe { libc::write(self.master.as_raw_fd(), rest.as_ptr().cast(), rest.len()) };
            if n >= 0 {
                rest = &rest[n as usize..];
                continue;
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => {}
                io::ErrorKind::WouldBlock if Instant::now() < deadline => {
                    // Keep reading while waiting, in case the child blocks on writing to us.
                    self.pump(Duration::ZERO);
                    poll(
                        &[(self.master.as_raw_fd(), libc::POLLOUT)],
                        Duration::from_millis(100),
                    );
                }
                _ => panic!("writing {bytes:?} to the pty: {e}\n{}", self.describe()),
            }
        }
    }

    /// Reads whatever the child wrote, waiting at most `timeout` for the first byte.
    /// Returns false once the output has ended.
    fn pump(&mut self, timeout: Duration) -> bool {
        if self.eof {
            return false;
        }
        let revents = poll(&[(self.master.as_raw_fd(), libc::POLLIN)], timeout);
        if revents[0] == 0 {
            return true;
        }
        let mut buf = [0u8; 16 * 1024];
        loop {
            // SAFETY: reading into a valid buffer from our fd.
            let n =
                unsafe { libc::read(self.master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
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
                // EIO: every slave fd is closed, i.e. the child has gone.
                _ => {
                    self.eof = true;
                    return false;
                }
            }
        }
    }

    /// The screen, one string per row, trailing spaces trimmed.
    pub fn lines(&self) -> Vec<String> {
        let (_, cols) = self.parser.screen().size();
        self.parser
            .screen()
            .rows(0, cols)
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    /// The screen as text, rows separated by newlines.
    pub fn screen_text(&self) -> String {
        self.lines().join("\n")
    }

    /// The `vt100` screen, for cursor and mode checks.
    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// Everything the child has written so far.
    pub fn raw_bytes(&self) -> &[u8] {
        &self.raw
    }

    /// The screen and the tail of the raw output, for failure messages.
    pub fn describe(&self) -> String {
        let (rows, cols) = self.parser.screen().size();
        let tail = &self.raw[self.raw.len().saturating_sub(400)..];
        format!(
            "── screen {cols}x{rows} ──\n{}\n── last {} of {} raw bytes ──\n{}\n",
            self.screen_text(),
            tail.len(),
            self.raw.len(),
            String::from_utf8_lossy(tail).escape_debug()
        )
    }

    /// Reads output until `pred(screen text)` holds, at most `timeout`. On time-out (or when the
    /// child's output ends first) the error carries the current screen.
    pub fn wait_for(
        &mut self,
        mut pred: impl FnMut(&str) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let text = self.screen_text();
            if pred(&text) {
                return Ok(text);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(format!("timed out after {timeout:?}\n{}", self.describe()));
            }
            if !self.pump(deadline - now) {
                let text = self.screen_text();
                if pred(&text) {
                    return Ok(text);
                }
                return Err(format!(
                    "the program's output ended (exit status {:?})\n{}",
                    self.child.try_wait().ok().flatten(),
                    self.describe()
                ));
            }
        }
    }

    /// [`Pty::wait_for`] with [`TIMEOUT`], panicking with `what` and the screen on failure.
    #[track_caller]
    pub fn expect(&mut self, what: &str, pred: impl FnMut(&str) -> bool) -> String {
        match self.wait_for(pred, TIMEOUT) {
            Ok(text) => text,
            Err(e) => panic!("waiting for {what}: {e}"),
        }
    }

    /// Waits for the child to exit, reading its output meanwhile, then reads what is left.
    /// `None` if it is still running after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if self.status.is_none() {
                self.status = self.child.try_wait().ok().flatten();
            }
            if let Some(status) = self.status {
                // The child is gone: drain the pty until end-of-file.
                while !self.eof && Instant::now() < deadline {
                    self.pump(deadline - Instant::now());
                }
                return Some(status);
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            let mut fds = Vec::new();
            if let Some(p) = &self.pidfd {
                fds.push((p.as_raw_fd(), libc::POLLIN));
            }
            if !self.eof {
                fds.push((self.master.as_raw_fd(), libc::POLLIN));
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

    /// Changes the terminal size (TIOCSWINSZ on the master and on the model), then sends SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let ws = winsize(cols, rows);
        // SAFETY: TIOCSWINSZ reads a winsize from a valid pointer.
        unsafe {
            check(
                libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &ws),
                "TIOCSWINSZ",
            )
            .expect("resize the pty");
        }
        self.parser.screen_mut().set_size(rows, cols);
        // SAFETY: signalling our own child.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGWINCH);
        }
    }

    /// The terminal's current modes (the line discipline is shared by master and slave).
    pub fn termios(&self) -> libc::termios {
        // SAFETY: tcgetattr fills a termios we own.
        unsafe {
            let mut t = std::mem::zeroed::<libc::termios>();
            check(
                libc::tcgetattr(self.master.as_raw_fd(), &mut t),
                "tcgetattr",
            )
            .expect("read the pty's modes");
            t
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        // `master` and `pidfd` are closed when their OwnedFds drop.
    }
}

/// Opens a pty of the given size. Both ends are close-on-exec from the start, so a child spawned by a
/// test running in parallel never inherits them (a leaked master would keep the slave from hanging up,
/// a leaked slave the master from seeing the end of the output).
pub fn open_pty(cols: u16, rows: u16) -> io::Result<(OwnedFd, OwnedFd)> {
    // SAFETY: plain libc calls on fds we own; ptsname_r writes into a buffer of the given length.
    unsafe {
        let m = check(
            libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC),
            "posix_openpt",
        )?;
        let master = OwnedFd::from_raw_fd(m);
        check(libc::grantpt(m), "grantpt")?;
        check(libc::unlockpt(m), "unlockpt")?;
        let mut name = [0 as libc::c_char; 128];
        let r = libc::ptsname_r(m, name.as_mut_ptr(), name.len());
        if r != 0 {
            return Err(io::Error::from_raw_os_error(r));
        }
        let s = check(
            libc::open(
                name.as_ptr(),
                libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
            ),
            "open the pty slave",
        )?;
        let slave = OwnedFd::from_raw_fd(s);
        let ws = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        check(libc::ioctl(m, libc::TIOCSWINSZ, &ws), "TIOCSWINSZ")?;
        let flags = check(libc::fcntl(m, libc::F_GETFL), "F_GETFL")?;
        check(
            libc::fcntl(m, libc::F_SETFL, flags | libc::O_NONBLOCK),
            "F_SETFL",
        )?;
        Ok((master, slave))
    }
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

// ── Data folders for live-reload tests ────────────────────────────────────────────────────────────

/// The snapshot folder of the seed data (the only one in `data/`).
pub const SNAPSHOT: &str = "2023-06-30";

/// The item that live-reload tests change: 党风廉政建设专题会议, 6次 in the seed.
pub const ITEM_ID: &str = "party.anti-corruption-meetings";

/// Its label, as the line panel shows it.
pub const ITEM_LABEL: &str = "党风廉政建设专题会议";

/// A copy of the repository's `data/` folder (town.json and the snapshot folders) in a new temporary
/// folder, so that a test can change files without touching `data/`.
pub fn copy_data() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&data_dir(), tmp.path());
    tmp
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir(&target).expect("create a folder in the copy");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// `--data <dir> --today 2023-07-03`.
pub fn huibao_args_for(dir: &std::path::Path) -> Vec<OsString> {
    vec![
        "--data".into(),
        dir.as_os_str().to_owned(),
        "--today".into(),
        TODAY.into(),
    ]
}

/// `<dir>/2023-06-30/party.json`.
pub fn party_path(dir: &std::path::Path) -> PathBuf {
    dir.join(SNAPSHOT).join("party.json")
}

/// The seed's party.json with the first figure of [`ITEM_ID`] set to `value`, pretty-printed.
pub fn party_with(value: u64) -> String {
    let path = party_path(&data_dir());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let item = json["groups"]
        .as_array_mut()
        .expect("party.json: groups")
        .iter_mut()
        .flat_map(|g| g["items"].as_array_mut().expect("party.json: items"))
        .find(|i| i["id"] == ITEM_ID)
        .unwrap_or_else(|| panic!("party.json has no item {ITEM_ID}"));
    item["figures"][0]["value"] = value.into();
    let mut out = serde_json::to_string_pretty(&json).expect("serialize party.json");
    out.push('\n');
    out
}

/// Saves `contents` to `path` the way editors do: write `<name>.tmp` beside it, then rename it over.
pub fn save_like_editor(path: &std::path::Path, contents: &[u8]) {
    let mut name = path.file_name().expect("a file name").to_owned();
    name.push(".tmp");
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, contents).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    std::fs::rename(&tmp, path).unwrap_or_else(|e| panic!("rename over {}: {e}", path.display()));
}

/// The first half of `text`, cut on a character boundary: a file saved only half-way.
pub fn cut_in_half(text: &str) -> &str {
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    &text[..half]
}

/// The value of [`ITEM_ID`]'s first figure in the loaded data's 2023-06-30 snapshot of `party`.
pub fn loaded_value(ds: &huibao::model::Dataset) -> Option<f64> {
    let date = chrono::NaiveDate::parse_from_str(SNAPSHOT, "%Y-%m-%d").expect("a date");
    ds.line("party")?
        .snapshots
        .iter()
        .find(|s| s.date == date)?
        .file
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .find(|i| i.id == ITEM_ID)?
        .figures
        .first()?
        .value?
        .num()
}

/// Makes a named pipe at `path` (nobody ever writes to it).
pub fn mkfifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()))
        .expect("a path without NUL");
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
