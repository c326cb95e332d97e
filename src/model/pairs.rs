//! Checks between consecutive snapshots of a line (units that changed), remembered per pair of parses
//! so that a reload re-checks only the pairs that touch a file it parsed again.

use super::checks::unit_change_warnings;
use super::diag::Diagnostic;
use super::line_file::LineFile;
use super::snapshot::LineHistory;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// The warnings of one pair, with what they were found from. Holding both parses keeps their
/// addresses from being reused by other parses while the result is remembered.
#[derive(Debug)]
struct Checked {
    prev: Arc<LineFile>,
    cur: Arc<LineFile>,
    prev_date: NaiveDate,
    warnings: Vec<Diagnostic>,
}

/// The unit-change warnings of every pair of consecutive snapshots the last load checked, per line
/// in date order. A parse is shared (`Arc`) for as long as its file keeps its stamp, so an
/// unchanged pair is the same two parses; a file parsed again is a new one.
#[derive(Debug, Default)]
pub(super) struct PairChecks {
    by_line: HashMap<String, Vec<Checked>>,
}

impl PairChecks {
    /// The unit-change warnings of `lines` (each line's consecutive snapshots, in line and date
    /// order), the same as [`unit_change_warnings`] finds; pairs checked at the last call are taken
    /// from it. Remembers this call's pairs only, so the memo never outgrows the history.
    pub(super) fn unit_change_warnings(&mut self, lines: &[LineHistory]) -> Vec<Diagnostic> {
        let mut last = std::mem::take(&mut self.by_line);
        let mut out = Vec::new();
        for line in lines {
            let mut was = last
                .remove(&line.id)
                .unwrap_or_default()
                .into_iter()
                .peekable();
            let mut now = Vec::with_capacity(line.snapshots.len().saturating_sub(1));
            for w in line.snapshots.windows(2) {
                let (prev, cur) = (&w[0], &w[1]);
                // Both lists run in date order: skip the pairs that are gone.
                while was.next_if(|c| c.prev_date < prev.date).is_some() {}
                // A parse is one file's (its path, its date): the same two parses are the same pair.
                let same = |c: &Checked| {
                    c.prev_date == prev.date
                        && Arc::ptr_eq(&c.prev, &prev.file.0)
                        && Arc::ptr_eq(&c.cur, &cur.file.0)
                };
                let checked = was.next_if(same).unwrap_or_else(|| {
                    let pair = (&*prev.file, prev.date.to_string(), &*cur.file, &*cur.path);
                    Checked {
                        prev: Arc::clone(&prev.file.0),
                        cur: Arc::clone(&cur.file.0),
                        prev_date: prev.date,
                        warnings: unit_change_warnings([pair]),
                    }
                });
                out.extend(checked.warnings.iter().cloned());
                now.push(checked);
            }
            if !now.is_empty() {
                self.by_line.insert(line.id.clone(), now);
            }
        }
        out
    }

    /// How many pairs are remembered.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.by_line.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_checked_once_while_its_files_are_unchanged() {
        let ds = crate::model::load::load_dir(std::path::Path::new("tests/fixtures/history"));
        let mut memo = PairChecks::default();
        let first = memo.unit_change_warnings(&ds.lines);
        let pairs: usize = ds
            .lines
            .iter()
            .map(|l| l.snapshots.len().saturating_sub(1))
            .sum();
        assert_eq!(memo.len(), pairs);
        let again = memo.unit_change_warnings(&ds.lines);
        assert_eq!(first, again);
        assert_eq!(memo.len(), pairs);
        // Another parse of the same contents is another pair: checked again, same warnings.
        let fresh = crate::model::load::load_dir(std::path::Path::new("tests/fixtures/history"));
        assert_eq!(memo.unit_change_warnings(&fresh.lines), first);
        assert_eq!(
            memo.len(),
            pairs,
            "only the pairs of the last call are kept"
        );
    }
}
