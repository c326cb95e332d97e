//! Loading a data folder again and again: the first frame from each line's newest snapshots, then
//! reloads that re-read only the files whose size, times or inode changed — or, told which paths
//! changed, that look only at those.

use super::diag::Diagnostic;
use super::folders::{Days, Last, Sweep};
use super::format::Town;
use super::job::{list_day, Content};
use super::load::{list_top, load_entries_cached, DataSource, Dataset, Entry};
use super::pairs::PairChecks;
use super::stamp::{Cache, Stamp};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// Loads one data folder for the dashboard, keeping what it parsed: the first load can stop at
/// each line's newest snapshots ([`Reloader::load_recent`]); every [`Reloader::reload`] lists the
/// folder once and re-reads only files whose [`Stamp`] changed (an unchanged snapshot folder is not
/// even listed again). Parses are shared (`Arc`) between the cache and the datasets handed out, so
/// the old and the new dataset of a reload hold one copy of every unchanged file.
///
/// [`Reloader::reload_changed`] is the live reload: told which paths the watcher saw change, it
/// looks only at their snapshot folders and files and takes everything else from the last load,
/// unit-change checks of unchanged pairs of snapshots included; its cost follows the change, not
/// the history's length.
#[derive(Debug)]
pub struct Reloader {
    dir: PathBuf,
    /// `dir` made absolute, as the watcher names paths.
    absolute: PathBuf,
    /// Parses of the files the last load was given on their own (the first frame's).
    cache: Cache,
    /// The snapshot folders as the last load found them.
    days: Days,
    /// The unit-change warnings of each pair of consecutive snapshots of the last load.
    pairs: PairChecks,
    /// The data folder's listing at the last load (`town.json` and the snapshot folders), and the
    /// warnings it gave.
    top: Option<(Vec<Entry>, Vec<Diagnostic>)>,
    /// The stamp of `town.json` at the last load.
    town: Option<Stamp>,
}

