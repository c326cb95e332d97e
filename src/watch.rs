//! Watching the data folder: one debounced reload signal per burst of saves, or polling for network shares.

use crate::model::load::is_ignored_name;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::thread;
use std::time::{Duration, SystemTime};

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
/// its path (one `stat`).
pub const IDENTITY_CHECK: Duration = Duration::from_secs(1);

/// A running watch on a data folder; dropping it stops the watching.
///
/// It watches the folder recursively and its parent folder (not recursively), so that replacing
/// the folder (`mv data data.old && mv data.new data`, as sync tools, unzip and `git checkout` do)
/// is noticed: the watch moves to the new folder and a reload is signalled.
pub struct DirWatch {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

/// Watches `dir` recursively; the receiver gets one `()` per burst of relevant changes, `debounce` after
/// the last one. A folder replaced at the same path is followed. Keep the returned watch alive as
/// long as signals are wanted.
pub fn watch(dir: &Path, debounce: Duration) -> notify::Result<(DirWatch, Receiver<()>)> {
    let dir = std::path::absolute(dir).map_err(notify::Error::io)?;
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    let identity = identity(&dir);
    watcher.watch(&dir, RecursiveMode::Recursive)?;
    if let Some(parent) = dir.parent() {
        // Best effort: without it a swap is still noticed by the periodic check.
        let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
    }
    let watcher = Arc::new(Mutex::new(watcher));
    let followed = Followed {
        dir,
        identity,
        watcher: Arc::downgrade(&watcher),
    };
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || debounce_loop(raw_rx, tx, debounce, followed));
    Ok((DirWatch { _watcher: watcher }, rx))
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
        ev.need_rescan() || (is_relevant(ev) && ev.paths.iter().any(|p| p.starts_with(&self.dir)))
    }
}

fn debounce_loop(
    raw: Receiver<notify::Result<Event>>,
    tx: Sender<()>,
    debounce: Duration,
    mut followed: Followed,
) {
    // A burst is pending from its first relevant event until `debounce` passes with no event.
    let mut pending = false;
    loop {
        let wait = if pending { debounce } else { IDENTITY_CHECK };
        match raw.recv_timeout(wait) {
            Ok(r) => {
                let hit = r.as_ref().is_ok_and(|ev| followed.inside(ev));
                // Every event may be the folder being replaced: one stat tells.
                if followed.replaced() || hit {
                    pending = true;
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if followed.replaced() {
                    pending = true;
                } else if pending {
                    pending = false;
                    if tx.send(()).is_err() {
                        return;
                    }
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Path, size and modification time of every data file.
pub type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// A fingerprint of the data files: path, size and modification time of each.
pub fn fingerprint(dir: &Path) -> Fingerprint {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(md) = e.metadata() else { continue };
            if md.is_dir() {
                if d == dir {
                    stack.push(p);
                }
            } else if relevant_path(&p) {
                out.push((p, md.len(), md.modified().ok()));
            }
        }
    }
    out.sort();
    out
}

/// Polls `dir` every `every` (for network shares that send no events); one `()` per observed change,
/// sent once the folder has stayed the same for one more poll.
pub fn poll(dir: PathBuf, every: Duration) -> Receiver<()> {
    let (tx, rx) = mpsc::channel();
    // The baseline is taken before returning, so a save right after this call is seen.
    let mut last = fingerprint(&dir);
    thread::spawn(move || {
        let mut pending = false;
        loop {
            thread::sleep(every);
            let now = fingerprint(&dir);
            if now != last {
                last = now;
                pending = true;
            } else if pending {
                pending = false;
                if tx.send(()).is_err() {
                    return;
                }
            }
        }
    });
    rx
}
