//! The folder watcher: every burst of saves ends in exactly one reload signal, after which the folder
//! loads with the final contents; temp and lock files never signal; polling notices changes too.
//!
//! Each test works on its own copy of `data/`. Sleeps are part of the scenarios (a save that takes
//! 200 ms); the assertions wait on the signal channel with deadlines.

mod common;

use common::{copy_data, cut_in_half, loaded_value, party_path, party_with, save_like_editor};
use huibao::model::load::load_dir;
use huibao::watch::{self, DEBOUNCE};
use std::fs;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::sleep;
use std::time::Duration;

/// How long the first signal of a burst may take (debounce plus a loaded machine).
const FIRST: Duration = Duration::from_secs(5);

/// A copy of `data/` and a watcher on it.
fn watched() -> (tempfile::TempDir, notify::RecommendedWatcher, Receiver<()>) {
    let dir = copy_data();
    let (watcher, rx) = watch::watch(dir.path(), DEBOUNCE).expect("watch the data folder");
    (dir, watcher, rx)
}

/// Asserts that exactly one signal arrives: the first within [`FIRST`], then none for `quiet`.
#[track_caller]
fn expect_one(rx: &Receiver<()>, quiet: Duration, what: &str) {
    match rx.recv_timeout(FIRST) {
        Ok(()) => {}
        Err(e) => panic!("{what}: no reload signal within {FIRST:?} ({e:?})"),
    }
    expect_none(rx, quiet, &format!("{what}, after its reload signal"));
}

/// Asserts that no signal arrives for `quiet` (and that the signalling side is still alive).
#[track_caller]
fn expect_none(rx: &Receiver<()>, quiet: Duration, what: &str) {
    match rx.recv_timeout(quiet) {
        Err(RecvTimeoutError::Timeout) => {}
        Ok(()) => panic!("{what}: an unexpected reload signal within {quiet:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: the signal channel closed"),
    }
}

