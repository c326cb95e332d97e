//! The runtime: draw(&state) → event → keymap → update → perform the effects. Redraws only when
//! something changed. Loading runs on its own thread, so keys (and `q`) work while a folder loads;
//! the first frame is drawn before that thread lists the older history or arms the watcher.

use super::behind::Behind;
use super::frame::FrameWriter;
use super::late::{Late, Seen};
pub use super::loader::Follow;
use super::loader::{retire, Ev, Loader};
use super::{keymap, update, Action, Effect, Now, State};
use crate::model::reload::Reloader;
use crossterm::event::Event;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, IsTerminal};
use std::ops::ControlFlow;
use std::sync::mpsc;
use std::time::{Duration, Instant};

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
    super::paint::full_redraw(term)
}

/// What to ask the terminal before the first frame (see [`super::probe`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Probe {
    /// `--theme auto`: pick dark or light from the terminal's background.
    pub theme: bool,
    /// `--borders auto`: switch to ASCII when ● moves the cursor two columns.
    pub borders: bool,
}

/// Sends the questions `probe` asks (on a terminal), taking dark for `--theme auto` until the answer
/// says otherwise (see [`super::paint::frame`]).
fn ask(state: &mut State, probe: Probe) -> Option<super::paint::Questions> {
    if !(probe.theme || probe.borders) || !io::stdin().is_terminal() {
        return None;
    }
    if probe.theme {
        state.look.theme = crate::look::ThemeName::Dark;
    }
    let pending = super::probe::send(probe.theme, probe.borders, super::probe::TIMEOUT).ok()?;
    Some(super::paint::Questions {
        pending,
        theme: probe.theme,
    })
}

/// Runs the dashboard until the user quits, then ends the process (see [`super::exit`]); returns
/// only when the terminal failed.
/// `reloader` loaded the first frame's data: it loads the rest of the history behind the first
/// frame, then every reload. With polling, `baseline` is the folder's fingerprint taken before the
/// data was loaded: a save made between that load and the start of polling is caught by comparing it
/// once the poller runs.
pub fn run(
    state: State,
    follow: Follow,
    reloader: Option<Reloader>,
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
    // Boxed so that quitting can leave it unfreed (below).
    let mut state = Box::new(state);
    install_panic_hook();
    super::signals::install_fault_restore();
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    let questions = ask(&mut state, probe);
    let backend = super::tty::Tty::new(FrameWriter::stdout(), state.look.ascii);
    let result = event_loop(&mut state, backend, follow, reloader, baseline, questions);
    restore_terminal();
    // The process ends now: freeing a long history piece by piece would only delay the shell's
    // prompt (the operating system takes the memory back at once).
    std::mem::forget(state);
    if let Ok(code) = result {
        super::exit::now(code);
    }
    match result {
        // The terminal went away under a frame: there is nobody to tell (and `eprintln!` to the dead
        // terminal would panic, turning this into exit code 101).
        Err(_) if terminal_gone(false) => Ok(1),
        r => r,
    }
}

/// True when the terminal we draw on (and, with `stdin_too`, the one keys come from) has hung up or
/// gone: every tty ioctl on it fails, so it no longer reads as a terminal.
fn terminal_gone(stdin_too: bool) -> bool {
    !io::stdout().is_terminal() || (stdin_too && !io::stdin().is_terminal())
}

/// The loop; returns the exit code (0 on quit, 128 + signal number on any signal that ends it).
fn event_loop(
    state: &mut State,
    backend: super::tty::Tty,
    follow: Follow,
    reloader: Option<Reloader>,
    baseline: Option<crate::watch::Fingerprint>,
    mut questions: Option<super::paint::Questions>,
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
    let county = match &follow {
        Follow::Watch(d) | Follow::Poll(d, _) if state.county.is_some() => Some(d.clone()),
        _ => None,
    };
    let county_at = state.county.as_deref().and_then(|c| c.county.at);
    let mut loader = Loader::new(tx.clone(), county, county_at);
    let keys_tx = tx.clone();
    let mut behind = Some(Behind::prepare(state, follow, reloader, baseline, tx)?);
    let theme = questions.as_ref().is_some_and(|q| q.theme);
    let mut late = Late::default();
    let mut wake = None;
    let first = update(state, Action::Tick(now()));
    perform(first, state, &mut term, &mut loader, &mut wake)?;
    let mut dirty = true;
    // Data a reload replaced, dropped after the next frame.
    let mut replaced = None;
    loop {
        if dirty {
            if let Some(heard) = super::paint::frame(&mut term, state, questions.take())? {
                late = typed_ahead(heard, theme, start, &keys_tx);
            }
            dirty = false;
            #[cfg(feature = "test-hooks")]
            test_panic_hook();
        }
        retire(replaced.take());
        // What the first frame did not need starts once it is on screen.
        if let Some(behind) = behind.take() {
            behind.start(&mut loader, state);
        }
        let tick_at =
            super::clock::next_change(state, start.elapsed(), chrono::Local::now().time());
        let ev = next_event(&rx, &mut wake, tick_at, start);
        if !matches!(ev, Ok(Ev::Tick)) {
            // Time passed since the last tick (up to a minute): the key or the load is handled
            // at the time it came, so a notice or a slide it starts is timed from now.
            let fx = update(state, Action::Tick(now()));
            perform(fx, state, &mut term, &mut loader, &mut wake)?;
        }
        let mut cx = Handling {
            state: &mut *state,
            term: &mut term,
            loader: &mut loader,
            replaced: &mut replaced,
            dirty: &mut dirty,
            late: &mut late,
            theme,
        };
        let action = match cx.on_event(ev, &now)? {
            ControlFlow::Continue(action) => action,
            ControlFlow::Break(code) => return Ok(code),
        };
        let Some(a) = action else { continue };
        // Any action may change what is shown; ratatui's diff writes only the cells that changed, so an
        // unchanged frame costs a few bytes.
        dirty = true;
        let effects = update(state, a);
        if let Some(code) = perform(effects, state, &mut term, &mut loader, &mut wake)? {
            return Ok(code);
        }
        loader.town_closed(state);
    }
}

