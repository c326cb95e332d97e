//! Putting loaded snapshots in order: by date within a line, lines in the town's order.

use super::{DataSource, Dataset, Failed};
use crate::model::format::Town;
use crate::model::snapshot::{LineHistory, Snapshot};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Sorts snapshots by date and lines into the town's order; lists every snapshot date.
pub(super) fn organize(
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
        let town = crate::model::sanitize::clean(&format!(
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
