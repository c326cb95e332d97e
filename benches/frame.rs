//! Benchmarks of the dashboard's first frame and of a live reload, on generated histories.
//!
//! * `first_frame/{1y,5y,20y}` — what the dashboard does before its first frame: load each
//!   line's newest two snapshots (`Reloader::load_recent`), build the state (the board at the
//!   newest date) and draw the overview into a 120×40 ratatui `TestBackend` buffer. Weekly histories of 1, 5 and 20 years (52 to 1,044 snapshot
//!   dates). Goal (issue 14): 20 years within 1.5× of 1 year — the first frame's cost does not grow
//!   with the number of dates;
//! * `first_frame/5y_items_x20` — the same with twenty times as many items in every line;
//! * `reload/one_file_{5y,20y}` — a live reload after one line file of the five- and twenty-year
//!   history changed, told by the watcher which file (`Reloader::reload_changed`). Goal: under
//!   20 ms at any history length;
//! * `full_load/{5y,20y}` — the whole history, as the dashboard loads it behind the first frame;
//! * peak memory — a counting global allocator: the bytes held after loading, and the peak during
//!   the load and during a reload of one file (printed, not timed). Goal: the reload's peak within
//!   1.2× of what is held.
//!
//! Run with `cargo bench --bench frame` (short: ten samples each).

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

#[path = "support/history.rs"]
mod history;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huibao::app::State;
use huibao::model::lang::Lang;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

#[path = "support/counting.rs"]
mod counting;
use counting::{reset_peak, Counting, PEAK};

#[global_allocator]
static ALLOC: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The "today" of every benchmark, after the newest generated date so nothing is in the future.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2040, 1, 1).expect("a real date")
}

/// Load, state and the overview drawn into a 120×40 buffer: the dashboard's first frame (each
/// line's newest snapshots, as the dashboard loads before its first frame).
fn first_frame(dir: &Path) -> (State, Terminal<TestBackend>) {
    let data = huibao::model::reload::Reloader::new(dir).load_recent();
    let mut state = State::new(data, Lang::Zh, today());
    huibao::app::update(&mut state, huibao::app::Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    term.draw(|f| huibao::ui::draw(f, &state))
        .expect("draw into a buffer");
    (state, term)
}

fn bench_first_frame(c: &mut Criterion) {
    let cases = [
        ("1y", history::Spec::weekly_years(1)),
        ("5y", history::Spec::weekly_years(5)),
        ("20y", history::Spec::weekly_years(20)),
        (
            "5y_items_x20",
            history::Spec {
                items_x: 20,
                ..history::Spec::weekly_years(5)
            },
        ),
    ];
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, spec) in cases {
        let (dir, files) = history::temp_history(&spec);
        let before = reset_peak();
        let (state, term) = first_frame(dir.path());
        let held = counting::LIVE.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        assert!(
            state.data.errors().next().is_none(),
            "the generated history loads without errors"
        );
        eprintln!(
            "first_frame/{name}: {files} files; held after the first frame {:.1} MiB, peak {:.1} MiB",
            mib(held),
            mib(peak)
        );
        drop((state, term));
        group.bench_function(name, |b| {
            b.iter_batched(
                || (),
                |()| first_frame(black_box(dir.path())),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn bench_full_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_load");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, years) in [("5y", 5), ("20y", 20)] {
        let (dir, files) = history::temp_history(&history::Spec::weekly_years(years));
        let before = reset_peak();
        let data = huibao::model::load::load_dir(dir.path());
        let held = counting::LIVE.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let bytes = history::folder_bytes(dir.path());
        eprintln!(
            "full_load/{name}: {files} files, {:.1} MiB of JSON; held {:.1} MiB ({:.2}× the data), peak {:.1} MiB",
            mib(bytes as usize),
            mib(held),
            held as f64 / bytes as f64,
            mib(peak)
        );
        drop(data);
        group.bench_function(name, |b| {
            b.iter_batched(
                || (),
                |()| huibao::model::load::load_dir(black_box(dir.path())),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn bench_reload(c: &mut Criterion) {
    let mut group = c.benchmark_group("reload");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, years) in [("one_file_5y", 5), ("one_file_20y", 20)] {
        let spec = history::Spec::weekly_years(years);
        let (dir, _) = history::temp_history(&spec);
        let newest = history::dates(&spec).last().copied().expect("dates");
        let file = dir
            .path()
            .join(newest.format("%Y-%m-%d").to_string())
            .join("safety.json");
        // As the watcher names it.
        let changed = [std::path::absolute(&file).expect("an absolute path")];
        let original = std::fs::read_to_string(&file).expect("read a line file");
        let mut reloader = huibao::model::reload::Reloader::new(dir.path());
        let data = reloader.reload();
        let held = reset_peak();
        // One save: the file changes size and content.
        let mut flip = false;
        let mut save = || {
            flip = !flip;
            let text = if flip {
                original.replacen("\"as_of\"", "\"office\": \"安监办\",\n  \"as_of\"", 1)
            } else {
                original.clone()
            };
            std::fs::write(&file, text).expect("write a line file");
        };
        save();
        let fresh = reloader.reload_changed(&changed);
        let peak = PEAK.load(Ordering::Relaxed);
        assert!(fresh.errors().next().is_none(), "the reload is clean");
        eprintln!(
            "reload/{name}: held {:.1} MiB, peak during a reload of one file {:.1} MiB ({:.2}×)",
            mib(held),
            mib(peak),
            peak as f64 / held as f64
        );
        drop((data, fresh));
        // What the watcher triggers: the reload told which file changed.
        group.bench_function(name, |b| {
            b.iter_batched(
                &mut save,
                |()| reloader.reload_changed(&changed),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench_first_frame, bench_full_load, bench_reload);
criterion_main!(benches);
