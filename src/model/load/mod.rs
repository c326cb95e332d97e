//! Loading the data folder: `town.json` plus one folder per snapshot date with one file per work line.
//!
//! Loading never stops at a bad file: every problem becomes a [`Diagnostic`] and the other files load.

mod entries;
mod memory;
mod organize;
mod parallel;

use super::diag::{Diagnostic, Severity};
pub use super::encoding::{
    decode, parse_json, parse_line_file, parse_town, parse_town_checked, TextEncoding,
};
pub use super::failed::Failed;
use super::format::{parse_day, Town};
use super::sanitize;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

pub use super::job::is_ignored_name;
use super::job::{ignored_folder, is_dir, Content};
pub use super::snapshot::{LineHistory, Shared, Snapshot};
pub use super::stamp::Stamp;

pub use super::read::{read_capped, MAX_FILE_BYTES};
pub(super) use entries::{load_entries, load_entries_cached};
pub use memory::{commit_memory_on_demand, return_freed_memory};
pub use organize::keep_last_good;

/// Where the data came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// A folder on disk.
    Folder(PathBuf),
    /// The seed snapshot compiled into the binary (no data folder was found).
    Embedded,
}

/// The whole loaded data folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Folder or compiled-in seed.
    pub source: DataSource,
    /// The town file (defaults when absent).
    pub town: Town,
    /// Work lines in meeting order.
    pub lines: Vec<LineHistory>,
    /// Every snapshot date, oldest first.
    pub dates: Vec<NaiveDate>,
    /// Every problem found while loading, errors and warnings.
    pub problems: Vec<Diagnostic>,
    /// How many data files were read (or tried): `town.json` and the line files.
    pub files: usize,
    /// True while only each line's newest snapshots are loaded and the older ones are still loading
    /// (the dashboard's first frame); trends and stepping back in time fill in once they are.
    pub older_pending: bool,
    /// Line files that failed to load, by line id, oldest first: their lines keep their place.
    pub failed: Vec<(String, Failed)>,
}

impl Dataset {
    /// The newest snapshot date, if any line loaded.
    pub fn latest_date(&self) -> Option<NaiveDate> {
        self.dates.last().copied()
    }
    /// Errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().filter(|d| d.is_error())
    }
    /// The line with this id.
    pub fn line(&self, id: &str) -> Option<&LineHistory> {
        self.lines.iter().find(|l| l.id == id)
    }
}

/// A file to load: its path relative to the data folder, and its contents or why it could not be read.
pub type RawFile = (String, Result<Vec<u8>, String>);

/// What a data folder holds, in name order: `town.json` and the snapshot folders (not yet listed).
pub(in crate::model) fn list_top(dir: &Path) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Diagnostic::file_error(
                sanitize::clean(&dir.display().to_string()),
                format!("cannot read the data folder: {e}"),
            ));
            return (found, problems);
        }
    };
    // Each name is taken once (sorting by `DirEntry::file_name` would copy it at every comparison).
    let mut names: Vec<_> = entries.flatten().map(|e| (e.file_name(), e)).collect();
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in names {
        let name = name.to_string_lossy().into_owned();
        if is_ignored_name(&name) {
            continue;
        }
        if is_dir(&entry) {
            match parse_day(&name) {
                Some(date) => found.push(Entry::Day(name, date, entry.path())),
                None => problems.push(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::file_error(
                        sanitize::clean(&dir.join(&name).display().to_string()),
                        ignored_folder(&name),
                    )
                }),
            }
        } else if name == "town.json" {
            found.push(Entry::File(name, Content::Unread(entry.path())));
        }
    }
    let has_town = found.iter().any(|e| matches!(e, Entry::File(..)));
    if has_town && !found.iter().any(|e| matches!(e, Entry::Day(..))) {
        problems.push(Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::file_error(
                sanitize::clean(&dir.display().to_string()),
                "only town.json here: no snapshot folders (named like 2023-06-30), so there are no work lines to show",
            )
        });
    }
    (found, problems)
}

/// Loads a data folder. Never fails: unreadable or invalid files become problems.
///
/// Each snapshot folder is listed, read and parsed by one of the loading threads.
pub fn load_dir(dir: &Path) -> Dataset {
    let (found, mut problems) = list_top(dir);
    let mut ds = load_entries(&dir.display().to_string(), found);
    problems.append(&mut ds.problems);
    ds.problems = problems;
    ds.source = DataSource::Folder(dir.to_path_buf());
    ds
}

/// Loads a data folder's `town.json` and only its `keep` newest snapshot folders: what a first
/// frame needs (the newest snapshot and the one before it, for the changes). The county view loads
/// every town this way and a town's whole history only when it is opened.
pub fn load_dir_recent(dir: &Path, keep: usize) -> Dataset {
    let (mut found, mut problems) = list_top(dir);
    let days = found.iter().filter(|e| matches!(e, Entry::Day(..))).count();
    let mut skip = days.saturating_sub(keep);
    found.retain(|e| match e {
        Entry::Day(..) if skip > 0 => {
            skip -= 1;
            false
        }
        _ => true,
    });
    let mut ds = load_entries(&dir.display().to_string(), found);
    problems.append(&mut ds.problems);
    ds.problems = problems;
    ds.source = DataSource::Folder(dir.to_path_buf());
    ds
}

/// Loads one snapshot folder (`data/2023-06-30`) on its own, as the folder loads within its data
/// folder; paths in messages start with `prefix` (the folder holding it, as the user wrote it).
pub fn load_snapshot_folder(prefix: &str, dir: &Path, date: NaiveDate) -> Dataset {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut ds = load_entries(prefix, vec![Entry::Day(name, date, dir.to_path_buf())]);
    ds.source = DataSource::Folder(dir.to_path_buf());
    ds
}

/// Loads the seed snapshot compiled into the binary.
pub fn load_embedded() -> Dataset {
    let files = crate::embedded::FILES
        .iter()
        .map(|(rel, text)| (rel.to_string(), Ok(text.as_bytes().to_vec())))
        .collect();
    let mut ds = from_files("data", files);
    ds.source = DataSource::Embedded;
    ds
}

/// Builds a dataset from already-read files (relative paths like `2023-06-30/party.json`).
/// `prefix` is put before each path in messages.
pub fn from_files(prefix: &str, files: Vec<RawFile>) -> Dataset {
    let files = files
        .into_iter()
        .map(|(rel, content)| Entry::File(rel, Content::Read(content)))
        .collect();
    load_entries(prefix, files)
}

/// Something to load.
#[derive(Debug, Clone)]
pub(in crate::model) enum Entry {
    /// A file, by its path relative to the data folder.
    File(String, Content),
    /// A snapshot folder, by name, date and full path, whose line files are still to be listed.
    Day(String, NaiveDate, PathBuf),
}
