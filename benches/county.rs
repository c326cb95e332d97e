//! Benchmarks of the county view at county scale.
//!
//! Target (issue 16): **a county of 30 towns × 5 years of weekly snapshots (about 47,000 files) shows
//! its first frame within 4× the seed's first frame, opens a town within 30 ms**, and keeps RSS
//! within the bytes loaded + 8 MB (RSS is measured on the release binary with ptybench, see
//! `benches/county-side-by-side.sh`).
//!
//! The county is written once at start-up into a temporary folder by `examples/gen_county.rs` (the
//! generator, not the data, lives in the repository). Benchmarks:
//!
//! * `first_frame/seed` — the seed's first frame: `load_dir(data)`, the state and a 120×40 frame;
//! * `first_frame/county_30x5y` — the county's: `load_county` (every town's two newest snapshots,
//!   in parallel), the county state and a 120×40 frame of the county overview;
//! * `open_town/county_30x5y` — Enter on the county overview: the town's dashboard from the snapshots
//!   already loaded, and its first frame (its whole history then loads off the UI thread);
//! * `town_history/county_30x5y` — that background load: one town's five years (`load_town`).
//!
//! Run with `cargo bench --bench county` (generating the county takes a few seconds).

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

#[path = "../examples/gen_county.rs"]
mod gen;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huibao::app::{update, Action, State};
use huibao::cli::Lang;
use huibao::commands::render::render_buffer;
use huibao::model::county::{load_county, load_town};
use huibao::model::load::load_dir;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()
}

fn bench_county(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::Builder::new()
        .prefix("huibao-county-")
        .tempdir()
        .expect("a temporary folder");
    let started = std::time::Instant::now();
    let files = gen::generate(root, tmp.path(), 30, 5);
    eprintln!("generated {files} files in {:.1?}", started.elapsed());
    let county = load_county(tmp.path());
    assert_eq!(county.towns.len(), 30);
    assert!(county.towns.iter().all(|t| t.failure.is_none()));
    assert!(county.problems.is_empty(), "{:?}", county.problems);

    let seed_dir = root.join("data");
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("seed", |b| {
        b.iter(|| {
            let s = State::new(load_dir(black_box(&seed_dir)), Lang::Zh, today());
            render_buffer(s, (120, 40), "").unwrap()
        })
    });
    group.bench_function("county_30x5y", |b| {
        b.iter(|| {
            let s = State::new_county(load_county(black_box(tmp.path())), Lang::Zh, today());
            render_buffer(s, (120, 40), "").unwrap()
        })
    });
    group.finish();

    let state = State::new_county(county, Lang::Zh, today());
    let mut group = c.benchmark_group("open_town");
    group.sample_size(20);
    group.bench_function("county_30x5y", |b| {
        b.iter_batched(
            || state.clone(),
            |mut s| {
                update(&mut s, Action::Enter);
                render_buffer(s, (120, 40), "").unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let town = tmp.path().join("town01");
    let mut group = c.benchmark_group("town_history");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("county_30x5y", |b| {
        b.iter_batched(
            || (),
            |()| load_town(black_box(&town), None, 0),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_county);
criterion_main!(benches);