/// Loads the folder as a reload would and checks it holds `value`, with no error.
#[track_caller]
fn assert_loads(dir: &Path, value: u64, what: &str) {
    let ds = load_dir(dir);
    let errors: Vec<String> = ds.errors().map(|d| d.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{what}: errors after the reload: {errors:#?}"
    );
    assert_eq!(
        loaded_value(&ds),
        Some(value as f64),
        "{what}: the reload should see the final contents"
    );
}

#[test]
fn rename_over_gives_one_signal() {
    let (dir, _w, rx) = watched();
    save_like_editor(&party_path(dir.path()), party_with(7).as_bytes());
    expect_one(
        &rx,
        3 * DEBOUNCE,
        "rename of party.json.tmp over party.json",
    );
    assert_loads(dir.path(), 7, "rename over");

    // Vim-style: a dot-file swap beside it, then the rename.
    let swap = dir.path().join(common::SNAPSHOT).join(".party.json.swp");
    fs::write(&swap, party_with(8)).expect("write the swap file");
    fs::rename(&swap, party_path(dir.path())).expect("rename over");
    expect_one(
        &rx,
        3 * DEBOUNCE,
        "rename of .party.json.swp over party.json",
    );
    assert_loads(dir.path(), 8, "rename of a swap file over");
}

#[test]
fn truncate_then_two_writes_gives_one_signal_and_no_transient_error() {
    let (dir, _w, rx) = watched();
    let path = party_path(dir.path());
    let full = party_with(7);
    let mut f = fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open party.json");
    f.set_len(0).expect("truncate");
    f.write_all(cut_in_half(&full).as_bytes())
        .expect("write the first half");
    f.flush().expect("flush");
    // The half-written file really is broken: a reload now would show an error.
    assert!(
        load_dir(dir.path()).errors().next().is_some(),
        "half of party.json should not load"
    );
    sleep(Duration::from_millis(200));
    f.seek(SeekFrom::Start(0)).expect("seek");
    f.write_all(full.as_bytes()).expect("write the whole file");
    f.flush().expect("flush");
    drop(f);
    expect_one(&rx, 3 * DEBOUNCE, "truncate, half, 200 ms, whole");
    assert_loads(dir.path(), 7, "truncate then two writes");
}

#[test]
fn delete_and_recreate_gives_one_signal() {
    let (dir, _w, rx) = watched();
    let path = party_path(dir.path());
    fs::remove_file(&path).expect("delete party.json");
    sleep(Duration::from_millis(100));
    fs::write(&path, party_with(9)).expect("recreate party.json");
    expect_one(&rx, 3 * DEBOUNCE, "delete then recreate");
    assert_loads(dir.path(), 9, "delete and recreate");
}

#[test]
fn hundred_rapid_writes_give_one_signal_and_the_last_wins() {
    let (dir, _w, rx) = watched();
    let path = party_path(dir.path());
    for v in 1..=100 {
        fs::write(&path, party_with(v)).expect("write party.json");
    }
    expect_one(&rx, 3 * DEBOUNCE, "100 rapid writes");
    assert_loads(dir.path(), 100, "100 rapid writes");
}

#[test]
fn temp_and_lock_files_give_no_signal() {
    let (dir, _w, rx) = watched();
    let snap = dir.path().join(common::SNAPSHOT);
    let names = [
        "~$party.json",
        ".~lock.party.json#",
        "x.tmp",
        "4913",
        ".party.json.swp",
        "party.json~",
    ];
    for folder in [snap.as_path(), dir.path()] {
        for name in names {
            let p = folder.join(name);
            fs::write(&p, "{").expect("create a temp file");
            fs::OpenOptions::new()
                .append(true)
                .open(&p)
                .and_then(|mut f| f.write_all(b"\"x\""))
                .expect("modify a temp file");
            fs::remove_file(&p).expect("delete a temp file");
        }
        // Left behind, as office suites do while a file is open.
        fs::write(folder.join("~$party.json"), "lock").expect("create a lock file");
    }
    // Reading the folder, as every reload does, is not a change either.
    assert_loads(dir.path(), 6, "the unchanged copy");
    expect_none(&rx, 3 * DEBOUNCE, "temp, lock and backup files, and reads");

    // The watcher is alive: a real save still signals.
    save_like_editor(&party_path(dir.path()), party_with(7).as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a real save after the temp files");
    assert_loads(dir.path(), 7, "a real save after the temp files");
}

#[test]
fn new_snapshot_folder_gives_one_signal() {
    let (dir, _w, rx) = watched();
    let new = dir.path().join("2023-07-07");
    fs::create_dir(&new).expect("create a snapshot folder");
    let text = party_with(7).replace("2023-06-30", "2023-07-07");
    save_like_editor(&new.join("party.json"), text.as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a new snapshot folder");
    let ds = load_dir(dir.path());
    assert_eq!(ds.errors().count(), 0, "errors: {:?}", ds.problems);
    assert_eq!(
        ds.latest_date().map(|d| d.to_string()).as_deref(),
        Some("2023-07-07"),
        "the new snapshot is loaded"
    );
}

#[test]
fn poll_notices_a_change_once() {
    const EVERY: Duration = Duration::from_millis(200);
    let dir = copy_data();
    let rx = watch::poll(dir.path().to_path_buf(), EVERY);
    // Nothing changes: no signal. (This also lets the poller take its first fingerprint, which it
    // does on its own thread after `poll` returns.)
    expect_none(&rx, 3 * EVERY, "polling an unchanged folder");
    save_like_editor(&party_path(dir.path()), party_with(7).as_bytes());
    expect_one(&rx, 3 * EVERY, "a save seen by polling");
    assert_loads(dir.path(), 7, "a save seen by polling");

    // A broken save, then a good one within the same poll: one signal, the good contents.
    fs::write(party_path(dir.path()), cut_in_half(&party_with(8))).expect("write half");
    fs::write(party_path(dir.path()), party_with(8)).expect("write whole");
    expect_one(&rx, 3 * EVERY, "a second save seen by polling");
    assert_loads(dir.path(), 8, "a second save seen by polling");
}

/// A lost-events notice (inotify queue overflow) must reload: changes may have been missed.
#[test]
fn rescan_event_is_relevant() {
    use notify::event::{Event, EventKind, Flag};
    let ev = Event::new(EventKind::Other).set_flag(Flag::Rescan);
    assert!(
        watch::is_relevant(&ev),
        "a Rescan event should cause a reload"
    );
}

/// A save made right after `poll` returns is a change against the folder as the caller loaded it.
#[test]
fn poll_sees_a_change_made_right_after_it_starts() {
    for _ in 0..5 {
        let dir = copy_data();
        let rx = watch::poll(dir.path().to_path_buf(), Duration::from_millis(100));
        save_like_editor(&party_path(dir.path()), party_with(7).as_bytes());
        expect_one(
            &rx,
            Duration::from_millis(300),
            "a save right after poll started",
        );
    }
}
