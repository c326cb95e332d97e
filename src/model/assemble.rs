//! Putting loaded files together into lines and problems, in loading order. A snapshot folder's part
//! is worked out once and kept with the folder, so a reload that keeps a folder adds its snapshots
//! without looking into their files again.

use super::diag::{Diagnostic, Severity};
use super::failed::Failed;
use super::job::{LineJob, Loaded, Parsed, Place, Unloaded};
use super::snapshot::{Shared, Snapshot};
use super::stamp::{Cache, Cached, DayListing, Stamp};
use super::Line;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// A snapshot folder as a load found it: its stamp when listed, its listing, and each of its files
/// loaded (or why not), in listing order. Shared (`Arc`) between loads while the folder is unchanged.
#[derive(Debug)]
pub(super) struct DayLoaded {
    /// The folder's stamp when it was listed (`None`: it could be listed but not stat'ed).
    pub(super) stamp: Option<Stamp>,
    /// Its line files and the names it skipped.
    pub(super) listing: Arc<DayListing>,
    /// Each line file loaded or not, then each skipped name, in order.
    pub(super) parsed: Vec<Parsed>,
    /// What the folder adds to a dataset, worked out when first needed.
    pub(super) made: OnceLock<Made>,
}

impl DayLoaded {
    /// What the folder adds to a dataset.
    pub(super) fn made(&self) -> &Made {
        self.made.get_or_init(|| Made::of(self))
    }

    /// The file at `full` as this load found it, if it loaded.
    pub(super) fn loaded(&self, full: &Path) -> Option<(&LineJob, &Loaded)> {
        self.parsed.iter().find_map(|(job, r)| match r {
            Ok(l) if l.stamp.as_ref().is_some_and(|(p, _)| p == full) => Some((job, l)),
            _ => None,
        })
    }
}

/// A piece of work done.
pub(super) enum Done {
    /// Line files (or a snapshot folder that could not be listed), loaded or not.
    Files(Vec<Parsed>),
    /// A snapshot folder (entry place, name) listed and loaded just now.
    Fresh(usize, String, DayLoaded),
    /// A snapshot folder (entry place, name); the places of its files' jobs are those of the load
    /// that made it, the entry's place is this one.
    Day(usize, String, Arc<DayLoaded>),
}

/// One file's part in a dataset.
enum Part {
    /// A problem that sorts by the file's place (it could not be read).
    Early(Diagnostic),
    /// A problem that follows in loading order (it is not a valid line file, or it was skipped).
    Late(Diagnostic),
    /// It loaded: its snapshot of its line, and what was found beside parsing.
    Snapshot(Snapshot, Vec<Diagnostic>),
}

/// A file's part, and its line's failure when it failed.
fn file_part(job: &LineJob, result: &Result<Loaded, Unloaded>) -> (Part, Option<(String, Failed)>) {
    let LineJob {
        date, stem, path, ..
    } = job;
    let date = *date;
    let failed = |problem: &Diagnostic, name: Option<String>| {
        let problem = problem.clone();
        (!stem.is_empty()).then(|| {
            (
                stem.clone(),
                Failed {
                    date,
                    name,
                    problem,
                },
            )
        })
    };
    match result {
        Err(Unloaded::Unreadable(msg)) => {
            let problem = Diagnostic::file_error(path, msg);
            let failed = failed(&problem, None);
            (Part::Early(problem), failed)
        }
        Err(Unloaded::Invalid(d, name)) => {
            let failed = failed(d, name.clone()).filter(|_| d.is_error());
            (Part::Late((**d).clone()), failed)
        }
        Ok(Loaded { file, warnings, .. }) => {
            let mut warnings = warnings.clone();
            if *file.id != **stem {
                warnings.push(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::file_error(
                        path,
                        format!("file name differs from its id {:?}", file.id),
                    )
                });
            }
            if file.as_of.date() != date {
                warnings.push(Diagnostic {
                    severity: Severity::Warning,
                    field: "as_of".into(),
                    ..Diagnostic::file_error(
                        path,
                        format!(
                            "as_of {} differs from the snapshot folder {date}",
                            file.as_of
                        ),
                    )
                });
            }
            let snapshot = Snapshot {
                date,
                path: path.clone(),
                file: Shared(Arc::clone(file)),
            };
            (Part::Snapshot(snapshot, warnings), None)
        }
    }
}

