//! Watching the data folder: one debounced reload signal per burst of saves (saying which paths
//! changed), or polling for network shares.

use crate::model::load::is_ignored_name;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::thread;
use std::time::{Duration, Instant};

mod poll;
pub use poll::{fingerprint, poll, poll_changes_into, poll_into, Fingerprint};

/// Quiet time after the last change before a reload: long enough for an editor's save (write a temp
/// file, rename it over) or a truncate-then-write to finish.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// True when an event concerns a data file or a snapshot folder (not a temp, lock or backup file).
pub fn is_relevant(ev: &Event) -> bool {
    if ev.need_rescan() {
        // The kernel's event queue overflowed: something may have changed unseen.
        return true;
    }
    if matches!(ev.kind, EventKind::Access(_) | EventKind::Other) {
        return false;
    }
    ev.paths.iter().any(|p| relevant_path(p))
}

fn relevant_path(p: &Path) -> bool {
    let Some(name) = p.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    if is_ignored_name(&name) {
        return false;
    }
    name.ends_with(".json") || crate::model::parse_day(&name).is_some()
}

/// How often, between events, the watcher checks that the folder it watches is still the one at
/// its path (one `stat`) when its parent folder cannot be watched.
pub const IDENTITY_CHECK: Duration = Duration::from_secs(1);

/// The same check while the parent folder is watched: replacing, moving or deleting the folder is
/// an event there (each event is followed by the check), so this only catches what no watch sees
/// (a folder further up replaced) and does not wake an idle dashboard every second.
pub const IDENTITY_CHECK_WATCHED: Duration = Duration::from_secs(30);

/// A running watch on a data folder; dropping it stops the watching.
///
/// It watches the folder recursively and its parent folder (not recursively), so that replacing
/// the folder (`mv data data.old && mv data.new data`, as sync tools, unzip and `git checkout` do)
/// is noticed: the watch moves to the new folder and a reload is signalled.
pub struct DirWatch {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

/// What one burst of changes touched: every path inside the watched folder that an event named
/// (absolute), or `None` when the watcher cannot say (the kernel's event queue overflowed, the
/// watch reported an error, the folder was replaced, or the burst named very many paths).
pub type Changed = Option<Vec<PathBuf>>;

/// A burst naming more paths than this is sent as [`Changed`] `None` (look at everything): a
/// full sweep is then as quick, and the set stays small.
const MAX_PATHS: usize = 4096;

/// Both bursts' changes, as one.
pub fn merge(a: Changed, b: Changed) -> Changed {
    let (mut a, b) = (a?, b?);
    a.extend(b);
    Some(a)
}

/// Watches `dir` recursively; the receiver gets one `()` per burst of relevant changes, `debounce` after
/// the last one. A folder replaced at the same path is followed. Keep the returned watch alive as
/// long as signals are wanted.
pub fn watch(dir: &Path, debounce: Duration) -> notify::Result<(DirWatch, Receiver<()>)> {
    let (tx, rx) = mpsc::channel();
    Ok((watch_into(dir, debounce, tx)?, rx))
}

/// [`watch`], sending its signals on `tx` (so a caller that already has a channel needs no thread
/// to pass them on).
pub fn watch_into(dir: &Path, debounce: Duration, tx: Sender<()>) -> notify::Result<DirWatch> {
    watch_with(dir, debounce, Box::new(move |_| tx.send(()).is_ok()))
}

/// [`watch`], calling `signal` after each burst until it returns false.
pub fn watch_calling(
    dir: &Path,
    debounce: Duration,
    mut signal: impl FnMut() -> bool + Send + 'static,
) -> notify::Result<DirWatch> {
    watch_with(dir, debounce, Box::new(move |_| signal()))
}

/// [`watch`] that says, with each signal, which paths the burst changed.
pub fn watch_changes(
    dir: &Path,
    debounce: Duration,
) -> notify::Result<(DirWatch, Receiver<Changed>)> {
    let (tx, rx) = mpsc::channel();
    Ok((watch_changes_into(dir, debounce, tx)?, rx))
}

/// [`watch_changes`], sending its signals on `tx`.
pub fn watch_changes_into(
    dir: &Path,
    debounce: Duration,
    tx: Sender<Changed>,
) -> notify::Result<DirWatch> {
    watch_with(dir, debounce, Box::new(move |c| tx.send(c).is_ok()))
}

/// Where a burst's signal goes; false once nobody listens.
type Signal = Box<dyn FnMut(Changed) -> bool + Send>;

fn watch_with(dir: &Path, debounce: Duration, tx: Signal) -> notify::Result<DirWatch> {
    let dir = std::path::absolute(dir).map_err(notify::Error::io)?;
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    let identity = identity(&dir);
    // A folder that is not there (moved away for a moment, a share not mounted yet) is waited for
    // from its parent, and watched once it appears, rather than polled from then on.
    if identity.is_some() {
        watcher.watch(&dir, RecursiveMode::Recursive)?;
    }
    // Best effort: without it a swap is still noticed by the periodic check, made more often.
    let parent_watched = dir
        .parent()
        .is_some_and(|parent| watcher.watch(parent, RecursiveMode::NonRecursive).is_ok());
    if identity.is_none() && !parent_watched {
        return Err(notify::Error::path_not_found().add_path(dir));
    }
    let check = if parent_watched {
        IDENTITY_CHECK_WATCHED
    } else {
        IDENTITY_CHECK
    };
    let watcher = Arc::new(Mutex::new(watcher));
    let followed = Followed {
        dir,
        identity,
        watcher: Arc::downgrade(&watcher),
    };
    thread::spawn(move || debounce_loop(raw_rx, tx, (debounce, check), followed));
    Ok(DirWatch { _watcher: watcher })
}

/// The device and inode of the folder at `dir` (following links), if there is one.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let md = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((md.dev(), md.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = md;
        Some((0, 0))
    }
}

