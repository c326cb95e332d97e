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
fn watched() -> (tempfile::TempDir, watch::DirWatch, Receiver<()>) {
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

/// A copy of `data/` at `<tmp>/data` (so that it can be swapped within `<tmp>`), and a watcher on it.
fn watched_swappable() -> (tempfile::TempDir, watch::DirWatch, Receiver<()>) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    copy_tree_cmd(&common::data_dir(), &tmp.path().join("data")).expect("copy data");
    let (w, rx) = watch::watch(&tmp.path().join("data"), DEBOUNCE).expect("watch");
    (tmp, w, rx)
}

/// `cp -a FROM TO`.
fn copy_tree_cmd(from: &Path, to: &Path) -> std::io::Result<()> {
    let ok = std::process::Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()?
        .success();
    if ok {
        Ok(())
    } else {
        Err(std::io::Error::other("cp -a failed"))
    }
}

/// `mv data data.old && mv data.new data`: the swap is noticed, and watching goes on in the new
/// folder (not in the old one).
#[test]
fn a_replaced_folder_is_noticed_and_watched() {
    let (tmp, _w, rx) = watched_swappable();
    let data = tmp.path().join("data");
    let new = tmp.path().join("data.new");
    copy_tree_cmd(&data, &new).expect("make data.new");
    fs::write(party_path(&new), party_with(7)).expect("change data.new");
    expect_none(
        &rx,
        2 * DEBOUNCE,
        "making data.new beside the watched folder",
    );

    fs::rename(&data, tmp.path().join("data.old")).expect("mv data data.old");
    fs::rename(&new, &data).expect("mv data.new data");
    expect_one(&rx, 3 * DEBOUNCE, "mv data data.old && mv data.new data");
    assert_loads(&data, 7, "the new folder");

    // Edits in the new folder keep signalling.
    save_like_editor(&party_path(&data), party_with(8).as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a save in the new folder");
    assert_loads(&data, 8, "a save in the new folder");
    // The old folder is no longer watched.
    fs::write(party_path(&tmp.path().join("data.old")), party_with(9)).expect("edit data.old");
    expect_none(&rx, 3 * DEBOUNCE, "a save in the old folder");
    // And a second swap is followed too.
    let again = tmp.path().join("data.again");
    copy_tree_cmd(&data, &again).expect("make data.again");
    fs::write(party_path(&again), party_with(10)).expect("change data.again");
    fs::rename(&data, tmp.path().join("data.older")).expect("mv data data.older");
    fs::rename(&again, &data).expect("mv data.again data");
    expect_one(&rx, 3 * DEBOUNCE, "a second swap");
    assert_loads(&data, 10, "the second swap");
    save_like_editor(&party_path(&data), party_with(11).as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a save after the second swap");
}

/// Renaming the folder away, saving inside it (at its new name), and renaming it back.
#[test]
fn a_folder_renamed_away_and_back_is_followed() {
    let (tmp, _w, rx) = watched_swappable();
    let data = tmp.path().join("data");
    let away = tmp.path().join("elsewhere");
    fs::rename(&data, &away).expect("mv data elsewhere");
    expect_one(&rx, 3 * DEBOUNCE, "the folder renamed away");
    fs::write(party_path(&away), party_with(7)).expect("save in the renamed folder");
    expect_none(&rx, 3 * DEBOUNCE, "a save in the folder under another name");
    fs::rename(&away, &data).expect("mv elsewhere data");
    expect_one(&rx, 3 * DEBOUNCE, "the folder renamed back");
    assert_loads(&data, 7, "the folder renamed back");
    save_like_editor(&party_path(&data), party_with(8).as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a save after renaming back");
}

/// A folder that is not there when the watch starts (moved away meanwhile) is watched once it
/// appears: the dashboard arms its watch after the first frame, and a folder renamed away and back
/// in between was then only polled (every 2 s, the change told after two polls).
#[test]
fn a_folder_missing_when_the_watch_starts_is_watched_once_it_appears() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let data = tmp.path().join("data");
    let away = tmp.path().join("elsewhere");
    copy_tree_cmd(&common::data_dir(), &away).expect("copy data");
    let (_w, rx) = watch::watch(&data, DEBOUNCE).expect("watch a folder not there yet");
    fs::write(party_path(&away), party_with(7)).expect("save in the folder under another name");
    expect_none(&rx, 3 * DEBOUNCE, "a save in the folder under another name");
    fs::rename(&away, &data).expect("mv elsewhere data");
    expect_one(&rx, 3 * DEBOUNCE, "the folder arriving");
    assert_loads(&data, 7, "the folder arrived");
    save_like_editor(&party_path(&data), party_with(8).as_bytes());
    expect_one(&rx, 3 * DEBOUNCE, "a save in the folder once it is there");
    assert_loads(&data, 8, "a save once it is there");
}

/// Polling follows a replaced folder too (it looks by path).
#[test]
fn poll_notices_a_replaced_folder() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let data = tmp.path().join("data");
    copy_tree_cmd(&common::data_dir(), &data).expect("copy data");
    let rx = watch::poll(data.clone(), Duration::from_millis(100));
    let new = tmp.path().join("data.new");
    copy_tree_cmd(&data, &new).expect("make data.new");
    fs::write(party_path(&new), party_with(12345)).expect("change data.new");
    fs::rename(&data, tmp.path().join("data.old")).expect("mv data data.old");
    fs::rename(&new, &data).expect("mv data.new data");
    expect_one(&rx, Duration::from_millis(300), "a swap seen by polling");
    assert_loads(&data, 12345, "a swap seen by polling");
}

/// Polling stats the files and reads none: a FIFO named like a data file (an open would block on
/// it) neither blocks nor changes the fingerprint; a save does.
#[test]
fn polling_only_looks_at_the_files() {
    let dir = common::copy_data();
    let fifo = dir.path().join(common::SNAPSHOT).join("x.json");
    common::mkfifo(&fifo);
    let before = huibao::watch::fingerprint(dir.path());
    assert_eq!(before, huibao::watch::fingerprint(dir.path()), "stable");
    std::fs::write(common::party_path(dir.path()), common::party_with(7)).expect("save");
    assert_ne!(
        before,
        huibao::watch::fingerprint(dir.path()),
        "a save is seen"
    );
}

/// Files coming and going beside the data folder (its parent is watched for swaps: a busy home
/// folder or /tmp) neither signal nor hold back the signal of a save inside it.
#[test]
fn a_busy_parent_folder_neither_signals_nor_delays() {
    let (tmp, _w, rx) = watched_swappable();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let (stop, parent) = (stop.clone(), tmp.path().to_path_buf());
        std::thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let p = parent.join(format!("sibling-{}.json", i % 4));
                let _ = fs::write(&p, i.to_string());
                let _ = fs::remove_file(&p);
                i += 1;
                sleep(Duration::from_millis(20));
            }
        })
    };
    expect_none(&rx, 3 * DEBOUNCE, "files changing beside the data folder");
    save_like_editor(
        &party_path(&tmp.path().join("data")),
        party_with(7).as_bytes(),
    );
    let first = rx.recv_timeout(FIRST);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    churn.join().expect("the churning thread");
    assert!(
        first.is_ok(),
        "a save inside, while files change beside it: no reload signal within {FIRST:?}"
    );
    assert_loads(&tmp.path().join("data"), 7, "a save next to a busy parent");
}
