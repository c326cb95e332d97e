//! Cleaned texts held once, shared by every snapshot that uses them.

use crate::model::sanitize::Kind;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard};

/// Every cleaned text in use, each held once: labels, units, owners and report sentences repeat in
/// every weekly snapshot of a line (and across the towns of a county), so a history holds each of
/// them once instead of once per snapshot (a five-year weekly history: 20.0 → 11.9 MiB live). One
/// set per [`Kind`]: text clean as a [`Text`](super::Text) may still need cleaning as a [`Line`](super::Line).
static INTERNED: [Mutex<Option<HashSet<Arc<str>>>>; 2] = [Mutex::new(None), Mutex::new(None)];

/// The set of texts held as `kind`, locked.
fn interned(kind: Kind) -> MutexGuard<'static, Option<HashSet<Arc<str>>>> {
    let set = match kind {
        Kind::Line => &INTERNED[0],
        Kind::Text => &INTERNED[1],
    };
    // A panic while the set was held leaves it whole (inserts are single calls): keep using it.
    set.lock().unwrap_or_else(|e| e.into_inner())
}

/// The shared copy of the text `s`, cleaned as `kind`, made when it is new.
pub(super) fn intern(kind: Kind, s: &str) -> Arc<str> {
    let mut set = interned(kind);
    let set = set.get_or_insert_with(HashSet::new);
    if let Some(a) = set.get(s) {
        return Arc::clone(a);
    }
    let a: Arc<str> = Arc::from(s);
    set.insert(Arc::clone(&a));
    a
}

/// The shared copy of `s` when `s` is already held as `kind`: then it is clean (cleaning leaves
/// clean text as it is, and only cleaned text is held).
pub(super) fn lookup(kind: Kind, s: &str) -> Option<Arc<str>> {
    interned(kind).as_ref()?.get(s).map(Arc::clone)
}

/// Forgets every text that nothing but the shared set holds any more (call after a reload has
/// replaced the data shown, so that edited sentences do not pile up). Returns how many are kept.
pub fn forget_unused() -> usize {
    [Kind::Line, Kind::Text]
        .into_iter()
        .map(|kind| match interned(kind).as_mut() {
            Some(set) => {
                set.retain(|a| Arc::strong_count(a) > 1);
                set.shrink_to_fit();
                set.len()
            }
            None => 0,
        })
        .sum()
}

/// How many distinct texts are held now, and their bytes.
pub fn interned_stats() -> (usize, usize) {
    [Kind::Line, Kind::Text]
        .into_iter()
        .map(|kind| {
            interned(kind)
                .as_ref()
                .map_or((0, 0), |set| (set.len(), set.iter().map(|a| a.len()).sum()))
        })
        .fold((0, 0), |(n, b), (n2, b2)| (n + n2, b + b2))
}
