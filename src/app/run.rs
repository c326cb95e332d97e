//! The runtime: draw(&state) → event → keymap → update → perform the effects. Redraws only when
//! something changed. Loading runs on its own thread, so keys (and `q`) work while a folder loads.

use super::frame::FrameWriter;
use super::{keymap, update, Action, Effect, Now, State};
use crate::model::Dataset;
use crossterm::event::{self, Event};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the loop waits on.
enum Ev {
    Term(Event),
    Tick,
    /// The folder changed (watcher or poller).
    Reload,
    /// The loader thread finished.
    Loaded(Box<Dataset>),
    /// The county folder was loaded again (every town's newest snapshots).
    CountyLoaded(Box<crate::model::county::County>),
    /// A county's town (its position) was loaded with its whole history.
    TownLoaded(usize, Box<Dataset>),
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
    fn dir(&self) -> Option<&Path> {
        match self {
            Follow::Nothing => None,
            Follow::Watch(d) | Follow::Poll(d, _) => Some(d),
        }
    }
}

/// Loads the folder on a thread of its own: a slow disk, a network share or a file that blocks never
/// stops the screen or the keys. At most one load runs; a request during it runs once it is done.
struct Loader {
    dir: Option<PathBuf>,
    tx: mpsc::Sender<Ev>,
    running: bool,
    again: bool,
    /// The folder is a county's: a reload loads every town's newest snapshots.
    county: bool,
}

impl Loader {
    fn request(&mut self) {
        let Some(dir) = self.dir.clone() else { return };
        if self.running {
            self.again = true;
            return;
        }
        self.running = true;
        let tx = self.tx.clone();
        let county = self.county;
        std::thread::spawn(move || {
            let _ = if county {
                let fresh = crate::model::county::load_county(&dir);
                tx.send(Ev::CountyLoaded(Box::new(fresh)))
            } else {
                let fresh = crate::model::load::load_dir(&dir);
                tx.send(Ev::Loaded(Box::new(fresh)))
            };
        });
    }

    /// Loads the whole history of the county's town `t` on a thread of its own.
    fn load_town(&self, state: &State, t: usize) {
        let Some(c) = state.county.as_deref() else {
            return;
        };
        let Some(town) = c.county.towns.get(t) else {
            return;
        };
        let (dir, th, tx) = (town.dir.clone(), c.county.thresholds, self.tx.clone());
        std::thread::spawn(move || {
            let fresh = crate::model::county::load_town(&dir, th, 0);
            let _ = tx.send(Ev::TownLoaded(t, Box::new(fresh)));
        });
    }

    /// The county was loaded again: show it, and reload the open town.
    fn county_finished(&mut self, state: &mut State, fresh: crate::model::county::County) {
        let fx = super::county::replace_county(state, fresh);
        for e in fx.iter() {
            if let Effect::LoadTown(t) = e {
                self.load_town(state, t);
            }
        }
        self.running = false;
        if std::mem::take(&mut self.again) {
            self.request();
        }
    }

    /// A load finished: keep the last good contents of files that now fail, show it, and start the
    /// load that was asked for meanwhile.
    fn finished(&mut self, state: &mut State, mut fresh: Dataset) {
        crate::model::load::keep_last_good(&mut fresh, &state.data);
        state.replace_data(fresh);
        crate::model::load::return_freed_memory();
        self.running = false;
        if std::mem::take(&mut self.again) {
            self.request();
        }
    }
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
    /// `--theme auto`: pick dark or light from the terminal's background.
    pub theme: bool,
    /// `--borders auto`: switch to ASCII when ● moves the cursor two columns.
    pub borders: bool,
}

