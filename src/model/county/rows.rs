//! Loading a county's rows: each town's newest snapshots (or those up to `--at`), judged by the
//! county's thresholds.

use super::failure::failure;
use super::{County, Failure, TownEntry};
use crate::model::board::Board;
use crate::model::format::Thresholds;
use crate::model::load::{self, Dataset};
use crate::model::reload::Reloader;
use crate::model::sanitize;
use chrono::NaiveDate;
use std::path::Path;

/// Loads row `i` of the county: the town's newest snapshots (the newest and, for the changes, the one
/// before, by the lazy [`Reloader`]), or as of the county's `at` date its snapshots up to that date;
/// its board, then its snapshots let go (the dataset keeps the town file, the dates and the
/// problems): the county reads boards only, and opening a town loads its whole history.
pub fn load_row(county: &County, i: usize) -> TownEntry {
    let Some(t) = county.towns.get(i) else {
        return TownEntry::default();
    };
    let mut row = TownEntry {
        loading: false,
        ..t.clone()
    };
    if !t.dir.is_dir() {
        row.failure = Some(Failure::plain("the folder does not exist".into()));
        return row;
    }
    let mut ds = match county.at {
        None => Reloader::new(&t.dir).load_recent(),
        Some(at) => load_upto(&t.dir, at),
    };
    judge_by(&mut ds, &t.dir, county.thresholds);
    row.board = Board::build(&ds, ds.latest_date());
    ds.lines = Vec::new();
    ds.lines.shrink_to_fit();
    row.failure = failure(&ds, &county.dir, &t.folder, county.at);
    if !ds.town.name.is_empty() {
        row.name = ds.town.name.to_string();
    }
    row.data = Some(ds);
    row
}

/// A town's snapshot folders dated on or before `at`, with its `town.json`.
fn load_upto(dir: &Path, at: NaiveDate) -> Dataset {
    let (mut found, mut problems) = load::list_top(dir);
    found.retain(|e| !matches!(e, load::Entry::Day(_, d, _) if *d > at));
    let prefix = dir.display().to_string();
    let mut ds = load::load_entries(&prefix, found);
    problems.append(&mut ds.problems);
    ds.problems = problems;
    ds.source = load::DataSource::Folder(dir.to_path_buf());
    ds
}

/// Loads one town's folder: its `keep` newest snapshots (0: the whole history), judged by the county's
/// thresholds when it sets them.
pub fn load_town(dir: &Path, th: Option<Thresholds>, keep: usize) -> Dataset {
    let mut ds = if keep == 0 {
        load::load_dir(dir)
    } else {
        load::load_dir_recent(dir, keep)
    };
    judge_by(&mut ds, dir, th);
    ds
}

/// The county's thresholds over the town's own; a town whose `town.json` did not load is still named,
/// by its folder.
fn judge_by(ds: &mut Dataset, dir: &Path, th: Option<Thresholds>) {
    if let Some(th) = th {
        ds.town.thresholds = th;
    }
    if ds.town.name.is_empty() {
        ds.town.name =
            sanitize::clean(&dir.file_name().unwrap_or_default().to_string_lossy()).into();
    }
}
