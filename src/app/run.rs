//! The runtime: draw(&state) → event → keymap → update → perform the effects. Redraws only when
//! something changed. Loading runs on its own thread, so keys (and `q`) work while a folder loads;
//! the first frame is drawn before that thread lists the older history or arms the watcher.

use super::frame::FrameWriter;
use super::{keymap, update, Action, Effect, Now, State};
use crate::model::reload::Reloader;
use crate::model::Dataset;
use crate::watch::Changed;
use crossterm::event::{self, Event};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the loop waits on.
enum Ev {
    Term(Event),
    Tick,
    /// The county folder changed (watcher or poller).
    Reload,
    /// The loader thread finished.
    Loaded(Box<Dataset>),
    /// The county folder was loaded again (every town's newest snapshots).
    CountyLoaded(Box<crate::model::county::County>),
    /// A county's town (its position) was loaded with its whole history.
    TownLoaded(usize, Box<Dataset>),
    /// Rows of the county (by their town's position) loaded behind the first frame.
    TownRows(super::county_load::Rows),
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

/// Loads the folder on a thread of its own: a slow disk, a network share or a file that blocks never
/// stops the screen or the keys. The thread owns the [`Reloader`], so a reload re-reads only the
/// files that changed; requests made while it loads are served by one more load.
struct Loader {
    /// Reload requests: the paths the watcher saw change, or `None` to look at everything.
    requests: Option<mpsc::Sender<Changed>>,
    tx: mpsc::Sender<Ev>,
    /// The county folder, when the folder is a county's: a reload loads every town's newest
    /// snapshots, on a thread per load.
    county: Option<std::path::PathBuf>,
    /// The county's `--at` date, kept by its reloads.
    county_at: Option<chrono::NaiveDate>,
    /// The thread loading the county's rows behind its first frame.
    rows: Option<std::thread::JoinHandle<()>>,
    /// The county folder's watch to arm once the rows are in, with the folder's fingerprint from
    /// before the first frame (a save made before the watch is armed is caught by it).
    watch: Option<(std::path::PathBuf, Option<crate::watch::Fingerprint>)>,
    running: bool,
    again: bool,
}

impl Loader {
    /// Starts the loading thread, after the first frame. It loads the history older than the first
    /// frame's snapshots (when the first frame had only those), then, for `watch`, arms the watcher
    /// and reloads once more if anything changed before it was armed; then it reloads on each
    /// request (`changes` from the watcher or the poller, or `r`).
    ///
    /// A county folder has no reloader: its watcher, armed once the county's rows are in, signals
    /// the loop, which loads; a save made before the watcher was armed is caught by comparing the
    /// folder with `baseline`, its fingerprint from before the first frame.
    fn start(
        &mut self,
        reloader: Option<Reloader>,
        complete: bool,
        watch: Option<std::path::PathBuf>,
        baseline: Option<crate::watch::Fingerprint>,
    ) -> Option<mpsc::Sender<Changed>> {
        let tx = self.tx.clone();
        let Some(mut reloader) = reloader else {
            // A county's watch (thousands of folders to add) waits for its rows.
            self.watch = watch.map(|dir| (dir, baseline));
            if !self.running {
                self.follow_county();
            }
            return None;
        };
        let (requests, rx) = mpsc::channel::<Changed>();
        let changes = requests.clone();
        let from_watch = requests.clone();
        std::thread::spawn(move || {
            let send = |ds: Dataset| {
                let sent = tx.send(Ev::Loaded(Box::new(ds))).is_ok();
                // The load's buffers (file bytes, the parsing threads' scratch) were freed on this
                // thread and its helpers: hand the pages back here too, while the screen is drawn.
                crate::model::load::return_freed_memory();
                sent
            };
            // The whole history, reusing the first frame's parses.
            if !complete && !send(reloader.reload()) {
                return;
            }
            // Armed after that load, so the load's own reads wake no watch; a save made before it
            // was armed is caught by looking once more.
            let _watch = watch.map(|dir| {
                let before = reloader.fingerprint();
                let watch = watch_folder(&dir, from_watch);
                let again = reloader.reload();
                if reloader.fingerprint() != before && !send(again) {
                    return None;
                }
                Some(watch)
            });
            while let Ok(mut changed) = rx.recv() {
                // One load serves every request made before it starts.
                while let Ok(more) = rx.try_recv() {
                    changed = crate::watch::merge(changed, more);
                }
                let fresh = match changed {
                    Some(paths) => reloader.reload_changed(&paths),
                    None => reloader.reload(),
                };
                if !send(fresh) {
                    return;
                }
            }
        });
        self.requests = Some(requests);
        Some(changes)
    }

