//! Loading a list of entries: files read on their own, snapshot folders by the loading threads.

use super::organize::organize;
use super::parallel::run_parallel;
use super::{parse_town_checked, DataSource, Dataset, Entry};
use crate::model::assemble::Done;
use crate::model::diag::{Diagnostic, Severity};
use crate::model::folders::{Days, Last, Sweep, Work};
use crate::model::format::{parse_day, Town};
use crate::model::job::{shown, Content, LineJob, Place};
use crate::model::pairs::PairChecks;
use crate::model::snapshot::LineHistory;
use crate::model::stamp::Cache;
use std::sync::Arc;

/// [`from_files`](super::from_files) for entries that may still be unlisted or unread. Problems
/// come out in the same order either way: first every read error and `town.json`'s problems in
/// file order, then each line file's.
pub(in crate::model) fn load_entries(prefix: &str, entries: Vec<Entry>) -> Dataset {
    let last = Last {
        cache: &Cache::default(),
        days: &Days::default(),
        sweep: &Sweep::All,
    };
    load_entries_cached(prefix, entries, last, &mut PairChecks::default()).0
}

/// [`load_entries`] that takes what did not change from the last load: a file's parse while it
/// keeps its [`Stamp`](super::Stamp), a snapshot folder's listing while the folder keeps its stamp,
/// a whole snapshot folder without a look at it when `last.sweep` skips it, and the unit-change
/// warnings of unchanged pairs from `pairs`. Returns the dataset, and the parses of files given on
/// their own and the snapshot folders of this load (for the next).
pub(in crate::model) fn load_entries_cached(
    prefix: &str,
    entries: Vec<Entry>,
    last: Last<'_>,
    pairs: &mut PairChecks,
) -> (Dataset, Cache, Days) {
    let Planned {
        early,
        mut files,
        town,
        work,
    } = plan(prefix, entries, last);

    let done = run_parallel(work, prefix, last);
    let mut new_cache = Cache::default();
    let gathered = crate::model::assemble::assemble(&done, &mut new_cache);
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
    problems.extend(indicator_problems(&town, &lines));
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
    (ds, new_cache, kept_days(done))
}

/// What [`plan`] makes of the entries before any line file is parsed.
struct Planned {
    /// Problems found before parsing line files, each with its file's place.
    early: Vec<(Place, Diagnostic)>,
    /// How many files were given on their own.
    files: usize,
    /// The town file (defaults when absent or invalid).
    town: Town,
    /// The line files and snapshot folders still to load, in order.
    work: Vec<Work>,
}

/// Reads `town.json` and cuts the rest into pieces of [`Work`]: line files in batches, each
/// snapshot folder on its own (or kept whole from the last load when `last.sweep` skips it).
fn plan(prefix: &str, entries: Vec<Entry>, last: Last<'_>) -> Planned {
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
            if let Some(t) = read_town(content, &path, place, &mut early) {
                town = t;
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
    Planned {
        early,
        files,
        town,
        work,
    }
}

/// Reads and checks `town.json`; its problems go to `early` at `place`. `None` when it cannot be
/// read or parsed.
fn read_town(
    content: Content,
    path: &str,
    place: Place,
    early: &mut Vec<(Place, Diagnostic)>,
) -> Option<Town> {
    match content.bytes() {
        Ok(bytes) => match parse_town_checked(&bytes, path) {
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
                                path,
                                format!(
                                    "amber_points {} and red_points {} should satisfy 0 <= amber <= red",
                                    th.amber_points, th.red_points
                                ),
                            )
                        },
                    ));
                }
                Some(t)
            }
            Err(d) => {
                early.push((place, d));
                None
            }
        },
        Err(msg) => {
            early.push((place, Diagnostic::file_error(path, msg)));
            None
        }
    }
}

/// The warnings about indicator lines: each line whose newest file is a list of indicators, with
/// whether `town.json` lists it.
fn indicator_problems(town: &Town, lines: &[LineHistory]) -> Vec<Diagnostic> {
    let indicators: Vec<(&str, &str, bool)> = lines
        .iter()
        .filter_map(|l| {
            let newest = l.latest();
            (newest.file.role == crate::model::line_file::LineRole::Indicators).then(|| {
                let listed = town.lines.iter().any(|x| *x == l.id);
                (l.id.as_str(), newest.path.as_str(), listed)
            })
        })
        .collect();
    crate::model::checks::indicator_warnings(&indicators)
}

/// The snapshot folders of this load, shared, for the next load to keep.
fn kept_days(done: Vec<Done>) -> Days {
    done.into_iter()
        .filter_map(|d| match d {
            Done::Day(_, name, day) => Some((name, day)),
            _ => None,
        })
        .collect()
}

/// How many line files given on their own make one piece of [`Work`].
const BATCH: usize = 8;
