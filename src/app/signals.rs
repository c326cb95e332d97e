//! Signals: every signal whose default action ends the process leaves the terminal as it was found.
//!
//! The asynchronous ones ([`ending`]: SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM …
//! and the real-time signals) are delivered to the event loop, which leaves it and restores the
//! terminal like a quit (exit code 128 + the signal). The faults ([`FAULTS`]: SIGSEGV, SIGBUS,
//! SIGABRT …) cannot wait for the loop: [`install_fault_restore`] puts in a handler that restores
//! the terminal with async-signal-safe calls only (a `write` of the escape codes and `tcsetattr`
//! with the modes saved before raw mode), then lets the signal take its course.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;

/// The signals whose default action ends the process and that the event loop handles: it restores
/// the terminal and exits with 128 + the signal. (SIGPIPE is left out: Rust ignores it, so a write
/// to a closed pipe fails instead.)
pub fn ending() -> Vec<i32> {
    use libc::*;
    let mut sigs = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        sigs.extend([SIGPWR, SIGSTKFLT]);
        sigs.extend(SIGRTMIN()..=SIGRTMAX());
    }
    sigs
}

/// Every signal the event loop listens for: [`ending`], and SIGTSTP (suspend) and SIGCONT
/// (resumed: redraw).
pub fn listened() -> Vec<i32> {
    let mut sigs = ending();
    sigs.extend([libc::SIGTSTP, libc::SIGCONT]);
    sigs
}

/// The write end of the pipe that [`on_signal`] writes each caught signal's number into (-1: none).
/// Never closed: a handler may run at any time.
static CAUGHT: AtomicI32 = AtomicI32::new(-1);

/// The signals caught since [`listen`], in the order they came.
pub struct Caught(std::fs::File);

impl Caught {
    /// The signals as they come; blocks between them (run it on its own thread).
    pub fn forever(mut self) -> impl Iterator<Item = i32> {
        use std::io::Read;
        std::iter::from_fn(move || loop {
            let mut sig = [0u8];
            match self.0.read(&mut sig) {
                Ok(1) => return Some(i32::from(sig[0])),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                _ => return None,
            }
        })
    }
}

/// Catches `sigs` from now on: each one caught waits in the returned [`Caught`]. A pipe written by
/// a plain handler (one `sigaction` per signal), not signal-hook's registry, whose bookkeeping
/// copied its whole table for each of the ~50 signals before the first frame. Once only.
pub fn listen(sigs: &[i32]) -> std::io::Result<Caught> {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills `fds`, two descriptors owned from here on.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // The handler never waits: a full pipe (thousands of signals unread) drops the rest.
    // SAFETY: fcntl on the descriptor just made.
    unsafe { libc::fcntl(fds[1], libc::F_SETFL, libc::O_NONBLOCK) };
    if CAUGHT
        .compare_exchange(-1, fds[1], Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        // SAFETY: both descriptors are ours and unused.
        unsafe { (libc::close(fds[0]), libc::close(fds[1])) };
        return Err(std::io::Error::other("signals are listened for already"));
    }
    for &sig in sigs {
        // SAFETY: a zeroed sigaction is a valid value; the handler only makes async-signal-safe
        // calls.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            if libc::sigaction(sig, &action, std::ptr::null_mut()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    // SAFETY: the read end is ours alone.
    Ok(Caught(unsafe { std::fs::File::from_raw_fd(fds[0]) }))
}

/// Writes the signal's number into the pipe of [`listen`] (async-signal-safe: `write` only, errno
/// kept).
extern "C" fn on_signal(sig: libc::c_int) {
    let fd = CAUGHT.load(Ordering::SeqCst);
    if fd < 0 {
        return;
    }
    // SAFETY: errno is this thread's; write is async-signal-safe and the byte outlives the call.
    unsafe {
        let errno = *libc::__errno_location();
        let byte = sig as u8;
        let _ = libc::write(fd, (&byte as *const u8).cast(), 1);
        *libc::__errno_location() = errno;
    }
}

/// Signals that end the process because something went wrong in it (or were sent to look like it):
/// handled at once, in the signal handler.
pub const FAULTS: [i32; 7] = [
    libc::SIGABRT,
    libc::SIGBUS,
    libc::SIGFPE,
    libc::SIGILL,
    libc::SIGSEGV,
    libc::SIGSYS,
    libc::SIGTRAP,
];

/// What the emergency restore writes: end a synchronized frame, reset colours, leave the alternate
/// screen, show the cursor.
const RESTORE: &[u8] = b"\x1b[?2026l\x1b[0m\x1b[?1049l\x1b[?25h";

/// The terminal whose modes were saved (-1: none).
static TTY_FD: AtomicI32 = AtomicI32::new(-1);
/// Its modes before raw mode.
static MODES: OnceLock<libc::termios> = OnceLock::new();
/// The handlers that were in place before ours, one per entry of [`FAULTS`].
static PREVIOUS: [OnceLock<libc::sigaction>; FAULTS.len()] = [const { OnceLock::new() }; 7];

/// Saves the terminal's modes (call before raw mode is turned on) and installs the emergency
/// restore for [`FAULTS`]. Does nothing when there is no terminal on standard input.
pub fn install_fault_restore() {
    let fd = libc::STDIN_FILENO;
    // SAFETY: isatty and tcgetattr only read; `modes` is plain data they fill.
    let modes = unsafe {
        if libc::isatty(fd) != 1 {
            return;
        }
        let mut modes: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut modes) != 0 {
            return;
        }
        modes
    };
    if MODES.set(modes).is_err() {
        return; // Installed already.
    }
    TTY_FD.store(fd, Ordering::SeqCst);
    for (i, &sig) in FAULTS.iter().enumerate() {
        // SAFETY: a zeroed sigaction is a valid value; the handler only makes async-signal-safe
        // calls; `old` is filled by sigaction.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fault as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, &action, &mut old) == 0 {
                let _ = PREVIOUS[i].set(old);
            }
        }
    }
}

