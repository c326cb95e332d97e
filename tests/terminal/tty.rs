//! The `Tty` harness: the real binary on its own pseudo-terminal, its `vt100` screen, raw output, modes and process state.

use super::*;

// ── The pty harness ─────────────────────────────────────────────────────────────────────────────────

/// A process running on a pseudo-terminal, with a `vt100` model of its screen and every raw byte it
/// wrote.
pub(super) struct Tty {
    master: Option<OwnedFd>,
    pub(super) pid: libc::pid_t,
    pidfd: Option<OwnedFd>,
    parser: vt100::Parser,
    pub(super) raw: Vec<u8>,
    eof: bool,
    exit: Option<Exit>,
    /// CPU time (user + system) of the process and its reaped children, from `wait4`.
    pub(super) cpu: Option<Duration>,
    /// The pty's modes before the process started.
    modes_before: libc::termios,
}

impl Tty {
    /// The dashboard with `extra` options before the base arguments and exactly the environment `env`.
    pub(super) fn dashboard(extra: &[&str], env: &[(&str, &str)]) -> Tty {
        let mut args: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        args.extend(base_args());
        Tty::spawn(env!("CARGO_BIN_EXE_huibao"), &args, env, COLS, ROWS)
    }

    /// Runs `program` on a new pty that is its controlling terminal (it is the session leader) and its
    /// stdin, stdout and stderr.
    pub(super) fn spawn(
        program: &str,
        args: &[String],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Tty {
        let (master, slave) = open_pty(cols, rows).expect("open a pty");
        let modes_before = termios_of(master.as_raw_fd());
        let stdio = || Stdio::from(slave.try_clone().expect("dup the pty slave"));
        let mut cmd = command(program, env);
        cmd.args(args)
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio());
        common::on_its_own_terminal(&mut cmd);
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

    pub(super) fn master_fd(&self) -> RawFd {
        self.master
            .as_ref()
            .expect("the pty master is still open")
            .as_raw_fd()
    }

    /// Writes `bytes` to the terminal, as if typed.
    pub(super) fn send(&mut self, bytes: &[u8]) {
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
    pub(super) fn pump(&mut self, timeout: Duration) -> bool {
        if self.eof || self.master.is_none() {
            return false;
        }
        let fd = self.master_fd();
        self.eof = !common::read_output(fd, timeout, &mut self.raw, &mut self.parser);
        !self.eof
    }

    /// The screen as text, rows trimmed and separated by newlines.
    pub(super) fn screen_text(&self) -> String {
        screen_text(self.parser.screen())
    }

    pub(super) fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// The screen, the tail of the raw output and the process state, for failure messages.
    pub(super) fn describe(&self) -> String {
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
    pub(super) fn wait_until(&mut self, what: &str, mut pred: impl FnMut(&Tty) -> bool) {
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
    pub(super) fn wait_for_overview(&mut self, want: &[String]) {
        self.wait_until("the overview (as `huibao render` draws it)", |t| {
            same_below_header(&t.screen_text(), want)
        });
    }

    /// Reaps the process if it has exited (without blocking).
    pub(super) fn try_reap(&mut self) -> Option<Exit> {
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
    pub(super) fn wait_exit(&mut self, timeout: Duration) -> Option<Exit> {
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
    pub(super) fn expect_exit(&mut self, after: &str) -> Exit {
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
    pub(super) fn wait_stopped(&mut self) {
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

    pub(super) fn signal(&self, sig: libc::c_int) {
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
    pub(super) fn modes(&self) -> libc::termios {
        termios_of(self.master_fd())
    }

    /// Asserts that the pty's modes are what they were before the process started (raw mode off).
    #[track_caller]
    pub(super) fn assert_modes_restored(&self, when: &str) {
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
    pub(super) fn foreground_pgrp(&self) -> libc::pid_t {
        let mut pgrp: libc::pid_t = 0;
        // SAFETY: TIOCGPGRP writes a pid_t to a valid pointer.
        let r = unsafe { libc::ioctl(self.master_fd(), libc::TIOCGPGRP, &mut pgrp) };
        check(r, "TIOCGPGRP").expect("the pty's foreground process group");
        pgrp
    }

    /// Closes the pty master, as a terminal emulator does when its window is closed.
    pub(super) fn close_master(&mut self) {
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