impl Reloader {
    /// A loader of `dir` that has loaded nothing yet.
    pub fn new(dir: &Path) -> Reloader {
        Reloader {
            dir: dir.to_path_buf(),
            absolute: std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()),
            cache: Cache::default(),
            days: Days::default(),
            pairs: PairChecks::default(),
            top: None,
            town: None,
        }
    }

    /// The folder it loads.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A summary of the stamps of every line file the last load parsed and of `town.json` as they
    /// were then: it differs after a reload that found any change to them.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{BuildHasher, Hash, Hasher};
        // Fixed keys: fingerprints are compared with each other, never across processes.
        let hasher =
            std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
        let one = |p: &Path, st: &Stamp| {
            let mut h = hasher.build_hasher();
            p.hash(&mut h);
            st.hash(&mut h);
            h.finish()
        };
        // Each file once, wherever the load keeps it (a first frame's files are loose in the
        // cache, a full load's are in their folders): the first frame's and the full load's
        // fingerprints of an unchanged folder are equal.
        let mut files: Vec<u64> = self
            .cache
            .iter()
            .map(|(p, c)| one(p, &c.stamp))
            .chain(self.days.values().flat_map(|d| {
                d.parsed.iter().filter_map(|(_, r)| {
                    let (p, st) = r.as_ref().ok()?.stamp.as_ref()?;
                    Some(one(p, st))
                })
            }))
            .collect();
        files.sort_unstable();
        files.dedup();
        let town = self.town.iter().map(|st| one(&self.dir, st));
        files
            .iter()
            .copied()
            .chain(town)
            .fold(files.len() as u64, |acc, h| acc ^ h)
    }

    /// Loads the whole folder, the same as [`super::load::load_dir`], taking every unchanged
    /// file's parse from the last load: every snapshot folder and file is stat'ed.
    pub fn reload(&mut self) -> Dataset {
        self.load(true, &Sweep::All)
    }

    /// Loads the whole folder after the watcher saw `changed` (paths inside the data folder, as the
    /// watcher names them: absolute): the same as [`Reloader::reload`] gives when nothing else
    /// changed since the last load, but only the snapshot folders holding a changed path (and
    /// their files) are stat'ed, and the data folder is listed again only when a path right in it
    /// changed; the rest is taken from the last load without a system call. A path outside the
    /// folder, or the folder itself, makes it a full [`Reloader::reload`].
    pub fn reload_changed(&mut self, changed: &[PathBuf]) -> Dataset {
        let mut relist = self.top.is_none();
        let mut folders = HashSet::new();
        for path in changed {
            let inside = path
                .strip_prefix(&self.absolute)
                .or_else(|_| path.strip_prefix(&self.dir));
            let mut parts = match inside {
                Ok(rel) => rel.components(),
                Err(_) => return self.reload(),
            };
            let Some(Component::Normal(first)) = parts.next() else {
                return self.reload();
            };
            // A snapshot folder made, removed or renamed, or town.json: the data folder changed.
            relist |= parts.next().is_none();
            folders.insert(first.to_string_lossy().into_owned());
        }
        self.load(relist, &Sweep::Folders(folders))
    }

    /// Loads the folder: lists it again when `relist` (else takes the last listing), and looks at
    /// the snapshot folders `sweep` says.
    fn load(&mut self, relist: bool, sweep: &Sweep) -> Dataset {
        self.town = std::fs::metadata(self.dir.join("town.json"))
            .ok()
            .map(|m| Stamp::of(&m));
        let top = match self.top.take() {
            Some(top) if !relist => top,
            _ => list_top(&self.dir),
        };
        let (found, mut problems) = top.clone();
        self.top = Some(top);
        let prefix = self.dir.display().to_string();
        let last = Last {
            cache: &self.cache,
            days: &self.days,
            sweep,
        };
        let (mut ds, cache, days) = load_entries_cached(&prefix, found, last, &mut self.pairs);
        self.cache = cache;
        self.days = days;
        problems.append(&mut ds.problems);
        ds.problems = problems;
        ds.source = DataSource::Folder(self.dir.clone());
        ds
    }

    /// Loads what the dashboard's first frame shows: `town.json` and the newest two snapshots of
    /// each line (the newest, and the one before it for 较上期), found by listing snapshot folders
    /// from the newest back until every line `town.json` names has two. Its cost does not grow with
    /// the number of snapshot dates. The dataset says `older_pending` when older folders were not
    /// read; [`Reloader::reload`] then loads the rest, reusing these parses.
    pub fn load_recent(&mut self) -> Dataset {
        self.town = std::fs::metadata(self.dir.join("town.json"))
            .ok()
            .map(|m| Stamp::of(&m));
        let (found, mut problems) = list_top(&self.dir);
        let town_lines = town_lines(&found);
        let mut wanted: Vec<Entry> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut older_pending = false;
        let days: Vec<(String, PathBuf)> = found
            .iter()
            .filter_map(|e| match e {
                Entry::Day(name, _, path) => Some((name.clone(), path.clone())),
                Entry::File(..) => None,
            })
            .collect();
        let mut picked = Vec::new();
        for (name, path) in days.iter().rev() {
            let enough = !seen.is_empty()
                && seen.values().all(|&c| c >= 2)
                && town_lines
                    .iter()
                    .all(|id| seen.get(id).is_some_and(|&c| c >= 2));
            if enough {
                older_pending = true;
                break;
            }
            // A folder that cannot be listed is reported by the full load behind the first frame.
            let Ok((files, skipped)) = list_day(name, path) else {
                older_pending = true;
                continue;
            };
            older_pending |= !skipped.is_empty();
            for (rel, full) in files {
                let stem = rel[name.len() + 1..].trim_end_matches(".json").to_string();
                let count = seen.entry(stem).or_default();
                *count += 1;
                if *count <= 2 {
                    picked.push((rel, full));
                } else {
                    older_pending = true;
                }
            }
        }
        for entry in found {
            if let Entry::File(..) = entry {
                wanted.push(entry);
            }
        }
        picked.reverse();
        wanted.extend(
            picked
                .into_iter()
                .map(|(rel, full)| Entry::File(rel, Content::Unread(full))),
        );
        let prefix = self.dir.display().to_string();
        let last = Last {
            cache: &self.cache,
            days: &Days::default(),
            sweep: &Sweep::All,
        };
        let (mut ds, cache, _) = load_entries_cached(&prefix, wanted, last, &mut self.pairs);
        self.cache = cache;
        problems.append(&mut ds.problems);
        ds.problems = problems;
        ds.source = DataSource::Folder(self.dir.clone());
        ds.older_pending = older_pending;
        ds
    }
}

/// The line ids `town.json` lists (none when it is missing or does not parse: then the listing
/// stops once every line seen has two snapshots, and a line found only in older folders appears
/// when they have loaded).
fn town_lines(found: &[Entry]) -> HashSet<String> {
    found
        .iter()
        .find_map(|e| match e {
            Entry::File(name, Content::Unread(path)) if name == "town.json" => {
                let bytes = super::load::read_capped(path).ok()?;
                serde_json::from_slice::<Town>(&bytes).ok()
            }
            _ => None,
        })
        .map(|t| t.lines.into_iter().map(String::from).collect())
        .unwrap_or_default()
}
