//! Process and pseudo-terminal primitives: the spawn lock, `poll`, pidfds, waiting with a deadline, whole characters, opening a pty.

use super::*;

/// Held while a pty is opened (until its fds are close-on-exec) and while a child is spawned, so
/// that a child started by a test running in parallel never inherits another test's pty fds
/// (a leaked slave fd would keep the master from ever seeing end-of-file).
static SPAWN_LOCK: Mutex<()> = Mutex::new(());

pub(super) fn spawn_lock() -> MutexGuard<'static, ()> {
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

pub(super) fn winsize(cols: u16, rows: u16) -> libc::winsize {
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

/// Reads what the program on the pty `fd` wrote into `raw` and the `vt100` model (whole
/// characters only, see [`whole_chars`]), waiting at most `timeout` for the first byte. False once
/// the output has ended (EIO: every slave fd is closed, the program has gone).
pub fn read_output(
    fd: RawFd,
    timeout: Duration,
    raw: &mut Vec<u8>,
    parser: &mut vt100::Parser,
) -> bool {
    if poll(&[(fd, libc::POLLIN)], timeout)[0] == 0 {
        return true;
    }
    let mut buf = [0u8; 16 * 1024];
    loop {
        // SAFETY: reading into a valid buffer from our fd.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            let fed = whole_chars(raw);
            raw.extend_from_slice(&buf[..n as usize]);
            parser.process(&raw[fed..whole_chars(raw)]);
            continue;
        }
        if n == 0 {
            return false;
        }
        match io::Error::last_os_error().kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => return true,
            _ => return false,
        }
    }
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

/// Makes the child a session leader whose controlling terminal is its standard input (the pty),
/// as a terminal emulator starts a shell.
pub fn on_its_own_terminal(cmd: &mut Command) {
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
}