/// The watched folder, as the debounce thread follows it across replacements.
struct Followed {
    /// Its absolute path.
    dir: PathBuf,
    /// The folder the recursive watch is on (`None`: there was no folder at the path).
    identity: Option<(u64, u64)>,
    /// The watcher, to move the recursive watch; gone once the caller drops its [`DirWatch`].
    watcher: Weak<Mutex<RecommendedWatcher>>,
}

impl Followed {
    /// True when the folder at the path is no longer the one watched (replaced, removed or back);
    /// the recursive watch is then moved to the folder now at the path.
    fn replaced(&mut self) -> bool {
        let now = identity(&self.dir);
        if now == self.identity {
            return false;
        }
        self.identity = now;
        if let Some(w) = self.watcher.upgrade() {
            let mut w = w.lock().unwrap_or_else(PoisonError::into_inner);
            // The old watch follows the old folder wherever it was moved: drop it.
            let _ = w.unwatch(&self.dir);
            if now.is_some() && w.watch(&self.dir, RecursiveMode::Recursive).is_err() {
                // Not watchable yet (half-made): look again at the next check.
                self.identity = None;
            }
        }
        true
    }

    /// True when the event concerns a data file inside the folder (not a sibling in the parent).
    fn inside(&self, ev: &Event) -> bool {
        ev.need_rescan() || (is_relevant(ev) && self.touches(ev))
    }

    /// True when the event happened inside the folder (any file, temp files included).
    fn touches(&self, ev: &Event) -> bool {
        ev.paths.iter().any(|p| p.starts_with(&self.dir))
    }
}

/// The paths a burst changed so far (`None`: cannot say, look at everything).
struct Burst(Option<HashSet<PathBuf>>);

impl Burst {
    fn new() -> Burst {
        Burst(Some(HashSet::new()))
    }
    /// Takes in an event's paths inside the folder (temporary files too: they changed the folder).
    /// Reading a file changes nothing (the dashboard's own reads are such events).
    fn add(&mut self, r: &notify::Result<Event>, followed: &Followed) {
        use notify::event::{AccessKind, AccessMode};
        match r {
            Ok(ev) if matches!(ev.kind, EventKind::Access(k) if k != AccessKind::Close(AccessMode::Write)) =>
                {}
            Ok(ev) if !ev.need_rescan() => {
                if let Some(paths) = &mut self.0 {
                    let inside = ev.paths.iter().filter(|p| p.starts_with(&followed.dir));
                    paths.extend(inside.cloned());
                    if paths.len() > MAX_PATHS {
                        self.0 = None;
                    }
                }
            }
            _ => self.0 = None,
        }
    }
    /// What the burst changed, starting a new one.
    fn take(&mut self) -> Changed {
        std::mem::replace(self, Burst::new())
            .0
            .map(|p| p.into_iter().collect())
    }
}

fn debounce_loop(
    raw: Receiver<notify::Result<Event>>,
    mut tx: Signal,
    (debounce, check): (Duration, Duration),
    mut followed: Followed,
) {
    // While a burst is pending: when it is over, `debounce` after the last event inside the folder.
    // Events for the parent's other entries (a busy home or /tmp) neither start nor prolong one.
    let mut due: Option<Instant> = None;
    let mut burst = Burst::new();
    loop {
        let wait = due.map_or(check, |d| d.saturating_duration_since(Instant::now()));
        match raw.recv_timeout(wait) {
            Ok(r) => {
                let (hit, ours) = match &r {
                    Ok(ev) => (
                        followed.inside(ev),
                        followed.touches(ev) || ev.need_rescan(),
                    ),
                    Err(_) => (false, true),
                };
                if ours {
                    burst.add(&r, &followed);
                }
                // Every event may be the folder being replaced: one stat tells.
                let replaced = followed.replaced();
                if replaced {
                    burst.0 = None;
                }
                if replaced || hit || (due.is_some() && ours) {
                    due = Some(Instant::now() + debounce);
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if followed.replaced() {
                    burst.0 = None;
                    due = Some(Instant::now() + debounce);
                } else if due.is_some_and(|d| Instant::now() >= d) {
                    due = None;
                    if !tx(burst.take()) {
                        return;
                    }
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Watches `dir`: each burst of changes is sent on `changes`, naming what changed (polling every two
/// seconds, which cannot say, when the folder cannot be watched). Returns what must be kept alive
/// for the watching to go on.
pub fn watch_or_poll(dir: &Path, changes: Sender<Changed>) -> Option<impl Sized> {
    match watch_changes_into(dir, DEBOUNCE, changes.clone()) {
        Ok(w) => Some(w),
        Err(_) => {
            poll_changes_into(dir.to_path_buf(), Duration::from_secs(2), changes);
            None
        }
    }
}
