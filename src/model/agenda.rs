//! The agenda of a loaded folder: every line in meeting order, including lines whose every file
//! failed to load, and which lines show as broken at a date.

use super::failed::Failed;
use super::load::Dataset;
use chrono::NaiveDate;

impl Dataset {
    /// Every line id in meeting order: the lines that loaded and those whose every file failed, so
    /// that a broken file never renumbers the agenda.
    pub fn agenda(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.lines.iter().map(|l| l.id.as_str()).collect();
        // The loaded lines are already in meeting order; a line with no good file goes where the
        // town's order (then its id) puts it.
        let key = |id: &str| {
            let at = self.town.lines.iter().position(|l| l == id);
            (at.unwrap_or(usize::MAX), id.to_string())
        };
        for (id, _) in &self.failed {
            if !ids.contains(&id.as_str()) {
                let at = ids.iter().position(|x| key(x) > key(id));
                ids.insert(at.unwrap_or(ids.len()), id);
            }
        }
        ids
    }

    /// The newest failed file of line `id` on or before `date` (any date when None) that no good file
    /// of the same or a later date (up to `date`) replaces: the line is then shown as broken.
    pub fn failed_at(&self, id: &str, date: Option<NaiveDate>) -> Option<&Failed> {
        let f = self
            .failed
            .iter()
            .rev()
            .filter(|(l, _)| l == id)
            .map(|(_, f)| f)
            .find(|f| date.is_none_or(|d| f.date <= d))?;
        // A file kept from before a reload has the failed file's path: it is its last good version.
        let newer = self.line(id).is_some_and(|l| {
            l.snapshots.iter().any(|s| {
                s.date >= f.date && date.is_none_or(|d| s.date <= d) && s.path != f.problem.path
            })
        });
        (!newer).then_some(f)
    }
}
