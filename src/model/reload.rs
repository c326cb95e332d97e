//! Loading a data folder again and again: the first frame from each line's newest snapshots, then
//! reloads that re-read only the files whose size, times or inode changed.

use super::format::Town;
use super::load::{list_day, list_top, load_entries_cached, Content, DataSource, Dataset, Entry};
use super::stamp::{Cache, DayListings, Stamp};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Loads one data folder for the dashboard, keeping what it parsed: the first load can stop at
/// each line's newest snapshots ([`Reloader::load_recent`]); every [`Reloader::reload`] lists the
/// folder once and re-reads only files whose [`Stamp`] changed (an unchanged snapshot folder is not
/// even listed again). Parses are shared (`Arc`) between the cache and the datasets handed out, so
/// the old and the new dataset of a reload hold one copy of every unchanged file.
#[derive(Debug)]
pub struct Reloader {
    dir: PathBuf,
    cache: Cache,
    listings: DayListings,
    /// The stamp of `town.json` at the last load.
    town: Option<Stamp>,
}

impl Reloader {
    /// A loader of `dir` that has loaded nothing yet.
    pub fn new(dir: &Path) -> Reloader {
        Reloader {
            dir: dir.to_path_buf(),
            cache: Cache::default(),
            listings: DayListings::default(),
            town: None,
        }
    }

    /// The folder it loads.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A summary of the stamps of every file the last load parsed, and of `town.json` and the
    /// snapshot folders as they were then: it differs after a reload that found any change.
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
        let files = self.cache.iter().map(|(p, c)| one(p, &c.stamp));
        let days = self.listings.iter().map(|(p, (st, _))| one(p, st));
        let town = self.town.iter().map(|st| one(&self.dir, st));
        files
            .chain(days)
            .chain(town)
            .fold(self.cache.len() as u64, |acc, h| acc ^ h)
    }

    /// Loads the whole folder, the same as [`super::load::load_dir`], taking every unchanged
    /// file's parse from the last load.
    pub fn reload(&mut self) -> Dataset {
        self.town = std::fs::metadata(self.dir.join("town.json"))
            .ok()
            .map(|m| Stamp::of(&m));
        let (found, mut problems) = list_top(&self.dir);
        let prefix = self.dir.display().to_string();
        let (mut ds, cache, listings) =
            load_entries_cached(&prefix, found, &self.cache, &self.listings);
        self.cache = cache;
        self.listings = listings;
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
        let (mut ds, cache, _) =
            load_entries_cached(&prefix, wanted, &self.cache, &DayListings::default());
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
