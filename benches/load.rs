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

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huibao::model::board::Board;
use huibao::model::load::{is_ignored_name, load_dir};
use serde_json::Value;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The snapshot whose line files are copied into every week of the generated history.
const SEED_DATE: &str = "2023-06-30";
/// The first Friday of the generated history.
const FIRST_WEEK: (i32, u32, u32) = (2019, 1, 4);
/// How many years of weekly snapshots to generate.
const YEARS: i32 = 5;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The seed snapshot's line files: (file name, parsed JSON).
fn seed_lines() -> Vec<(String, Value)> {
    let dir = data_dir().join(SEED_DATE);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !is_ignored_name(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let json = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
            (name, json)
        })
        .collect()
}

/// Scales every numeric `value` leaf by `factor` (0 < factor ≤ 1), keeping integers integral.
/// `"**"` strings, `target` leaves and every other field are left alone.
fn vary(json: &mut Value, factor: f64) {
    match json {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::Number(n) if key == "value" => {
                        let base = n.as_f64().unwrap_or(0.0).max(0.0);
                        *v = if n.is_f64() {
                            let scaled = (base * factor * 100.0).round() / 100.0;
                            serde_json::Number::from_f64(scaled)
                                .map_or(Value::from(0), Value::Number)
                        } else {
                            Value::from((base * factor).round() as u64)
                        };
                    }
                    _ => vary(v, factor),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| vary(v, factor)),
        _ => {}
    }
}

/// The Fridays of the generated history, oldest first.
fn weeks() -> Vec<NaiveDate> {
    let (y, m, d) = FIRST_WEEK;
    let first = NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    let end = NaiveDate::from_ymd_opt(y + YEARS, m, d).expect("a real date");
    std::iter::successors(Some(first), |d| d.checked_add_days(Days::new(7)))
        .take_while(|d| *d < end)
        .collect()
}

/// Writes the five-year weekly history into a new temporary folder; returns it and the number of
/// line files written.
fn generate_history() -> (tempfile::TempDir, usize) {
    let tmp = tempfile::Builder::new()
        .prefix("huibao-bench-")
        .tempdir()
        .expect("a temporary folder");
    std::fs::copy(data_dir().join("town.json"), tmp.path().join("town.json"))
        .expect("copy town.json");
    let seed = seed_lines();
    let weeks = weeks();
    let last = (weeks.len().max(2) - 1) as f64;
    let mut written = 0;
    for (w, date) in weeks.iter().enumerate() {
        let day = date.format("%Y-%m-%d").to_string();
        let folder = tmp.path().join(&day);
        std::fs::create_dir(&folder).expect("create a snapshot folder");
        // From 30 % of the seed figures in the first week up to the seed figures in the last.
        let factor = 0.3 + 0.7 * (w as f64 / last);
        for (name, json) in &seed {
            let mut json = json.clone();
            vary(&mut json, factor);
            json["as_of"] = Value::from(day.clone());
            let text = serde_json::to_string_pretty(&json).expect("serialise a line file");
            std::fs::write(folder.join(name), text).expect("write a line file");
            written += 1;
        }
    }
    (tmp, written)
}

fn bench_load(c: &mut Criterion) {
    let seed_dir = data_dir();
    let seed = load_dir(&seed_dir);
    assert_eq!(
        seed.errors().count(),
        0,
        "the bundled data folder loads without errors"
    );

    let started = std::time::Instant::now();
    let (history, written) = generate_history();
    let ds = load_dir(history.path());
    let errors: Vec<_> = ds.errors().collect();
    assert!(
        errors.is_empty(),
        "the generated history loads without errors: {errors:?}"
    );
    assert_eq!(ds.dates.len(), weeks().len());
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
            |()| load_dir(black_box(history.path())),
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
                let ds = load_dir(black_box(history.path()));
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
