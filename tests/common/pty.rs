//! `Pty`: the real binary on a pseudo-terminal, its output fed into a `vt100` screen, waited on by content.

use super::*;

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
        on_its_own_terminal(&mut cmd);
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
        let fd = self.master.as_raw_fd();
        self.eof = !read_output(fd, timeout, &mut self.raw, &mut self.parser);
        !self.eof
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