/// Asks the terminal and applies the answers to the state's look.
fn apply_probe(state: &mut State, probe: Probe) {
    if !(probe.theme || probe.borders) || !io::stdin().is_terminal() {
        return;
    }
    let answers =
        super::probe::ask(probe.theme, probe.borders, super::probe::TIMEOUT).unwrap_or_default();
    if probe.theme {
        let light = answers
            .background
            .is_some_and(crate::ui::palette::is_light_background);
        state.look.theme = if light {
            crate::look::ThemeName::Light
        } else {
            crate::look::ThemeName::Dark
        };
    }
    if answers.ambiguous_wide == Some(true) {
        state.look.ascii = true;
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
    super::signals::install_fault_restore();
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    apply_probe(&mut state, probe);
    let backend = super::tty::Tty::new(FrameWriter::stdout(), state.look.ascii);
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

/// Sends terminal events, signals and the clock into the loop's channel; returns whether keys come from
/// a terminal. Ticks fall just after each wall-clock second (so the header clock never lags) and are
/// counted on the monotonic clock (so they never drift).
fn spawn_inputs(tx: &mpsc::Sender<Ev>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(super::signals::listened())?;
    let sig_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig_tx.send(Ev::Signal(sig)).is_err() {
                return;
            }
        }
    });
    let keys = tx.clone();
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
    let tx = tx.clone();
    std::thread::spawn(move || {
        use chrono::Timelike;
        let into_second = chrono::Local::now().nanosecond() % 1_000_000_000;
        let first = Instant::now() + Duration::from_nanos(u64::from(1_000_000_000 - into_second));
        let mut next = first;
        loop {
            let wait = next.saturating_duration_since(Instant::now());
            std::thread::sleep(wait.min(TERMINAL_CHECK));
            if terminal_gone(keys_from_stdin) {
                let _ = tx.send(Ev::Dead);
                return;
            }
            let now = Instant::now();
            if now >= next {
                // The next whole second after now, counted from the first tick: a late wake-up skips
                // ahead instead of pushing every later tick back.
                let k = (now - first).as_secs() + 1;
                next = first + TICK * k as u32;
                if tx.send(Ev::Tick).is_err() {
                    return;
                }
            }
        }
    });
    Ok(())
}

/// Starts following the folder: file events (or polling) are sent as `Ev::Reload`. A save made between
/// the first load and now (`baseline` differs) asks for a reload at once.
///
/// The watcher is set up on a thread of its own, which keeps it: a recursive watch of a large folder (a
/// county's towns hold thousands of snapshot folders) takes a while, and the first frame must not wait.
fn spawn_follow(
    follow: &Follow,
    baseline: Option<crate::watch::Fingerprint>,
    tx: &mpsc::Sender<Ev>,
) {
    let follow = follow.clone();
    let tx = tx.clone();
    std::thread::spawn(move || {
        let mut _watcher = None;
        let changes = match &follow {
            Follow::Nothing => return,
            Follow::Watch(dir) => match crate::watch::watch(dir, crate::watch::DEBOUNCE) {
                Ok((w, rx)) => {
                    _watcher = Some(w);
                    rx
                }
                Err(_) => crate::watch::poll(dir.clone(), Duration::from_secs(2)),
            },
            Follow::Poll(dir, secs) => {
                crate::watch::poll(dir.clone(), Duration::from_secs((*secs).max(1)))
            }
        };
        if let (Some(dir), Some(before)) = (follow.dir(), baseline) {
            if crate::watch::fingerprint(dir) != before {
                let _ = tx.send(Ev::Reload);
            }
        }
        while changes.recv().is_ok() {
            if tx.send(Ev::Reload).is_err() {
                return;
            }
        }
    });
}

