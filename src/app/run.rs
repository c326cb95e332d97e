//! The terminal event loop: draw(&state) → event → keymap → update. Redraws only when something changed.

use super::{keymap, update, Action, State};
use crossterm::event::{self, Event};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::mpsc;
use std::time::Duration;

/// Output that is flushed once per frame, by the loop, so a frame leaves in a single write.
pub struct FrameWriter {
    inner: BufWriter<Stdout>,
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    /// Deferred: the loop calls [`FrameWriter::send`] after the frame is complete.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FrameWriter {
    /// Writes out the buffered frame.
    pub fn send(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// What the loop waits on.
enum Ev {
    Term(Event),
    Tick,
    Reload,
    Signal(i32),
    Dead,
}

/// How the data folder is followed while the dashboard is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follow {
    /// Nothing to follow (the compiled-in seed).
    Nothing,
    /// Watch the folder for file events.
    Watch(std::path::PathBuf),
    /// Poll the folder every so many seconds (network shares).
    Poll(std::path::PathBuf, u64),
}

impl Follow {
    fn dir(&self) -> Option<&std::path::Path> {
        match self {
            Follow::Nothing => None,
            Follow::Watch(d) | Follow::Poll(d, _) => Some(d),
        }
    }
}

/// Reloads the folder, keeping the last good contents of files that now fail to load.
fn reload(state: &mut State, dir: &std::path::Path) {
    let mut fresh = crate::model::load::load_dir(dir);
    crate::model::load::keep_last_good(&mut fresh, &state.data);
    state.replace_data(fresh);
}

/// Puts the terminal back: main screen, cursor shown, raw mode off.
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        crossterm::style::ResetColor,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// On a panic in any thread: restore the terminal, report, and end the process (a worker's panic must not
/// leave the UI drawing over a restored terminal).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        std::process::exit(101);
    }));
}

/// Restores the terminal, stops the process (as Ctrl-Z would in a shell), and takes the terminal back
/// with a full redraw when the shell resumes it.
fn suspend(term: &mut Terminal<super::tty::Tty>) -> io::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    full_redraw(term)
}

/// Clears the screen and forgets the last frame, so the next draw repaints every cell. (Not
/// `Terminal::clear`: it asks the terminal for the cursor position, and the reply would be taken by the
/// event thread.)
fn full_redraw(term: &mut Terminal<super::tty::Tty>) -> io::Result<()> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// What to ask the terminal before the first frame (see [`super::probe`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Probe {
    /// `--theme auto`: pick dark or light from the terminal's background, at this colour depth.
    pub theme_at_depth: Option<crate::ui::theme::ColorDepth>,
    /// `--borders auto`: switch to ASCII borders when ● moves the cursor two columns.
    pub borders: bool,
}

/// Asks the terminal and applies the answers to the state.
fn apply_probe(state: &mut State, probe: Probe) {
    if (probe.theme_at_depth.is_none() && !probe.borders) || !io::stdin().is_terminal() {
        return;
    }
    let answers = super::probe::ask(
        probe.theme_at_depth.is_some(),
        probe.borders,
        super::probe::TIMEOUT,
    )
    .unwrap_or_default();
    if let Some(depth) = probe.theme_at_depth {
        let light = answers
            .background
            .is_some_and(crate::ui::palette::is_light_background);
        let name = if light {
            crate::ui::theme::ThemeName::Light
        } else {
            crate::ui::theme::ThemeName::Dark
        };
        let ascii = state.theme.ascii;
        state.theme = crate::ui::theme::Theme::new(name, depth);
        state.theme.ascii = ascii;
    }
    if answers.ambiguous_wide == Some(true) {
        state.theme.ascii = true;
    }
}

/// Runs the dashboard until the user quits; returns the exit code.
/// `baseline` is the folder's fingerprint taken before the data was loaded: a save made between that load
/// and the start of watching is caught by comparing it once the watcher runs.
pub fn run(
    mut state: State,
    follow: Follow,
    baseline: Option<crate::watch::Fingerprint>,
    probe: Probe,
) -> io::Result<u8> {
    if !io::stdout().is_terminal() {
        eprintln!(
            "huibao: standard output is not a terminal, so the dashboard cannot open. \
             Use `huibao render` (text, ANSI or SVG) or `huibao validate` instead."
        );
        return Ok(2);
    }
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    apply_probe(&mut state, probe);
    let backend = super::tty::Tty::new(
        FrameWriter {
            inner: BufWriter::with_capacity(1 << 16, io::stdout()),
        },
        state.theme.ascii,
    );
    let result = event_loop(&mut state, backend, follow, baseline);
    restore_terminal();
    match result {
        // The terminal went away under a frame: there is nobody to tell (and `eprintln!` to the dead
        // terminal would panic, turning this into exit code 101).
        Err(_) if terminal_gone(false) => Ok(1),
        r => r,
    }
}

/// How often the clock ticks.
const TICK: Duration = Duration::from_millis(1000);

/// How often the terminal is checked for a hang-up: bounds how long crossterm's reader may spin on a
/// dead terminal before the loop ends.
const TERMINAL_CHECK: Duration = Duration::from_millis(100);

/// True when the terminal we draw on (and, with `stdin_too`, the one keys come from) has hung up or
/// gone: every tty ioctl on it fails, so it no longer reads as a terminal.
fn terminal_gone(stdin_too: bool) -> bool {
    !io::stdout().is_terminal() || (stdin_too && !io::stdin().is_terminal())
}