    fn request(&mut self) {
        if let Some(dir) = self.county.clone() {
            self.request_county(dir);
        } else if let Some(r) = &self.requests {
            let _ = r.send(None);
        }
    }

    /// Loads the county folder again on a thread of its own; a request during it runs once it is
    /// done.
    fn request_county(&mut self, dir: std::path::PathBuf) {
        if self.running {
            self.again = true;
            return;
        }
        self.running = true;
        let (tx, at) = (self.tx.clone(), self.county_at);
        std::thread::spawn(move || {
            let fresh = crate::model::county::load_county_at(&dir, at);
            let _ = tx.send(Ev::CountyLoaded(Box::new(fresh)));
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

    /// Arms the county's watch, once its rows are in.
    fn follow_county(&mut self) {
        if let Some((dir, baseline)) = self.watch.take() {
            let tx = self.tx.clone();
            std::thread::spawn(move || {
                super::county_load::follow(dir, baseline, || tx.send(Ev::Reload).is_ok())
            });
        }
    }

    /// Loads the county's rows behind its first frame; a reload asked for meanwhile runs once the
    /// last row is in.
    fn load_rows(&mut self, state: &State) {
        let Some(c) = state.county.as_deref().filter(|c| c.county.loading() > 0) else {
            return;
        };
        self.running = true;
        let tx = self.tx.clone();
        self.rows = Some(super::county_load::spawn_rows(&c.county, move |rows| {
            tx.send(Ev::TownRows(rows)).is_ok()
        }));
    }

    /// Rows of the county loaded: show them; after the last, the memory the loads freed goes back
    /// and a reload asked for meanwhile runs.
    fn rows_loaded(&mut self, state: &mut State, rows: super::county_load::Rows) {
        for (t, row) in rows {
            super::county::town_loaded(state, t, row);
        }
        if state
            .county
            .as_deref()
            .is_some_and(|c| c.county.loading() == 0)
        {
            // The thread ends right after its last row; its pages are free once it has.
            if let Some(rows) = self.rows.take() {
                let _ = rows.join();
            }
            crate::model::load::return_freed_memory();
            self.running = false;
            self.follow_county();
            if std::mem::take(&mut self.again) {
                self.request();
            }
        }
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

    /// A load finished: keep the last good contents of files that now fail, and show it. Returns
    /// the data shown until now, to drop once the new frame is drawn ([`retire`]).
    fn finished(&mut self, state: &mut State, mut fresh: Dataset) -> Dataset {
        crate::model::load::keep_last_good(&mut fresh, &state.data);
        state.replace_data(fresh)
    }
}

/// Drops data a reload replaced, once the new frame is on screen, and gives the memory back.
fn retire(replaced: Option<Dataset>) {
    if let Some(old) = replaced {
        drop(old);
        crate::model::load::return_freed_memory();
    }
}

/// Watches the folder: each change sends a request on `changes` (polling every two seconds when
/// the folder cannot be watched). Returns what must be kept alive for the watching to go on.
pub(super) fn watch_folder(
    dir: &std::path::Path,
    changes: mpsc::Sender<Changed>,
) -> Option<impl Sized> {
    match crate::watch::watch_changes_into(dir, crate::watch::DEBOUNCE, changes.clone()) {
        Ok(w) => Some(w),
        Err(_) => {
            // Polling cannot say what changed.
            crate::watch::poll_changes_into(dir.to_path_buf(), Duration::from_secs(2), changes);
            None
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

/// Starts listening for signals: the handlers are in place from here on (SIGTERM or SIGHUP during
/// the first frame must still restore the terminal); what they caught waits in the returned
/// [`Caught`](super::signals::Caught) until [`forward_signals`] passes it to the loop.
fn listen_signals() -> io::Result<super::signals::Caught> {
    super::signals::listen(&super::signals::listened())
}

/// Sends the signals caught into the loop's channel, from a thread started after the first frame.
fn forward_signals(signals: super::signals::Caught, tx: &mpsc::Sender<Ev>) {
    let sig_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig_tx.send(Ev::Signal(sig)).is_err() {
                return;
            }
        }
    });
}

/// Sends terminal events into the loop's channel, and `Ev::Dead` when the terminal hangs up.
fn spawn_keys(tx: &mpsc::Sender<Ev>) {
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
    // A watch on the terminal. crossterm 0.29 never reports a terminal that hung up: on a hung-up
    // tty `read` returns 0 (or EIO) at once, and crossterm's read loop retries it forever without
    // returning an error, so the reader thread above spins at 100% CPU and never sends `Ev::Dead`.
    // (Its `event::poll(timeout)` is no way out: the timeout is only looked at after that loop.)
    // `poll` reports the hang-up (POLLHUP) on the terminal's descriptors without waking before it.
    let keys_from_stdin = io::stdin().is_terminal();
    let tx = tx.clone();
    std::thread::spawn(move || {
        super::hangup::wait(keys_from_stdin);
        let _ = tx.send(Ev::Dead);
    });
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
    let mut signals = Some(listen_signals()?);
    let mut loader = Loader {
        requests: None,
        tx: tx.clone(),
        county: match &follow {
            Follow::Watch(d) | Follow::Poll(d, _) if state.county.is_some() => Some(d.clone()),
            _ => None,
        },
        county_at: state.county.as_deref().and_then(|c| c.county.at),
        rows: None,
        watch: None,
        running: false,
        again: false,
    };
    // The baseline serves the poller, or (a county folder) the watcher once armed.
    let (poll_base, mut watch_base) = match follow {
        Follow::Poll(..) => (baseline, None),
        _ => (None, baseline),
    };
    let mut poll = start_polling(&follow, poll_base);
    let mut watch = match follow {
        Follow::Watch(dir) => Some(dir),
        _ => None,
    };
    let complete = !state.data.older_pending;
    let mut pending_start = Some((reloader, tx.clone()));
    let mut wake = None;
    let first = update(state, Action::Tick(now()));
    perform(first, state, &mut term, &mut loader, &mut wake)?;
    let mut dirty = true;
    // Data a reload replaced, dropped after the next frame.
    let mut replaced = None;
    loop {
        if dirty {
            super::paint::frame(&mut term, state, questions.take())?;
            dirty = false;
            #[cfg(feature = "test-hooks")]
            test_panic_hook();
        }
        retire(replaced.take());
        // What the first frame did not need starts once it is on screen.
        if let Some((reloader, tx)) = pending_start.take() {
            if let Some(signals) = signals.take() {
                forward_signals(signals, &tx);
            }
            loader.load_rows(state);
            start_background(
                &mut loader,
                reloader,
                complete,
                (watch.take(), watch_base.take()),
                poll.take(),
                tx,
            );
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
        let action = match ev {
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
                replaced = Some(loader.finished(state, *fresh));
                dirty = true;
                None
            }
            Ok(Ev::CountyLoaded(fresh)) => {
                loader.county_finished(state, *fresh);
                dirty = true;
                None
            }
            Ok(Ev::TownLoaded(t, fresh)) => {
                // Only the town still open takes it (the user may have gone back or opened another).
                dirty |= super::county::history_arrived(state, t, *fresh);
                None
            }
            Ok(Ev::TownRows(rows)) => {
                loader.rows_loaded(state, rows);
                dirty = true;
                None
            }
            Ok(Ev::Signal(sig)) => {
                use signal_hook::consts::{SIGCONT, SIGTSTP};
                if sig == SIGTSTP {
                    Some(Action::Suspend)
                } else if sig == SIGCONT {
                    // Resumed after an outside SIGSTOP: the screen may hold anything.
                    super::paint::full_redraw(&mut term)?;
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

/// Polling starts before the first frame, from the fingerprint taken before the load: a network
/// share sends no events, so nothing else would catch a save made in between. Returns the poller's
/// signals, and whether the folder changed since `baseline`.
fn start_polling(
    follow: &Follow,
    baseline: Option<crate::watch::Fingerprint>,
) -> Option<(mpsc::Receiver<()>, bool)> {
    let Follow::Poll(dir, secs) = follow else {
        return None;
    };
    let polled = crate::watch::poll(dir.clone(), Duration::from_secs((*secs).max(1)));
    let changed = baseline.is_some_and(|b| crate::watch::fingerprint(dir) != b);
    Some((polled, changed))
}

/// Starts what the first frame did not need: the key reader and the loading thread (which loads
/// the older history and arms the watcher), and passes the poller's signals to it.
fn start_background(
    loader: &mut Loader,
    reloader: Option<Reloader>,
    complete: bool,
    (watch, baseline): (
        Option<std::path::PathBuf>,
        Option<crate::watch::Fingerprint>,
    ),
    poll: Option<(mpsc::Receiver<()>, bool)>,
    tx: mpsc::Sender<Ev>,
) {
    spawn_keys(&tx);
    let changes = loader.start(reloader, complete, watch, baseline);
    if let Some((polled, changed)) = poll {
        if changed {
            loader.request();
        }
        std::thread::spawn(move || {
            while polled.recv().is_ok() {
                // To the loading thread, or (a county folder) to the loop.
                let sent = match &changes {
                    Some(c) => c.send(None).is_ok(),
                    None => tx.send(Ev::Reload).is_ok(),
                };
                if !sent {
                    return;
                }
            }
        });
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