/// What the loop lends to the handling of one event.
struct Handling<'a> {
    state: &'a mut State,
    term: &'a mut Terminal<super::tty::Tty>,
    loader: &'a mut Loader,
    /// Data a reload replaced, dropped after the next frame.
    replaced: &'a mut Option<crate::model::Dataset>,
    /// The screen is to be drawn again.
    dirty: &'a mut bool,
    /// Watches the keys for a start-up answer that came too late.
    late: &'a mut Late,
    /// `--theme auto`: the theme follows the terminal's background.
    theme: bool,
}

impl Handling<'_> {
    /// What `ev` asks of the state (a key's action, a resize, a tick); data that arrived is taken in
    /// here. Breaks with the exit code when the dashboard is to end (a signal, the terminal gone).
    fn on_event(
        &mut self,
        ev: Result<Ev, mpsc::RecvError>,
        now: &impl Fn() -> Now,
    ) -> io::Result<ControlFlow<u8, Option<Action>>> {
        let state = &mut *self.state;
        let action = match ev {
            Ok(Ev::Term(Event::Key(k))) => match self.late.see(&k, now().mono) {
                Seen::Key => keymap::action_for(state, &k),
                Seen::Answer => None,
                Seen::Background(rgb) => {
                    self.late_background(rgb)?;
                    None
                }
            },
            Ok(Ev::Term(Event::Resize(w, h))) => {
                self.term.autoresize()?;
                Some(Action::Resize(w, h))
            }
            Ok(Ev::Term(_)) => None,
            Ok(Ev::Tick) => Some(Action::Tick(now())),
            Ok(Ev::Reload) => {
                self.loader.request();
                None
            }
            Ok(Ev::Loaded(fresh)) => {
                *self.replaced = Some(self.loader.finished(state, *fresh));
                *self.dirty = true;
                None
            }
            Ok(Ev::CountyLoaded(fresh)) => {
                self.loader.county_finished(state, *fresh);
                *self.dirty = true;
                None
            }
            Ok(Ev::TownLoaded(t, fresh)) => {
                // Only the town still open takes it (the user may have gone back or opened another).
                *self.dirty |= super::county::history_arrived(state, t, *fresh);
                None
            }
            Ok(Ev::TownRows(rows)) => {
                self.loader.rows_loaded(state, rows);
                *self.dirty = true;
                None
            }
            Ok(Ev::Signal(sig)) => {
                use signal_hook::consts::{SIGCONT, SIGTSTP};
                if sig == SIGTSTP {
                    Some(Action::Suspend)
                } else if sig == SIGCONT {
                    // Resumed after an outside SIGSTOP: the screen may hold anything.
                    super::paint::full_redraw(self.term)?;
                    *self.dirty = true;
                    None
                } else {
                    return Ok(ControlFlow::Break(128 + sig as u8));
                }
            }
            Ok(Ev::Dead) | Err(_) => return Ok(ControlFlow::Break(1)),
        };
        Ok(ControlFlow::Continue(action))
    }
}

impl Handling<'_> {
    /// The terminal's background came after the first frame (see [`super::late`]): the theme follows
    /// it as it would have then.
    fn late_background(&mut self, rgb: (u8, u8, u8)) -> io::Result<()> {
        let answers = super::probe::Answers {
            background: Some(rgb),
            ..Default::default()
        };
        if super::probe::apply(&mut self.state.look, self.theme, answers) {
            super::paint::relook(self.term, self.state)?;
            *self.dirty = true;
        }
        Ok(())
    }
}

/// The keys typed while the start-up questions were out go to the loop before any other (the key
/// reader starts after them); with `theme` (the background was asked for) and no answer yet, a late
/// one is looked for.
fn typed_ahead(
    heard: super::probe::Heard,
    theme: bool,
    start: Instant,
    keys: &mpsc::Sender<Ev>,
) -> Late {
    let typed = super::typeahead::keys(&heard.typed);
    for key in &typed {
        let _ = keys.send(Ev::Term(Event::Key(*key)));
    }
    let until = start.elapsed() + super::late::LOOKED_FOR;
    let awaited = theme && heard.answers.background.is_none();
    Late::after(awaited, heard.cut, until).passing(typed.len())
}

/// The next event; a tick when the next change on screen (`tick_at`, see [`super::clock`]) or the
/// wake-up asked for by an effect comes first. The loop wakes itself for the clock (no timer
/// thread), so an idle dashboard wakes once a minute.
fn next_event(
    rx: &mpsc::Receiver<Ev>,
    wake: &mut Option<Duration>,
    tick_at: Duration,
    start: Instant,
) -> Result<Ev, mpsc::RecvError> {
    let due = wake.map_or(tick_at, |w| w.min(tick_at));
    match rx.recv_timeout(due.saturating_sub(start.elapsed())) {
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let at = start.elapsed();
            if wake.is_some_and(|w| at >= w) {
                *wake = None;
            }
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
