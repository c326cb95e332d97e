//! Loading the data folder: `town.json` plus one folder per snapshot date with one file per work line.
//!
//! Loading never stops at a bad file: every problem becomes a [`Diagnostic`] and the other files load.

use super::diag::{Diagnostic, Severity};
pub use super::encoding::{
    decode, parse_json, parse_line_file, parse_town, parse_town_checked, TextEncoding,
};
pub use super::failed::Failed;
use super::format::{parse_day, Town};
use super::line_file::LineFile;
use super::sanitize;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use super::assemble::{DayLoaded, Done};
use super::folders::{Days, Last, Sweep, Work};
pub use super::job::is_ignored_name;
use super::job::shown;
use super::job::{ignored_folder, is_dir, Content, LineJob, Loaded, Parsed, Place, Unloaded};
use super::pairs::PairChecks;
pub use super::snapshot::{LineHistory, Shared, Snapshot};
pub use super::stamp::Stamp;
use super::stamp::{Cache, DayListing};

pub use super::read::{read_capped, MAX_FILE_BYTES};

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
pub(super) fn list_top(dir: &Path) -> (Vec<Entry>, Vec<Diagnostic>) {
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
pub(super) enum Entry {
    /// A file, by its path relative to the data folder.
    File(String, Content),
    /// A snapshot folder, by name, date and full path, whose line files are still to be listed.
    Day(String, NaiveDate, PathBuf),
}

/// [`from_files`] for entries that may still be unlisted or unread. Problems come out in the
/// same order either way: first every read error and `town.json`'s problems in file order, then
/// each line file's.
pub(super) fn load_entries(prefix: &str, entries: Vec<Entry>) -> Dataset {
    let last = Last {
        cache: &Cache::default(),
        days: &Days::default(),
        sweep: &Sweep::All,
    };
    load_entries_cached(prefix, entries, last, &mut PairChecks::default()).0
}

/// [`load_entries`] that takes what did not change from the last load: a file's parse while it
/// keeps its [`Stamp`], a snapshot folder's listing while the folder keeps its stamp, a whole
/// snapshot folder without a look at it when `last.sweep` skips it, and the unit-change warnings
/// of unchanged pairs from `pairs`. Returns the dataset, and the parses of files given on their own
/// and the snapshot folders of this load (for the next).
pub(super) fn load_entries_cached(
    prefix: &str,
    entries: Vec<Entry>,
    last: Last<'_>,
    pairs: &mut PairChecks,
) -> (Dataset, Cache, Days) {
    // Problems found before parsing line files, each with its file's place.
    let mut early: Vec<(Place, Diagnostic)> = Vec::new();
    let mut files = 0;
    let mut town = Town::default();
    let mut work = Vec::new();
    let mut batch = Vec::new();
    for (k, entry) in entries.into_iter().enumerate() {
        let place = (k, 0);
        let (rel, content) = match entry {
            Entry::File(rel, content) => (rel, content),
            Entry::Day(name, date, path) => {
                if !batch.is_empty() {
                    work.push(Work::Files(std::mem::take(&mut batch)));
                }
                match last.days.get(&name).filter(|_| !last.sweep.looks_at(&name)) {
                    Some(day) => work.push(Work::Kept(k, name, Arc::clone(day))),
                    None => work.push(Work::Day(k, name, date, path)),
                }
                continue;
            }
        };
        let path = shown(prefix, &rel);
        files += 1;
        if let Content::Read(Err(msg)) = content {
            early.push((place, Diagnostic::file_error(path, msg)));
            continue;
        }
        if rel == "town.json" {
            match content.bytes() {
                Ok(bytes) => match parse_town_checked(&bytes, &path) {
                    Ok((t, warnings)) => {
                        early.extend(warnings.into_iter().map(|w| (place, w)));
                        let th = t.thresholds;
                        if !(0.0 <= th.amber_points && th.amber_points <= th.red_points) {
                            early.push((
                                place,
                                Diagnostic {
                                    severity: Severity::Warning,
                                    field: "thresholds".into(),
                                    ..Diagnostic::file_error(
                                        &path,
                                        format!(
                                            "amber_points {} and red_points {} should satisfy 0 <= amber <= red",
                                            th.amber_points, th.red_points
                                        ),
                                    )
                                },
                            ));
                        }
                        town = t;
                    }
                    Err(d) => early.push((place, d)),
                },
                Err(msg) => early.push((place, Diagnostic::file_error(path, msg))),
            }
            continue;
        }
        let job = rel
            .split_once('/')
            .and_then(|(dir, fname)| Some((parse_day(dir)?, fname)));
        let Some((date, fname)) = job else {
            // Not loaded, but a file that cannot be read is still reported.
            if let Err(msg) = content.bytes() {
                early.push((place, Diagnostic::file_error(path, msg)));
            }
            continue;
        };
        let stem = fname.trim_end_matches(".json").to_string();
        let job = LineJob {
            place,
            date,
            stem,
            path,
        };
        batch.push((job, content));
        if batch.len() == BATCH {
            work.push(Work::Files(std::mem::take(&mut batch)));
        }
    }
    if !batch.is_empty() {
        work.push(Work::Files(batch));
    }

    let done = run_parallel(work, prefix, last);
    let mut new_cache = Cache::default();
    let gathered = super::assemble::assemble(&done, &mut new_cache);
    files += gathered.files;
    let (mut early, mut late, mut failed, by_line) = (
        [early, gathered.early].concat(),
        gathered.late,
        gathered.failed,
        gathered.by_line,
    );
    // A stable sort: a file's problems keep their order.
    early.sort_by_key(|(place, _)| *place);
    let mut problems: Vec<Diagnostic> = early.into_iter().map(|(_, d)| d).collect();
    problems.append(&mut late);

    let (lines, dates) = organize(&town, by_line, &mut failed);
    problems.extend(pairs.unit_change_warnings(&lines));
    let indicators: Vec<(&str, &str, bool)> = lines
        .iter()
        .filter_map(|l| {
            let newest = l.latest();
            (newest.file.role == super::line_file::LineRole::Indicators).then(|| {
                let listed = town.lines.iter().any(|x| *x == l.id);
                (l.id.as_str(), newest.path.as_str(), listed)
            })
        })
        .collect();
    problems.extend(super::checks::indicator_warnings(&indicators));
    let ds = Dataset {
        source: DataSource::Embedded,
        town,
        lines,
        dates,
        problems,
        files,
        older_pending: false,
        failed,
    };
    let days = done
        .into_iter()
        .filter_map(|d| match d {
            Done::Day(_, name, day) => Some((name, day)),
            _ => None,
        })
        .collect();
    (ds, new_cache, days)
}

/// A file parsed just now (held nowhere else) copied on this thread, into memory of its own.
///
/// A parsing thread's heap interleaves what a parse keeps with what it frees (the file's bytes,
/// serde's scratch, vectors grown and left behind), and the allocator's pages of a thread that has
/// ended stay as long as one value on them lives: a five-year history held 54 MiB that way for
/// 10 MiB of files. The copy is packed (and every vector's capacity is its length); the parse it
/// replaces is freed whole. A file taken from the cache is already such a copy.
fn compact(file: Arc<LineFile>) -> Arc<LineFile> {
    match Arc::try_unwrap(file) {
        Ok(parsed) => Arc::new(parsed.clone()),
        Err(shared) => shared,
    }
}

/// [`compact`] for a snapshot folder's listing: one listed just now is copied, one shared with the
/// last load is kept.
fn compact_listing(listing: Arc<DayListing>) -> Arc<DayListing> {
    match Arc::try_unwrap(listing) {
        Ok(listed) => Arc::new(listed.clone()),
        Err(shared) => shared,
    }
}

/// Sorts snapshots by date and lines into the town's order; lists every snapshot date.
fn organize(
    town: &Town,
    by_line: BTreeMap<String, Vec<Snapshot>>,
    failed: &mut [(String, Failed)],
) -> (Vec<LineHistory>, Vec<NaiveDate>) {
    failed.sort_by_key(|(_, f)| f.date);
    let mut lines: Vec<LineHistory> = by_line
        .into_iter()
        .map(|(id, mut snapshots)| {
            snapshots.sort_by_key(|s| s.date);
            LineHistory { id, snapshots }
        })
        .collect();
    let order = |id: &str| {
        town.lines
            .iter()
            .position(|l| l == id)
            .unwrap_or(usize::MAX)
    };
    lines.sort_by(|a, b| {
        order(&a.id)
            .cmp(&order(&b.id))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut dates: Vec<NaiveDate> = lines
        .iter()
        .flat_map(|l| l.snapshots.iter().map(|s| s.date))
        .collect();
    dates.sort();
    dates.dedup();
    (lines, dates)
}

/// After a reload: every file that now fails to load keeps its last good contents from `old`, so a
/// half-saved file never blanks a line on the meeting screen; so does every file of a folder that
/// cannot be read (a snapshot folder, or the whole data folder renamed away). The error stays in
/// `problems`.
pub fn keep_last_good(new: &mut Dataset, old: &Dataset) {
    let failed_paths: std::collections::HashSet<String> = new
        .errors()
        .map(|d| d.path.trim_end_matches('/').to_string())
        .collect();
    if failed_paths.is_empty() {
        // Nothing to keep: `new` is as its load organized it.
        return;
    }
    // A path failed when it, or a folder holding it, could not be read.
    let failed_at = |path: &str| {
        failed_paths.contains(path)
            || path
                .match_indices('/')
                .any(|(i, _)| failed_paths.contains(&path[..i]))
    };
    let mut by_line: BTreeMap<String, Vec<Snapshot>> = std::mem::take(&mut new.lines)
        .into_iter()
        .map(|l| (l.id, l.snapshots))
        .collect();
    for line in &old.lines {
        for snap in line.snapshots.iter().filter(|s| failed_at(&s.path)) {
            let list = by_line.entry(line.id.clone()).or_default();
            if !list.iter().any(|s| s.date == snap.date) {
                list.push(snap.clone());
            }
        }
    }
    if let DataSource::Folder(dir) = &new.source {
        let town = super::sanitize::clean(&format!(
            "{}/town.json",
            dir.display().to_string().trim_end_matches('/')
        ));
        if failed_at(&town) {
            new.town = old.town.clone();
        }
    }
    let (lines, dates) = organize(&new.town, by_line, &mut new.failed);
    new.lines = lines;
    new.dates = dates;
}

/// Gives the memory freed by a replaced dataset back to the system; call after a reload has
/// replaced the data shown (the old dataset dropped).
///
/// A reload builds the new dataset while the old one is still shown, so for a moment both are
/// alive; once the old one is dropped its pages are free but still held by the allocator. With a
/// folder of 3,000 dates the resident size went from ~300 MiB at start to ~800 MiB after a few
/// reloads, the live data staying 267 MiB (`benches/reload_memory.rs`). The binary allocates with
/// mimalloc, which this asks to give back every free page at once; glibc's malloc is trimmed too
/// (for a program that uses this library with the system allocator). Texts that no snapshot uses
/// any more are forgotten first ([`super::clean::forget_unused`]).
pub fn return_freed_memory() {
    super::clean::forget_unused();
    // SAFETY: both calls only walk their allocator's own free memory.
    unsafe {
        libmimalloc_sys::mi_collect(true);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        libc::malloc_trim(0);
    }
}

/// mimalloc's `arena_eager_commit` option (`mi_option_arena_eager_commit`, the same position in
/// mimalloc v2 and v3; libmimalloc-sys does not name it).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay`, 15 in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Asks mimalloc to commit its arenas' memory page by page as it is used, not all at once. It must
/// run before mimalloc reserves its first arena, that is before the first allocation: the binary
/// runs it from `.init_array` (see `main.rs`); `MIMALLOC_ARENA_EAGER_COMMIT` still wins when set.
///
/// On Linux mimalloc commits a whole arena up front by default (the option's default 2: "on systems
/// that overcommit") and then never gives its pages back: the 30-town county's first frame peaked at
/// 33 MiB RSS with it and 14 MiB without, against 2.4 MB of files loaded (ptybench, release build).
///
/// It also asks mimalloc to give freed pages back at once (`purge_delay` 0, `MIMALLOC_PURGE_DELAY`
/// wins when set) rather than after 10 ms of further allocating on the same thread: a thread that
/// went quiet (the loader after a load, the parsing threads that ended) otherwise kept its freed
/// pages — the five-year history's dashboard held 21.7 MiB with the default and 19.5 MiB without
/// the delay, the time of a whole 20-year load unchanged (0.18–0.38 s either way).
pub extern "C" fn commit_memory_on_demand() {
    // SAFETY: sets the defaults of two of mimalloc's options (no allocation); the environment,
    // read when an option is first used, overrides them.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 0);
    }
}

/// How many line files given on their own make one piece of [`Work`].
const BATCH: usize = 8;

/// Does the work on all cores; the order of the result follows the input. Every snapshot folder
/// comes out shared ([`Done::Day`]), its new parses copied off the loading threads' heaps.
///
/// Threads take the next piece of work as they become free, so a thread that the machine slows
/// down (or a large file) does not hold up the others.
fn run_parallel(work: Vec<Work>, prefix: &str, last: Last<'_>) -> Vec<Done> {
    // A reload that takes every file from the cache still stats each one: threads pay there too.
    // Folders taken whole from the last load cost nothing. One busy piece (a first frame's files,
    // one snapshot folder) needs no count of cores: asking reads cgroup files on every load.
    let threads = match work.iter().filter(|w| w.is_busy()).count() {
        0 | 1 => 1,
        n => std::thread::available_parallelism().map_or(1, |c| c.get().min(8).min(n)),
    };
    if threads <= 1 {
        return work
            .into_iter()
            .map(|w| settle(w.run(prefix, last)))
            .collect();
    }
    let slots: Vec<Mutex<Option<Work>>> = work.into_iter().map(|w| Mutex::new(Some(w))).collect();
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(i) else {
                return done;
            };
            let piece = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
            if let Some(piece) = piece {
                done.push((i, piece.run(prefix, last)));
            }
        }
    };
    // The calling thread only waits: a thread that panics loses its files, not the whole load.
    let mut done: Vec<_> = std::thread::scope(|s| {
        let threads: Vec<_> = (0..threads).map(|_| s.spawn(take)).collect();
        threads
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    // Say so rather than show a line as if it had no file.
                    let job = LineJob {
                        place: (usize::MAX, 0),
                        date: NaiveDate::MIN,
                        stem: String::new(),
                        path: prefix.to_string(),
                    };
                    let d = Diagnostic::file_error(
                        prefix,
                        "an internal error stopped some files from loading; please report it",
                    );
                    let lost = vec![(job, Err(Unloaded::Invalid(Box::new(d), None)))];
                    vec![(usize::MAX, Done::Files(lost))]
                })
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, d)| settle(d)).collect()
}

/// A piece of work as the dataset keeps it: what was parsed or listed just now copied here, off the
/// parsing threads' heaps (see [`compact`]), and a snapshot folder shared.
fn settle(done: Done) -> Done {
    let keep = |parsed: Vec<Parsed>| -> Vec<Parsed> {
        parsed
            .into_iter()
            .map(|(job, r)| {
                let r = r.map(|l| Loaded {
                    file: compact(l.file),
                    ..l
                });
                (job, r)
            })
            .collect()
    };
    match done {
        Done::Files(parsed) => Done::Files(keep(parsed)),
        Done::Fresh(k, name, day) => {
            let day = DayLoaded {
                parsed: keep(day.parsed),
                listing: compact_listing(day.listing),
                ..day
            };
            Done::Day(k, name, Arc::new(day))
        }
        shared @ Done::Day(..) => shared,
    }
}
