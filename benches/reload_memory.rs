//! Memory across reloads with thousands of snapshot dates (issue 15, point 8), and the cost of one
//! poll of such a folder.
//!
//! Generates a data folder of `DATES` daily snapshots (default 3,000: 18,000 line files, the seed's
//! six files with `as_of` moved to each folder's date) in a temporary folder, loads it the way the
//! dashboard starts, then reloads it `RELOADS` times (default 30) the way the dashboard reloads:
//! `load_dir` on a loading thread, `keep_last_good` against the data shown, `replace_data`. Prints
//! the resident set size (VmRSS) after the start and after every reload, and the time of one
//! `watch::fingerprint` (what `--poll` does each period: stat calls, no reads).
//!
//! Run with `cargo bench --bench reload_memory` (or `-- 300 5` for DATES and RELOADS). Not a
//! criterion benchmark: it measures memory, once.

#[path = "../tests/common/generate.rs"]
mod generate;

use chrono::NaiveDate;
use generate::generate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::model::load::{keep_last_good, load_dir};
use std::sync::atomic::Ordering;
use std::time::Instant;

#[path = "support/counting.rs"]
mod counting;
use counting::{Counting, LIVE};

#[global_allocator]
static ALLOC: Counting = Counting;

/// CPU time (user and system) of the calling thread so far.
fn thread_cpu() -> std::time::Duration {
    // SAFETY: rusage is plain data that getrusage fills.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid out-pointer.
    unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut ru) };
    let tv = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec as u64)
            + std::time::Duration::from_micros(t.tv_usec as u64)
    };
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

/// Bytes allocated and not yet freed, in MiB.
fn live_mib() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64 / (1024.0 * 1024.0)
}

/// The process's resident set size in MiB, from /proc/self/status.
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

/// mimalloc set up as the binary sets it (see `main.rs`): memory committed on demand.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static COMMIT_ON_DEMAND: extern "C" fn() = huibao::model::load::commit_memory_on_demand;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|a| a.parse::<u64>().expect("DATES and RELOADS are numbers"));
    let dates = args.next().unwrap_or(3000);
    let reloads = args.next().unwrap_or(30);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let bytes = generate(tmp.path(), dates);
    println!(
        "generated {dates} dates ({} files, {:.0} MB) in {:.1?}",
        dates * 6,
        bytes as f64 / 1e6,
        started.elapsed()
    );
    println!("RSS before loading: {:.0} MiB", rss_mib());
    let today = NaiveDate::from_ymd_opt(2023, 7, 3).expect("a date");
    let t = Instant::now();
    let mut state = State::new(load_dir(tmp.path()), Lang::Zh, today);
    println!(
        "start: loaded in {:.2?}; RSS {:.0} MiB, live {:.0} MiB",
        t.elapsed(),
        rss_mib(),
        live_mib()
    );
    let dir = tmp.path().to_path_buf();
    let mut rss = Vec::new();
    for i in 1..=reloads {
        let t = Instant::now();
        let d = dir.clone();
        let mut fresh = std::thread::spawn(move || load_dir(&d))
            .join()
            .expect("the loading thread");
        keep_last_good(&mut fresh, &state.data);
        state.replace_data(fresh);
        huibao::model::load::return_freed_memory();
        rss.push(rss_mib());
        println!(
            "reload {i:2}: {:.2?}; RSS {:.0} MiB, live {:.0} MiB",
            t.elapsed(),
            rss[rss.len() - 1],
            live_mib()
        );
    }
    let t = Instant::now();
    let cpu = thread_cpu();
    let polls = 5;
    for _ in 0..polls {
        std::hint::black_box(huibao::watch::fingerprint(&dir));
    }
    println!(
        "one poll (fingerprint of {} files): {:.1?} CPU, {:.1?} wall",
        dates * 6,
        (thread_cpu() - cpu) / polls,
        t.elapsed() / polls
    );
    if let (Some(first), Some(last)) = (rss.first(), rss.last()) {
        println!("RSS after reload 1: {first:.0} MiB; after reload {reloads}: {last:.0} MiB");
    }
    // What is left once the data is gone tells retained memory from live data.
    drop(state);
    huibao::model::load::return_freed_memory();
    println!("RSS with the data dropped: {:.0} MiB", rss_mib());
}
