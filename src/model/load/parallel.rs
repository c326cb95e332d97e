//! Running the loading work on all cores, and copying each new parse off its thread's heap.

use crate::model::assemble::{DayLoaded, Done};
use crate::model::diag::Diagnostic;
use crate::model::folders::{Last, Work};
use crate::model::job::{LineJob, Loaded, Parsed, Unloaded};
use crate::model::line_file::LineFile;
use crate::model::stamp::DayListing;
use chrono::NaiveDate;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

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

/// Does the work on all cores; the order of the result follows the input. Every snapshot folder
/// comes out shared ([`Done::Day`]), its new parses copied off the loading threads' heaps.
///
/// Threads take the next piece of work as they become free, so a thread that the machine slows
/// down (or a large file) does not hold up the others.
pub(super) fn run_parallel(work: Vec<Work>, prefix: &str, last: Last<'_>) -> Vec<Done> {
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