/// The loop; returns the exit code (0 on quit, 128 + signal number on SIGTERM/SIGHUP/SIGINT).
fn event_loop(
    state: &mut State,
    backend: super::tty::Tty,
    follow: Follow,
    baseline: Option<crate::watch::Fingerprint>,
) -> io::Result<u8> {
    let mut term = Terminal::new(backend)?;
    let size = term.size()?;
    update(state, Action::Resize(size.width, size.height));
    let (tx, rx) = mpsc::channel();
    let keys = tx.clone();
    let tx_reload = tx.clone();
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let mut signals =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
        let tx = tx.clone();
        std::thread::spawn(move || {
            for sig in signals.forever() {
                if tx.send(Ev::Signal(sig)).is_err() {
                    return;
                }
            }
        });
    }
    std::thread::spawn(move || loop {
        match event::read() {
            Ok(ev) => {
                if keys.send(Ev::Term(ev)).is_err() {
                    return;
                }
            }
            Err(_) => {
                let _ = keys.send(Ev::Dead);
                return;
            }
        }
    });
    // The clock, and a watch on the terminal. crossterm 0.29 never reports a terminal that hung up: on a
    // hung-up tty `read` returns 0 (or EIO) at once, and crossterm's read loop retries it forever without
    // returning an error, so the reader thread above spins at 100% CPU and never sends `Ev::Dead`. (Its
    // `event::poll(timeout)` is no way out: the timeout is only looked at after that loop.) A hung-up tty
    // fails every ioctl, so `is_terminal` turns false; look a few times a second.
    let keys_from_stdin = io::stdin().is_terminal();
    std::thread::spawn(move || {
        let mut since_tick = Duration::ZERO;
        loop {
            std::thread::sleep(TERMINAL_CHECK);
            since_tick += TERMINAL_CHECK;
            let ev = if terminal_gone(keys_from_stdin) {
                Ev::Dead
            } else if since_tick >= TICK {
                since_tick = Duration::ZERO;
                Ev::Tick
            } else {
                continue;
            };
            let dead = matches!(ev, Ev::Dead);
            if tx.send(ev).is_err() || dead {
                return;
            }
        }
    });
    let mut _watcher = None;
    let signals = match &follow {
        Follow::Nothing => None,
        Follow::Watch(dir) => match crate::watch::watch(dir, crate::watch::DEBOUNCE) {
            Ok((w, rx)) => {
                _watcher = Some(w);
                Some(rx)
            }
            Err(_) => Some(crate::watch::poll(dir.clone(), Duration::from_secs(2))),
        },
        Follow::Poll(dir, secs) => Some(crate::watch::poll(
            dir.clone(),
            Duration::from_secs((*secs).max(1)),
        )),
    };
    if let (Some(dir), Some(before)) = (follow.dir(), baseline) {
        if crate::watch::fingerprint(dir) != before {
            let _ = tx_reload.send(Ev::Reload);
        }
    }
    if let Some(rx) = signals {
        let tx = tx_reload;
        std::thread::spawn(move || {
            while rx.recv().is_ok() {
                if tx.send(Ev::Reload).is_err() {
                    return;
                }
            }
        });
    }
    let now = || chrono::Local::now().time().with_nanosecond_zero();
    update(state, Action::Tick(now()));
    let mut dirty = true;
    loop {
        if dirty {
            queue!(term.backend_mut(), terminal::BeginSynchronizedUpdate)?;
            term.draw(|f| super::tty::draw_frame(f, state))?;
            queue!(term.backend_mut(), terminal::EndSynchronizedUpdate)?;
            term.backend_mut().writer_mut().send()?;
            dirty = false;
            test_panic_hook();
        }
        let action = match rx.recv() {
            Ok(Ev::Term(Event::Key(k))) => keymap::action_for(state, &k),
            Ok(Ev::Term(Event::Resize(w, h))) => {
                term.autoresize()?;
                Some(Action::Resize(w, h))
            }
            Ok(Ev::Term(_)) => None,
            Ok(Ev::Tick) => Some(Action::Tick(now())),
            Ok(Ev::Reload) => {
                if let Some(dir) = follow.dir() {
                    reload(state, dir);
                    dirty = true;
                }
                None
            }
            Ok(Ev::Signal(sig)) => {
                use signal_hook::consts::{SIGCONT, SIGTSTP};
                if sig == SIGTSTP {
                    Some(Action::Suspend)
                } else if sig == SIGCONT {
                    // Resumed after an outside SIGSTOP: the screen may hold anything.
                    full_redraw(&mut term)?;
                    dirty = true;
                    None
                } else {
                    return Ok(128 + sig as u8);
                }
            }
            Ok(Ev::Dead) | Err(_) => return Ok(1),
        };
        if let Some(a) = action {
            // Any action may change what is shown; ratatui's diff writes only the cells that changed,
            // so an unchanged frame costs a few bytes.
            update(state, a);
            if state.quit {
                return Ok(0);
            }
            if state.suspend_requested {
                state.suspend_requested = false;
                suspend(&mut term)?;
            }
            if state.reload_requested {
                state.reload_requested = false;
                if let Some(dir) = follow.dir() {
                    reload(state, dir);
                }
            }
            dirty = true;
        }
    }
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for chrono::NaiveTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

/// For the end-to-end tests of terminal restoration: `HUIBAO_TEST_PANIC=ui` panics in the UI thread after
/// the first frame, `worker` in another thread. Does nothing otherwise.
fn test_panic_hook() {
    static MODE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    match MODE
        .get_or_init(|| std::env::var("HUIBAO_TEST_PANIC").ok())
        .as_deref()
    {
        Some("ui") => panic!("test panic in the UI thread"),
        Some("worker") => {
            let _ = std::thread::spawn(|| panic!("test panic in a worker thread")).join();
        }
        _ => {}
    }
}