/// The problem of a file that claims a line another file gave on the same date.
fn duplicate(snapshot: &Snapshot, first: &Snapshot) -> Diagnostic {
    let (file, date) = (&snapshot.file, snapshot.date);
    // Which figures are right is not ours to guess.
    Diagnostic::file_error(
        &snapshot.path,
        format!(
            "line {:?} on {date} is already given by {}; this file was not loaded",
            file.id, first.path
        ),
    )
}

/// What a snapshot folder adds to a dataset, whatever its place among the folders: valid while no
/// other file gives a line on its date.
#[derive(Debug, Default)]
pub(super) struct Made {
    /// Line files listed (a skipped name is not one).
    files: usize,
    /// Problems sorted by place: (the file's place in the folder, problem).
    early: Vec<(usize, Diagnostic)>,
    /// Problems in loading order.
    late: Vec<Diagnostic>,
    /// Lines whose file failed.
    failed: Vec<(String, Failed)>,
    /// The files that give their line's snapshot (line id, place in the folder's list), in
    /// folder order.
    snapshots: Vec<(Line, usize)>,
}

impl Made {
    /// The part of a snapshot folder as it was loaded.
    pub(super) fn of(day: &DayLoaded) -> Made {
        let mut made = Made::default();
        let mut given: Vec<Snapshot> = Vec::new();
        for (at, (job, result)) in day.parsed.iter().enumerate() {
            made.files += usize::from(!job.stem.is_empty());
            let (part, failed) = file_part(job, result);
            made.failed.extend(failed);
            match part {
                Part::Early(d) => made.early.push((job.place.1, d)),
                Part::Late(d) => made.late.push(d),
                Part::Snapshot(snap, mut warnings) => {
                    match given.iter().find(|s| s.file.id == snap.file.id) {
                        Some(first) => made.late.push(duplicate(&snap, first)),
                        None => {
                            made.late.append(&mut warnings);
                            made.snapshots.push((snap.file.id.clone(), at));
                            given.push(snap);
                        }
                    }
                }
            }
        }
        made
    }
}

/// Each line's snapshots as they are gathered, in the order lines are first met.
#[derive(Default)]
struct ByLine {
    lines: Vec<(String, Vec<Snapshot>)>,
    /// The newest date of any snapshot gathered.
    newest: Option<NaiveDate>,
}

impl ByLine {
    /// The snapshots of line `id`; `hint` is where the line was last found for the same place in
    /// a folder (folders list the same lines, so it is nearly always there).
    fn list(&mut self, id: &str, hint: &mut usize) -> &mut Vec<Snapshot> {
        if self.lines.get(*hint).is_none_or(|(l, _)| l != id) {
            *hint = match self.lines.iter().position(|(l, _)| l == id) {
                Some(at) => at,
                None => {
                    self.lines.push((id.to_string(), Vec::new()));
                    self.lines.len() - 1
                }
            };
        }
        &mut self.lines[*hint].1
    }

    fn push(&mut self, id: &str, hint: &mut usize, snapshot: Snapshot) {
        self.newest = self.newest.max(Some(snapshot.date));
        self.list(id, hint).push(snapshot);
    }
}

/// What the files of a load add up to.
pub(super) struct Assembled {
    /// Line files read or tried, in snapshot folders.
    pub(super) files: usize,
    /// Problems that sort by place.
    pub(super) early: Vec<(Place, Diagnostic)>,
    /// Problems in loading order, after those.
    pub(super) late: Vec<Diagnostic>,
    /// Lines whose file failed.
    pub(super) failed: Vec<(String, Failed)>,
    /// Each line's snapshots, in loading order.
    pub(super) by_line: BTreeMap<String, Vec<Snapshot>>,
}