/// The loop; returns the exit code (0 on quit, 128 + signal number on any signal that ends it).
fn event_loop(
    state: &mut State,
    backend: super::tty::Tty,
    follow: Follow,
    baseline: Option<crate::watch::Fingerprint>,
) -> io::Result<u8> {
    let start = Instant::now();
    let now = || Now {
        clock: chrono::Local::now().time().with_nanosecond_zero(),
        mono: start.elapsed(),
    };
    let mut term = Terminal::new(backend)?;
    let size = term.size()?;
    update(state, Action::Resize(size.width, size.height));
    let (tx, rx) = mpsc::channel();
    spawn_inputs(&tx)?;
    let mut loader = Loader {
        dir: follow.dir().map(Path::to_path_buf),
        tx,
        running: false,
        again: false,
        county: state.county.is_some(),
    };
    let mut wake = None;
    let first = update(state, Action::Tick(now()));
    perform(first, state, &mut term, &mut loader, &mut wake)?;
    let mut dirty = true;
    // Following the folder starts once the first frame is out: setting up a watch on a large folder
    // must not compete with it for the processor.
    let mut follow_later = Some((follow, baseline, loader.tx.clone()));
    loop {
        if dirty {
            queue!(term.backend_mut(), terminal::BeginSynchronizedUpdate)?;
            term.draw(|f| super::tty::draw_frame(f, state))?;
            queue!(term.backend_mut(), terminal::EndSynchronizedUpdate)?;
            term.backend_mut().writer_mut().send()?;
            dirty = false;
            if let Some((follow, baseline, tx)) = follow_later.take() {
                spawn_follow(&follow, baseline, &tx);
            }
            #[cfg(feature = "test-hooks")]
            test_panic_hook();
        }
        let action = match next_event(&rx, &mut wake, start) {
            Ok(Ev::Term(Event::Key(k))) => keymap::action_for(state, &k),
            Ok(Ev::Term(Event::Resize(w, h))) => {
                term.autoresize()?;
                Some(Action::Resize(w, h))
            }
            Ok(Ev::Term(_)) => None,
            Ok(Ev::Tick) => Some(Action::Tick(now())),
            Ok(Ev::Reload) => {
                loader.request();
                None
            }
            Ok(Ev::Loaded(fresh)) => {
                loader.finished(state, *fresh);
                dirty = true;
                None
            }
            Ok(Ev::CountyLoaded(fresh)) => {
                loader.county_finished(state, *fresh);
                dirty = true;
                None
            }
            Ok(Ev::TownLoaded(t, mut fresh)) => {
                // Only the town still open takes it (the user may have gone back or opened another).
                if state.county.as_deref().and_then(|c| c.open) == Some(t) {
                    crate::model::load::keep_last_good(&mut fresh, &state.data);
                    state.replace_data(*fresh);
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
        let Some(a) = action else { continue };
        // Any action may change what is shown; ratatui's diff writes only the cells that changed, so an
        // unchanged frame costs a few bytes.
        dirty = true;
        let effects = update(state, a);
        if let Some(code) = perform(effects, state, &mut term, &mut loader, &mut wake)? {
            return Ok(code);
        }
    }
}

/// The next event; a tick when the wake-up asked for by an effect comes first.
fn next_event(
    rx: &mpsc::Receiver<Ev>,
    wake: &mut Option<Duration>,
    start: Instant,
) -> Result<Ev, mpsc::RecvError> {
    let Some(at) = *wake else { return rx.recv() };
    match rx.recv_timeout(at.saturating_sub(start.elapsed())) {
        Err(mpsc::RecvTimeoutError::Timeout) => {
            *wake = None;
            Ok(Ev::Tick)
        }
        other => other.map_err(|_| mpsc::RecvError),
    }
}

/// Performs what an update asked for; returns the exit code when the program is to end.
fn perform(
    effects: super::Effects,
    state: &State,
    term: &mut Terminal<super::tty::Tty>,
    loader: &mut Loader,
    wake: &mut Option<Duration>,
) -> io::Result<Option<u8>> {
    for effect in effects.iter() {
        match effect {
            Effect::Quit => return Ok(Some(0)),
            Effect::Suspend => suspend(term)?,
            Effect::Reload => loader.request(),
            Effect::LoadTown(t) => loader.load_town(state, t),
            Effect::WakeAt(at) => *wake = Some(at),
        }
    }
    Ok(None)
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

#[cfg(feature = "test-hooks")]
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
