//! Memory across reloads (issue 15, point 8), on a generated folder of 250 snapshot dates:
//! the live heap after each reload is the same as after the first load (nothing accumulates in
//! the dataset or the state). One test only: the allocator's count is for the whole process.
//!
//! The resident size depends on the machine's load and the allocator's timing, so it is measured,
//! not asserted: `cargo bench --bench reload_memory` (3,000 dates, 30 reloads) prints it.

mod common;

use huibao::app::State;
use huibao::cli::Lang;
use huibao::model::load::{keep_last_good, load_dir, return_freed_memory};
use std::sync::atomic::Ordering;

#[path = "../benches/support/counting.rs"]
mod counting;
use counting::{Counting, LIVE};

#[global_allocator]
static ALLOC: Counting = Counting;

#[test]
fn reloads_keep_the_live_heap_flat() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    common::generate::generate(tmp.path(), 250);
    let today = chrono::NaiveDate::from_ymd_opt(2023, 7, 3).expect("a date");
    let mut state = State::new(load_dir(tmp.path()), Lang::Zh, today);
    assert_eq!(state.data.dates.len(), 250);
    let reload = |state: &mut State| {
        let dir = tmp.path().to_path_buf();
        let mut fresh = std::thread::spawn(move || load_dir(&dir))
            .join()
            .expect("the loading thread");
        keep_last_good(&mut fresh, &state.data);
        state.replace_data(fresh);
        return_freed_memory();
    };
    reload(&mut state);
    let live = LIVE.load(Ordering::Relaxed);
    for i in 2..=6 {
        reload(&mut state);
        // The test harness's own thread may hold a few bytes more or less at any moment.
        let now = LIVE.load(Ordering::Relaxed);
        assert!(
            now.abs_diff(live) < 64 * 1024,
            "live heap after reload {i}: {now} bytes, after reload 1: {live} bytes"
        );
    }
}
