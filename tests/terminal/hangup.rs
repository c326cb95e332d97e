//! Ctrl-Z and SIGCONT, and a terminal that goes away (closed master, with or without a shell's SIGHUP).

use super::*;

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
