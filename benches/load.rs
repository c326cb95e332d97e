//! Benchmarks of `huibao::model::load::load_dir`.
//!
//! Target: **a five-year weekly history (261 snapshot dates × 6 work lines ≈ 1,566 line files plus
//! `town.json`) must load in under 60 ms on a 2-core machine.** The dashboard loads the whole data
//! folder at start-up and again on every reload, so this is the time a township office waits after
//! five years of weekly meetings.
//!
//! Benchmarks:
//!
//! * `load_dir/seed` — the bundled `data/` folder (one snapshot date);
//! * `load_dir/five_year_weekly` — a history generated once at start-up into a temporary folder: the
//!   six line files of `data/2023-06-30/`, written for every Friday from 2019-01-04 for five years,
//!   with `as_of` set to the folder's date and every numeric `value` scaled by the week index (so
//!   figures move from week to week, stay non-negative and never pass their `target`). Withheld
//!   `"**"` values and `target` leaves are kept as they are; `data/town.json` is copied;
//! * `history/changes_five_year` — every week-over-week change of the five-year history: the
//!   [`Board`] at every snapshot date (each line's items judged, their changes against the line's
//!   previous snapshot and the items removed since), on the dataset loaded once beforehand;
//! * `history/first_frame_data_five_year` — the data behind the dashboard's first frame: `load_dir`
//!   of the five-year history plus the [`Board`] at its newest date. Target: still under 60 ms.
//!
//! Every benchmark drops what it returns outside the measurement.
//!
//! Run with `cargo bench --bench load`.

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

#[path = "support/history.rs"]
mod history;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huibao::model::board::Board;
use huibao::model::load::load_dir;
use std::hint::black_box;
use std::time::Duration;

/// How many years of weekly snapshots to generate.
const YEARS: i32 = 5;

fn bench_load(c: &mut Criterion) {
    let seed_dir = history::data_dir();
    let seed = load_dir(&seed_dir);
    assert_eq!(
        seed.errors().count(),
        0,
        "the bundled data folder loads without errors"
    );

    let started = std::time::Instant::now();
    let spec = history::Spec::weekly_years(YEARS);
    let (hist, written) = history::temp_history(&spec);
    let ds = load_dir(hist.path());
    let errors: Vec<_> = ds.errors().collect();
    assert!(
        errors.is_empty(),
        "the generated history loads without errors: {errors:?}"
    );
    assert_eq!(ds.dates.len(), spec.dates);
    assert_eq!(
        ds.lines.iter().map(|l| l.snapshots.len()).sum::<usize>(),
        written
    );
    eprintln!(
        "generated {written} line files + town.json ({} dates × {} lines, {} warnings) in {:.1?}",
        ds.dates.len(),
        ds.lines.len(),
        ds.problems.len(),
        started.elapsed()
    );

    // The returned `Dataset` is dropped outside the timed part: freeing five years of snapshots
    // takes several milliseconds of its own and is not loading.
    let mut group = c.benchmark_group("load_dir");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("seed", |b| {
        b.iter_batched(
            || (),
            |()| load_dir(black_box(&seed_dir)),
            BatchSize::SmallInput,
        )
    });
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("five_year_weekly", |b| {
        b.iter_batched(
            || (),
            |()| load_dir(black_box(hist.path())),
            BatchSize::PerIteration,
        )
    });
    group.finish();

    // Every board of the history, as stepping through all the dates on screen would build them.
    let boards = all_boards(&ds);
    assert_eq!(boards.len(), ds.dates.len());
    let changes: usize = boards
        .iter()
        .flat_map(|b| &b.lines)
        .map(|l| l.changed())
        .sum();
    assert!(changes > 0, "the generated history moves from week to week");
    eprintln!("{} boards, {changes} week-over-week changes", boards.len());
    drop(boards);

    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("changes_five_year", |b| {
        b.iter_batched(
            || (),
            |()| all_boards(black_box(&ds)),
            BatchSize::PerIteration,
        )
    });
    drop(ds);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("first_frame_data_five_year", |b| {
        b.iter_batched(
            || (),
            |()| {
                let ds = load_dir(black_box(hist.path()));
                let board = Board::build(&ds, ds.latest_date());
                (ds, board)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The board at every snapshot date of `ds`, oldest first.
fn all_boards(ds: &huibao::model::Dataset) -> Vec<Board> {
    ds.dates
        .iter()
        .map(|&date| Board::build(ds, Some(date)))
        .collect()
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
