//! The county's loading behind its first frame: its rows, two towns at a time, and the watch on the
//! county folder.

use crate::model::county::{load_row, County, TownEntry};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How often loaded rows are handed over: each hand-over redraws the screen, and 30 redraws cost the
/// dashboard more than the rows' loading.
const HAND_OVER: Duration = Duration::from_millis(40);

/// Rows loaded, by their town's position.
pub type Rows = Vec<(usize, TownEntry)>;

/// How many towns load at once: two keep both cores of a small machine busy (each town's files are
/// few, so its own parallel parse does not), and few threads keep few allocator heaps.
const AT_ONCE: usize = 2;

/// Loads every row of `county` still loading, [`AT_ONCE`] towns at a time in the county's order, on
/// threads of their own, handing them to `send` as they are done (the first at once, then what
/// loaded in each [`HAND_OVER`]); stops when `send` says nobody listens any more. Join the returned
/// thread after the last row, then give the freed memory back (`model::load::return_freed_memory`):
/// the pages of a thread are free only once it has ended.
///
/// Not eight towns at a time as before: each loading thread keeps an allocator heap of its own, and
/// the county held 18.6 MB RSS for 4.2 MB of heap that way. The first frame waits for none of it.
pub fn spawn_rows(
    county: &County,
    send: impl Fn(Rows) -> bool + Send + 'static,
) -> std::thread::JoinHandle<()> {
    // The rows only: the county's skeleton is small (no town has loaded yet).
    let county = county.clone();
    std::thread::spawn(move || {
        let todo: Vec<usize> = (0..county.towns.len())
            .filter(|&i| county.towns[i].loading)
            .collect();
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|s| {
            for _ in 0..AT_ONCE.min(todo.len()) {
                let tx = tx.clone();
                let (county, todo, next) = (&county, &todo, &next);
                s.spawn(move || {
                    while let Some(&i) = todo.get(next.fetch_add(1, Ordering::Relaxed)) {
                        hold(&county.dir);
                        if tx.send((i, load_row(county, i))).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            hand_over(&rx, &send, &next, todo.len());
        });
        // What the loads freed on these threads (file bytes, the parsing threads' scratch) goes back.
        crate::model::load::return_freed_memory();
    })
}

/// Hands the rows over as they come, in batches of [`HAND_OVER`]; when nobody listens any more, the
/// loading threads are told to stop (`next` past the end).
fn hand_over(
    rx: &mpsc::Receiver<(usize, TownEntry)>,
    send: &impl Fn(Rows) -> bool,
    next: &AtomicUsize,
    n: usize,
) {
    let mut rows = Rows::new();
    let mut handed = None::<Instant>;
    for row in rx.iter() {
        rows.push(row);
        if handed.is_none_or(|at| at.elapsed() >= HAND_OVER) {
            if !send(std::mem::take(&mut rows)) {
                next.store(n, Ordering::Relaxed);
                return;
            }
            handed = Some(Instant::now());
        }
    }
    if !rows.is_empty() {
        send(rows);
    }
}

/// For the end-to-end test of rows filling in (the `test-hooks` feature only): while the county folder
/// holds `.huibao-test-hold` (a name the loader and the watch ignore), the next row waits; the test
/// sees rows still loading and keys working, then removes the file.
#[cfg(feature = "test-hooks")]
fn hold(dir: &std::path::Path) {
    while dir.join(".huibao-test-hold").exists() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[cfg(not(feature = "test-hooks"))]
fn hold(_: &std::path::Path) {}

/// Follows the county folder: `reload` is called after every burst of changes the watch sees (see
/// [`super::county_watch`]), and once at the start when the folder is no longer what `baseline` (its
/// fingerprint from before the first frame) says: a save made before the watch was armed. Polls
/// when the system gives no watch. Runs until `reload` says nobody listens.
pub fn follow(
    dir: PathBuf,
    baseline: Option<crate::watch::Fingerprint>,
    reload: impl Fn() -> bool,
) {
    let watch = super::county_watch::CountyWatch::new(&dir);
    if baseline.is_some_and(|b| crate::watch::fingerprint(&dir) != b) && !reload() {
        return;
    }
    match watch {
        Ok(mut watch) => {
            while watch.changes() {
                // A new week's folder is watched from now on.
                watch.rearm();
                if !reload() {
                    return;
                }
            }
        }
        Err(_) => {
            let (to, changes) = mpsc::channel();
            let _poll = crate::watch::watch_or_poll(&dir, to);
            while changes.recv().is_ok() {
                if !reload() {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn county_copy() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/county");
        for town in ["", "dongshan", "dongshan/2024-05-03"] {
            std::fs::create_dir_all(tmp.path().join(town)).unwrap();
            for e in std::fs::read_dir(from.join(town)).unwrap().flatten() {
                if e.path().is_file() {
                    std::fs::copy(e.path(), tmp.path().join(town).join(e.file_name())).unwrap();
                }
            }
        }
        tmp
    }

    #[test]
    fn a_save_made_before_the_watch_was_armed_reloads_the_county() {
        let tmp = county_copy();
        let dir = tmp.path().to_path_buf();
        let baseline = crate::watch::fingerprint(&dir);
        // A town's office saves its town.json after the first frame's load, before the watch is armed.
        let file = dir.join("dongshan/town.json");
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push('\n');
        std::fs::write(&file, text).unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || follow(dir, Some(baseline), move || tx.send(()).is_ok()));
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the county reloads for the save made before the watch");
    }
}
