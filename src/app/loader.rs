//! The loading side of the runtime: the events the loop waits on and the loader thread that owns the
//! [`Reloader`], the watcher and the county's row loader, so that no load ever stops the screen.

use super::{Effect, State};
use crate::model::reload::Reloader;
use crate::model::Dataset;
use crate::watch::Changed;
use crossterm::event::Event;
use std::sync::mpsc;

/// Drops a town's watch on a thread of its own: closing an inotify instance waits for an RCU grace
/// period (5–15 ms), which a key must not.
fn let_go(watch: Option<(std::path::PathBuf, crate::watch::DirWatch)>) {
    if let Some(w) = watch {
        std::thread::spawn(move || drop(w));
    }
}

/// What the loop waits on.
pub(super) enum Ev {
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
pub(super) struct Loader {
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
    /// The open town's folder, watched whole while it is open (see [`Loader::watch_town`]).
    town_watch: Option<(std::path::PathBuf, crate::watch::DirWatch)>,
    running: bool,
    again: bool,
}

impl Loader {
    /// A loader that sends what it loads on `tx`; `county` is the county folder when the data
    /// folder is a county's, shown as of `county_at`.
    pub(super) fn new(
        tx: mpsc::Sender<Ev>,
        county: Option<std::path::PathBuf>,
        county_at: Option<chrono::NaiveDate>,
    ) -> Loader {
        Loader {
            requests: None,
            tx,
            county,
            county_at,
            rows: None,
            watch: None,
            town_watch: None,
            running: false,
            again: false,
        }
    }

    /// Starts the loading thread, after the first frame. It loads the history older than the first
    /// frame's snapshots (when the first frame had only those: `shown` is None), then, for `watch`,
    /// arms the watcher and reloads once more if anything changed before it was armed; then it
    /// reloads on each request (`changes` from the watcher or the poller, or `r`). `shown`: the
    /// files that did not load in the first frame's data, when that data was the whole folder.
    ///
    /// A county folder has no reloader: its watcher, armed once the county's rows are in, signals
    /// the loop, which loads; a save made before the watcher was armed is caught by comparing the
    /// folder with `baseline`, its fingerprint from before the first frame.
    pub(super) fn start(
        &mut self,
        reloader: Option<Reloader>,
        shown: Option<Vec<(String, crate::model::failed::Failed)>>,
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
            let failed = match shown {
                Some(failed) => failed,
                None => {
                    let ds = reloader.reload();
                    let failed = ds.failed.clone();
                    if !send(ds) {
                        return;
                    }
                    failed
                }
            };
            // Armed after that load, so the load's own reads wake no watch; a save made before it
            // was armed is caught by looking once more. A file that does not load (a named pipe, a
            // broken save) counts in no fingerprint: what failed is compared too.
            let _watch = watch.map(|dir| {
                let before = reloader.fingerprint();
                let watch = crate::watch::watch_or_poll(&dir, from_watch);
                let again = reloader.reload();
                let changed = reloader.fingerprint() != before || again.failed != failed;
                if changed && !send(again) {
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

    pub(super) fn request(&mut self) {
        if let Some(dir) = self.county.clone() {
            self.request_county(dir);
        } else if let Some(r) = &self.requests {
            let _ = r.send(None);
        }
    }

    /// Loads the county folder again on a thread of its own; a request during it runs once it is
    /// done.
    pub(super) fn request_county(&mut self, dir: std::path::PathBuf) {
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

    /// Loads the whole history of the county's town `t` on a thread of its own, and watches it.
    pub(super) fn load_town(&mut self, state: &State, t: usize) {
        let Some(c) = state.county.as_deref() else {
            return;
        };
        let Some(town) = c.county.towns.get(t) else {
            return;
        };
        self.watch_town(&town.dir);
        let (dir, th, tx) = (town.dir.clone(), c.county.thresholds, self.tx.clone());
        std::thread::spawn(move || {
            let fresh = crate::model::county::load_town(&dir, th, 0);
            let _ = tx.send(Ev::TownLoaded(t, Box::new(fresh)));
        });
    }

    /// Watches the open town's whole folder while it is open: the county's watch follows only each
    /// town's newest weeks ([`super::county_watch`]), so a correction to an older week of the town
    /// on screen would wait for `r`. A change reloads the county, which loads the open town again.
    fn watch_town(&mut self, dir: &std::path::Path) {
        if self.county.is_none() || self.town_watch.as_ref().is_some_and(|(d, _)| d == dir) {
            return;
        }
        let tx = self.tx.clone();
        let watch = crate::watch::watch_calling(dir, crate::watch::DEBOUNCE, move || {
            tx.send(Ev::Reload).is_ok()
        });
        let_go(self.town_watch.take());
        self.town_watch = watch.ok().map(|w| (dir.to_path_buf(), w));
    }

    /// Stops watching a town that is no longer open.
    pub(super) fn town_closed(&mut self, state: &State) {
        let open = state.county.as_deref().and_then(|c| {
            let town = c.county.towns.get(c.open?)?;
            Some(&town.dir)
        });
        if self
            .town_watch
            .as_ref()
            .is_some_and(|(d, _)| Some(d) != open)
        {
            let_go(self.town_watch.take());
        }
    }

    /// Arms the county's watch, once its rows are in.
    pub(super) fn follow_county(&mut self) {
        if let Some((dir, baseline)) = self.watch.take() {
            let tx = self.tx.clone();
            std::thread::spawn(move || {
                super::county_load::follow(dir, baseline, || tx.send(Ev::Reload).is_ok())
            });
        }
    }

    /// Loads the county's rows behind its first frame; a reload asked for meanwhile runs once the
    /// last row is in.
    pub(super) fn load_rows(&mut self, state: &State) {
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
    pub(super) fn rows_loaded(&mut self, state: &mut State, rows: super::county_load::Rows) {
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
    pub(super) fn county_finished(
        &mut self,
        state: &mut State,
        fresh: crate::model::county::County,
    ) {
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
    pub(super) fn finished(&mut self, state: &mut State, mut fresh: Dataset) -> Dataset {
        crate::model::load::keep_last_good(&mut fresh, &state.data);
        state.replace_data(fresh)
    }
}

/// Drops data a reload replaced, once the new frame is on screen, and gives the memory back.
pub(super) fn retire(replaced: Option<Dataset>) {
    if let Some(old) = replaced {
        drop(old);
        crate::model::load::return_freed_memory();
    }
}

#[cfg(test)]
mod tests;
