//! Waiting for the terminal to hang up (a dropped SSH link, a closed terminal window) without
//! waking while it does not.

/// Returns once the terminal on standard output (and, with `stdin_too`, standard input) has hung
/// up or gone.
#[cfg(unix)]
pub fn wait(stdin_too: bool) {
    let mut fds = vec![libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    }];
    if stdin_too {
        fds.push(libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        });
    }
    loop {
        // With no events asked for, `poll` returns only for a hang-up, an error or a closed
        // descriptor; -1 waits without a timeout.
        // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures for the whole call.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
        if n > 0 {
            return;
        }
        if n < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            // `poll` itself failed: fall back to looking a few times a second.
            break;
        }
    }
    look_periodically(stdin_too);
}

/// Returns once the terminal has hung up or gone.
#[cfg(not(unix))]
pub fn wait(stdin_too: bool) {
    look_periodically(stdin_too);
}

/// A hung-up terminal fails every tty ioctl, so it no longer reads as a terminal: look a few times
/// a second.
fn look_periodically(stdin_too: bool) {
    use std::io::IsTerminal;
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if !std::io::stdout().is_terminal() || (stdin_too && !std::io::stdin().is_terminal()) {
            return;
        }
    }
}