/// Puts the terminal back with async-signal-safe calls only.
fn emergency_restore() {
    let fd = TTY_FD.load(Ordering::SeqCst);
    if fd < 0 {
        return;
    }
    // SAFETY: write and tcsetattr are async-signal-safe; the buffer and the modes outlive the calls.
    unsafe {
        let _ = libc::write(libc::STDOUT_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
        if let Some(modes) = MODES.get() {
            let _ = libc::tcsetattr(fd, libc::TCSANOW, modes);
        }
    }
}

/// The fault handler: restore the terminal, then hand the signal to whoever had it before (Rust's
/// stack-overflow report) or to its default action.
extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    emergency_restore();
    // SAFETY: only async-signal-safe calls (sigaction, raise); the previous handler is called the
    // way it was registered.
    unsafe {
        // si_code <= 0: sent by kill, raise or sigqueue, not raised by a faulting instruction.
        let sent = info.is_null() || (*info).si_code <= 0;
        let previous = FAULTS
            .iter()
            .position(|&s| s == sig)
            .and_then(|i| PREVIOUS[i].get());
        match previous {
            Some(old)
                if !sent
                    && old.sa_sigaction != libc::SIG_DFL
                    && old.sa_sigaction != libc::SIG_IGN =>
            {
                libc::sigaction(sig, old, std::ptr::null_mut());
                if old.sa_flags & libc::SA_SIGINFO != 0 {
                    let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                        std::mem::transmute(old.sa_sigaction);
                    f(sig, info, ctx);
                } else {
                    let f: extern "C" fn(libc::c_int) = std::mem::transmute(old.sa_sigaction);
                    f(sig);
                }
            }
            _ => {
                // Back to the default action: a fault happens again on return and ends the
                // process; a sent signal is raised again (it is blocked until we return).
                let mut dfl: libc::sigaction = std::mem::zeroed();
                dfl.sa_sigaction = libc::SIG_DFL;
                libc::sigaction(sig, &dfl, std::ptr::null_mut());
                if sent {
                    libc::raise(sig);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ending_signal_is_listened_for_and_none_is_a_fault() {
        let listened = listened();
        for sig in [
            libc::SIGQUIT,
            libc::SIGUSR1,
            libc::SIGUSR2,
            libc::SIGALRM,
            libc::SIGTERM,
            libc::SIGHUP,
            libc::SIGINT,
        ] {
            assert!(listened.contains(&sig), "signal {sig}");
        }
        assert!(ending().iter().all(|s| !FAULTS.contains(s)));
        // signal-hook refuses these; they are faults here.
        assert!(ending()
            .iter()
            .all(|s| !signal_hook::consts::FORBIDDEN.contains(s)));
    }

    #[test]
    fn caught_signals_come_in_order_and_a_second_listen_is_refused() {
        let caught = listen(&[libc::SIGUSR2, libc::SIGWINCH]).unwrap();
        assert!(listen(&[libc::SIGUSR1]).is_err());
        // SAFETY: raise to this process; the handler above takes both signals.
        unsafe {
            libc::raise(libc::SIGWINCH);
            libc::raise(libc::SIGUSR2);
            libc::raise(libc::SIGWINCH);
        }
        let got: Vec<i32> = caught.forever().take(3).collect();
        assert_eq!(got, [libc::SIGWINCH, libc::SIGUSR2, libc::SIGWINCH]);
    }
}