/// Gathers the loaded pieces, in order; the parses of files given on their own go into `cache`.
pub(super) fn assemble(done: &[Done], cache: &mut Cache) -> Assembled {
    let mut out = Assembled {
        files: 0,
        early: Vec::new(),
        late: Vec::new(),
        failed: Vec::new(),
        by_line: BTreeMap::new(),
    };
    let mut by_line = ByLine::default();
    let mut hints: Vec<usize> = Vec::new();
    for piece in done {
        match piece {
            Done::Day(k, _, day) => {
                let date = day.parsed.first().map(|(job, _)| job.date);
                let made = day.made();
                // Snapshot folders come in date order: no file gathered so far gives a line on
                // this folder's date, so its part holds as it is.
                if by_line.newest < date {
                    out.files += made.files;
                    out.early
                        .extend(made.early.iter().map(|(i, d)| ((*k, *i), d.clone())));
                    out.late.extend(made.late.iter().cloned());
                    out.failed.extend(made.failed.iter().cloned());
                    hints.resize(hints.len().max(made.snapshots.len()), 0);
                    for ((id, at), hint) in made.snapshots.iter().zip(&mut hints) {
                        if let (job, Ok(loaded)) = &day.parsed[*at] {
                            let snap = Snapshot {
                                date: job.date,
                                path: job.path.clone(),
                                file: Shared(Arc::clone(&loaded.file)),
                            };
                            by_line.push(id, hint, snap);
                        }
                    }
                } else {
                    out.files += made.files;
                    let files = day
                        .parsed
                        .iter()
                        .map(|(job, r)| ((*k, job.place.1), job, r));
                    gather(files, &mut by_line, &mut out, None);
                }
            }
            Done::Files(parsed) => {
                let files = parsed.iter().map(|(job, r)| (job.place, job, r));
                gather(files, &mut by_line, &mut out, Some(cache));
            }
            Done::Fresh(..) => unreachable!("run_parallel shares every folder it loads"),
        }
    }
    out.by_line = by_line.lines.into_iter().collect();
    out
}

/// Gathers files one by one (files given on their own, in any order): a file that claims a line
/// another file gave on the same date is a problem. The parses of files given on their own go
/// into `cache`.
fn gather<'a>(
    files: impl Iterator<Item = (Place, &'a LineJob, &'a Result<Loaded, Unloaded>)>,
    by_line: &mut ByLine,
    out: &mut Assembled,
    mut cache: Option<&mut Cache>,
) {
    let mut hint = 0;
    for (place, job, result) in files {
        if let (
            Some(cache),
            Ok(Loaded {
                file,
                warnings,
                stamp: Some((full, stamp)),
                unsettled,
            }),
        ) = (cache.as_deref_mut(), result)
        {
            let cached = Cached {
                stamp: *stamp,
                unsettled: *unsettled,
                file: Arc::clone(file),
                warnings: warnings.clone(),
                shown: job.path.clone(),
            };
            cache.insert(full.clone(), cached);
        }
        let (part, failed) = file_part(job, result);
        out.failed.extend(failed);
        match part {
            Part::Early(d) => out.early.push((place, d)),
            Part::Late(d) => out.late.push(d),
            Part::Snapshot(snap, mut warnings) => {
                let list = by_line.list(&snap.file.id, &mut hint);
                // Files in date order (as snapshot folders come) leave only the last to look at;
                // files out of date order are searched.
                let given = match list.last() {
                    Some(l) if l.date < snap.date => None,
                    None => None,
                    Some(_) => list.iter().find(|s| s.date == snap.date),
                };
                match given {
                    Some(first) => out.late.push(duplicate(&snap, first)),
                    None => {
                        out.late.append(&mut warnings);
                        let id = snap.file.id.to_string();
                        by_line.push(&id, &mut hint, snap);
                    }
                }
            }
        }
    }
}
