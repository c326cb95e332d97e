//! SIGTERM, SIGHUP, every other ending or fault signal, and panics in either thread restore the terminal.

use super::*;

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
