//! Watching the data folder: one debounced reload signal per burst of saves, or polling for network shares.

use crate::model::load::is_ignored_name;
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
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

/// Watches `dir` recursively; the receiver gets one `()` per burst of relevant changes, `debounce` after
/// the last one. Keep the returned watcher alive as long as signals are wanted.
pub fn watch(
    dir: &Path,
    debounce: Duration,
) -> notify::Result<(notify::RecommendedWatcher, Receiver<()>)> {
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || debounce_loop(raw_rx, tx, debounce));
    Ok((watcher, rx))
}

fn debounce_loop(raw: Receiver<notify::Result<Event>>, tx: Sender<()>, debounce: Duration) {
    let hit = |r: &notify::Result<Event>| r.as_ref().is_ok_and(is_relevant);
    loop {
        // Wait for the first relevant event of a burst.
        loop {
            match raw.recv() {
                Ok(r) if hit(&r) => break,
                Ok(_) => continue,
                Err(_) => return,
            }
        }
        // Then for a quiet period.
        loop {
            match raw.recv_timeout(debounce) {
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if tx.send(()).is_err() {
            return;
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
            // The entry's type comes with the listing: only files that matter are stat'ed (a county's
            // town folders list hundreds of snapshot folders each).
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => p.is_dir(),
            };
            if is_dir {
                if d == dir {
                    stack.push(p);
                }
            } else if relevant_path(&p) {
                let Ok(md) = e.metadata() else { continue };
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
