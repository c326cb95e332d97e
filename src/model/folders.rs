//! Loading the pieces of a data folder (line files given on their own, snapshot folders), and what
//! the loader keeps of each snapshot folder between loads so that a reload looks only at what changed.

use super::assemble::{DayLoaded, Done};
use super::diag::{Diagnostic, Severity};
use super::job::{list_day, shown, Content, LineJob, Parsed, Unloaded};
use super::stamp::{Cache, Stamp};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The snapshot folders of the last load, by folder name.
pub(super) type Days = HashMap<String, Arc<DayLoaded>>;

/// Which snapshot folders a load looks at again.
#[derive(Debug, Clone, Default)]
pub(super) enum Sweep {
    /// Every folder and every file is stat'ed; a folder or file whose stamp changed is read again.
    #[default]
    All,
    /// Only the folders of these names and their files are stat'ed: the watcher saw nothing change
    /// in the others, which are taken from the last load as they were, without a system call. A
    /// folder the last load did not list is always looked at.
    Folders(HashSet<String>),
}

impl Sweep {
    /// True when the snapshot folder `name` (and its files) must be stat'ed again.
    pub(super) fn looks_at(&self, name: &str) -> bool {
        match self {
            Sweep::All => true,
            Sweep::Folders(names) => names.contains(name),
        }
    }
}

/// What a load may take from the last one: its parses of files given on their own, its snapshot
/// folders, and which folders to look at again.
#[derive(Debug, Clone, Copy)]
pub(super) struct Last<'a> {
    /// Parsed line files by full path (files the last load was given on their own).
    pub(super) cache: &'a Cache,
    /// Snapshot folders as the last load found them.
    pub(super) days: &'a Days,
    /// Which folders to stat again.
    pub(super) sweep: &'a Sweep,
}

/// What one loading thread takes on at a time.
pub(super) enum Work {
    /// Line files given on their own.
    Files(Vec<(LineJob, Content)>),
    /// A snapshot folder (entry place, name, date, full path): its line files are listed, read
    /// and parsed.
    Day(usize, String, NaiveDate, PathBuf),
    /// A snapshot folder (entry place, name) taken as the last load found it.
    Kept(usize, String, Arc<DayLoaded>),
}

impl Work {
    /// True for work that touches the disk.
    pub(super) fn is_busy(&self) -> bool {
        !matches!(self, Work::Kept(..))
    }

    /// Does the work; every path in messages starts with `prefix`.
    pub(super) fn run(self, prefix: &str, last: Last<'_>) -> Done {
        match self {
            Work::Files(jobs) => Done::Files(
                jobs.into_iter()
                    .map(|(j, c)| j.load(c, last.cache))
                    .collect(),
            ),
            Work::Kept(k, name, day) => Done::Day(k, name, day),
            Work::Day(k, name, date, dir) => {
                let was = last.days.get(&name);
                match load_day(prefix, (k, &name, date, &dir), was, last.cache) {
                    Ok(day) => match was.filter(|w| same_day(w, &day)) {
                        // Nothing changed: keep sharing the last load's.
                        Some(was) => Done::Day(k, name, Arc::clone(was)),
                        None => Done::Fresh(k, name, day),
                    },
                    Err(msg) => {
                        // The folder's path stands for its files: `keep_last_good` keeps them.
                        let job = LineJob {
                            place: (k, 0),
                            date,
                            stem: String::new(),
                            path: shown(prefix, &name),
                        };
                        Done::Files(vec![(job, Err(Unloaded::Unreadable(msg)))])
                    }
                }
            }
        }
    }
}

/// True when a folder loaded again found what the last load found: the same listing, and every
/// file the same parse.
fn same_day(was: &DayLoaded, now: &DayLoaded) -> bool {
    Arc::ptr_eq(&was.listing, &now.listing)
        && was.parsed.len() == now.parsed.len()
        && was
            .parsed
            .iter()
            .zip(&now.parsed)
            .all(|(a, b)| match (&a.1, &b.1) {
                (Ok(a), Ok(b)) => Arc::ptr_eq(&a.file, &b.file),
                _ => false,
            })
}

/// Lists and loads the snapshot folder `name` (entry place `k`, its date, its full path `dir`);
/// an unchanged folder (same stamp as in `was`) is not listed again, and a file whose stamp is the
/// one `was` (or `cache`) has keeps its parse. Or why the folder cannot be read.
fn load_day(
    prefix: &str,
    (k, name, date, dir): (usize, &str, NaiveDate, &Path),
    was: Option<&Arc<DayLoaded>>,
    cache: &Cache,
) -> Result<DayLoaded, String> {
    // An unchanged folder is not listed again: no directory is opened, so a reload wakes no watch
    // on it.
    let stamp = std::fs::metadata(dir).ok().map(|m| Stamp::of(&m));
    let listing = match was.filter(|w| stamp.is_some() && w.stamp == stamp) {
        Some(w) => Arc::clone(&w.listing),
        None => Arc::new(list_day(name, dir)?),
    };
    let (files, skipped) = &*listing;
    let n = files.len();
    let mut parsed: Vec<Parsed> = files
        .iter()
        .enumerate()
        .map(|(i, (rel, full))| {
            let kept = was.and_then(|w| w.loaded(full));
            // The path as messages show it depends on the file's path only: a file loaded before
            // keeps the one it had.
            let path = match (kept, cache.get(full)) {
                (Some((job, _)), _) => job.path.clone(),
                (None, Some(c)) => c.shown.clone(),
                (None, None) => shown(prefix, rel),
            };
            let job = LineJob {
                place: (k, i),
                date,
                stem: rel[name.len() + 1..].trim_end_matches(".json").to_string(),
                path,
            };
            job.load_kept(full, kept.map(|(_, l)| l), cache)
        })
        .collect();
    parsed.extend(skipped.iter().enumerate().map(|(i, rel)| {
        let path = shown(prefix, rel);
        let warning = Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::file_error(
                &path,
                "not loaded: only files ending in .json are read (save it as .json?)",
            )
        };
        let job = LineJob {
            place: (k, n + i),
            date,
            stem: String::new(),
            path,
        };
        (job, Err(Unloaded::Invalid(Box::new(warning), None)))
    }));
    Ok(DayLoaded {
        stamp,
        listing,
        parsed,
        made: OnceLock::new(),
    })
}
