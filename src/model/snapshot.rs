//! Snapshots as the dataset holds them: one line's file at one date, a line's history, and the
//! shared parse both point to.

use super::line_file::LineFile;
use chrono::NaiveDate;
use std::sync::Arc;

/// One work line's file at one snapshot date.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The snapshot date (the folder's name).
    pub date: NaiveDate,
    /// The file's path for messages.
    pub path: String,
    /// The parsed file, shared with the loader's cache: a reload keeps an unchanged file's parse
    /// instead of holding a second copy.
    pub file: Shared<LineFile>,
}

/// Every loaded snapshot of one work line, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct LineHistory {
    /// The line's id.
    pub id: String,
    /// Its snapshots, sorted by date.
    pub snapshots: Vec<Snapshot>,
}

impl LineHistory {
    /// The newest snapshot.
    pub fn latest(&self) -> &Snapshot {
        self.snapshots
            .last()
            .expect("a line history always holds a snapshot")
    }
    /// The newest snapshot on or before `date`.
    pub fn at(&self, date: NaiveDate) -> Option<&Snapshot> {
        let after = self.snapshots.partition_point(|s| s.date <= date);
        self.snapshots[..after].last()
    }
    /// The snapshot before the one at `date` (for week-over-week changes).
    pub fn before(&self, date: NaiveDate) -> Option<&Snapshot> {
        let from = self.snapshots.partition_point(|s| s.date < date);
        self.snapshots[..from].last()
    }
}

/// A value shared between datasets (and the loader's cache). Reading goes straight through to it;
/// changing it first makes a copy of its own when it is shared.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared<T>(pub Arc<T>);

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<T: Clone> std::ops::DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}
