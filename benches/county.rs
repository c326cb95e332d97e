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
//! * `first_frame/county_30x5y_rows` — the county's first frame as the dashboard draws it: `open_county`
//!   (`county.json` and each town's name, every row still loading), the state and a 120×40 frame;
//! * `first_frame/county_30x5y` — the county with every row in: `load_county` (each town's lines'
//!   two newest snapshots by the lazy `Reloader`, one town after the other; the dashboard's row
//!   loader takes two at a time behind its first frame), the county state and a 120×40 frame;
//! * `open_town/county_30x5y` — Enter on the county overview: the town's dashboard from the snapshots
//!   already loaded, and its first frame (its whole history then loads off the UI thread);
//! * `town_history/county_30x5y` — that background load: one town's five years (`load_town`).
//!
//! Before them it prints the heap the county's first frame holds (a counting allocator around
//! mimalloc). Run with `cargo bench --bench county` (generating the county takes a few seconds);
//! `cargo bench --bench county -- none` prints the heap only.

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

#[path = "../examples/gen_county.rs"]
mod gen;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huibao::app::{update, Action, State};
use huibao::cli::Lang;
use huibao::commands::render::render_buffer;
use huibao::model::county::{load_county, load_town, open_county};
use huibao::model::load::load_dir;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

#[path = "support/counting.rs"]
mod counting;
use counting::{Counting, LIVE, PEAK};

#[global_allocator]
static ALLOC: Counting = Counting;

/// mimalloc set up as the binary sets it (see `main.rs`): memory committed on demand.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static COMMIT_ON_DEMAND: extern "C" fn() = huibao::model::load::commit_memory_on_demand;

fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

/// What the county's first frame holds: the heap in use after it (and its peak while loading), by
/// part, beside the bytes of the files it read.
fn memory_report(dir: &Path) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let county = load_county(dir);
    let loaded = LIVE.load(Ordering::Relaxed) - before;
    let peak_load = PEAK.load(Ordering::Relaxed) - before;
    let boards = {
        let b = LIVE.load(Ordering::Relaxed);
        let boards: Vec<_> = county.towns.iter().map(|t| t.board.clone()).collect();
        let n = LIVE.load(Ordering::Relaxed) - b;
        drop(boards);
        // The copy is the measurement's, not the dashboard's.
        PEAK.store(before + peak_load, Ordering::Relaxed);
        n
    };
    let mut state = State::new_county(county, Lang::Zh, today());
    update(&mut state, Action::Resize(120, 40));
    let with_state = LIVE.load(Ordering::Relaxed) - before;
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| huibao::ui::draw(f, &state)).unwrap();
    let with_frame = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    eprintln!(
        "county first frame, heap in use: the county {:.1} MiB (its boards {:.1} MiB), with the \
         state {:.1} MiB, with the terminal's buffers and a frame {:.1} MiB; peak {:.1} MiB \
         (while loading {:.1} MiB)",
        mib(loaded),
        mib(boards),
        mib(with_state),
        mib(with_frame),
        mib(peak),
        mib(peak_load),
    );
}

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
    memory_report(tmp.path());
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
    group.bench_function("county_30x5y_rows", |b| {
        b.iter(|| {
            let c = open_county(black_box(tmp.path()), None);
            let s = State::new_county(c, Lang::Zh, today());
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
