//! The county folder's watch: not every snapshot folder of every town (7,800 for 30 towns × 5 years,
//! whose watches held 3 MB of the county's RSS), but what the county's rows read: the county folder,
//! each town's folder (a new week, `town.json`) and each town's newest snapshot folders.

use crate::model::load::is_ignored_name;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How many of each town's newest snapshot folders are watched: a row reads each line's two newest
/// files, which reach one folder further back when a line skipped the newest week.
pub const NEWEST: usize = 3;

/// The folders watched (each on its own, not recursively): the county folder, each town folder in
/// it and the town's [`NEWEST`] snapshot folders.
pub fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for town in subfolders(dir) {
        let mut days: Vec<PathBuf> = subfolders(&town)
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| crate::model::parse_day(n).is_some())
            })
            .collect();
        days.sort();
        out.push(town);
        out.extend(days.into_iter().rev().take(NEWEST));
    }
    out
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| !is_ignored_name(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect()
}

/// A watch on a county folder's [`folders`]; [`CountyWatch::changes`] waits for the next burst of
/// relevant changes, after which [`CountyWatch::rearm`] follows new snapshot folders.
pub struct CountyWatch {
    dir: PathBuf,
    watcher: RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    watched: Vec<PathBuf>,
}

impl CountyWatch {
    /// Watches `dir`'s folders; an error when the system gives no watch.
    pub fn new(dir: &Path) -> notify::Result<CountyWatch> {
        let (tx, events) = mpsc::channel();
        let watcher = notify::recommended_watcher(tx)?;
        let mut w = CountyWatch {
            dir: dir.to_path_buf(),
            watcher,
            events,
            watched: Vec::new(),
        };
        w.rearm();
        Ok(w)
    }

    /// Watches the folders as they are now: a new week's folder in, the oldest of the newest out.
    pub fn rearm(&mut self) {
        let now = folders(&self.dir);
        for gone in self.watched.iter().filter(|p| !now.contains(p)) {
            let _ = self.watcher.unwatch(gone);
        }
        for new in now.iter().filter(|p| !self.watched.contains(p)) {
            // A folder removed meanwhile is not watched; the next change re-arms.
            let _ = self.watcher.watch(new, RecursiveMode::NonRecursive);
        }
        self.watched = now;
    }

    /// Waits for a burst of relevant changes to end ([`crate::watch::DEBOUNCE`] after its last);
    /// false when the watch has stopped.
    pub fn changes(&self) -> bool {
        let mut due: Option<Instant> = None;
        loop {
            let wait = due.map_or(Duration::from_secs(3600), |d| {
                d.saturating_duration_since(Instant::now())
            });
            match self.events.recv_timeout(wait) {
                Ok(Ok(ev)) if !crate::watch::is_relevant(&ev) => {}
                // A relevant event, or an error (events may have been lost).
                Ok(_) => due = Some(Instant::now() + crate::watch::DEBOUNCE),
                Err(RecvTimeoutError::Timeout) if due.is_some() => return true,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_county_its_towns_and_their_newest_snapshot_folders_are_watched() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/county");
        let got = folders(&dir);
        let has = |p: &str| got.contains(&dir.join(p));
        assert_eq!(got[0], dir);
        for town in ["dongshan", "xihe", "nanling", "mudong"] {
            assert!(has(town), "{town}: {got:?}");
        }
        assert!(has("dongshan/2024-05-03") && has("dongshan/2024-04-19"));
        assert!(has("xihe/2024-04-12") && has("mudong/2023-12-31"));
        assert_eq!(got.len(), 1 + 4 + 3 + 3 + 1 + 1);
    }

    #[test]
    fn a_save_in_a_towns_newest_week_is_a_change() {
        let tmp = tempfile::tempdir().unwrap();
        let week = tmp.path().join("dongshan/2024-05-03");
        std::fs::create_dir_all(&week).unwrap();
        let w = CountyWatch::new(tmp.path()).unwrap();
        // Armed above: the save is seen by the watch itself.
        std::fs::write(week.join("party.json"), "{}").unwrap();
        assert!(w.changes());
    }
}
