//! The county dashboard on a pseudo-terminal, read with `vt100`: the county overview, a town opened and
//! its whole history arriving from the loader thread, back to the county, a week pushed into a
//! town's folder reloading the county by itself, and (with the `test-hooks` feature, which holds the
//! row loader) rows filling in behind the first frame while keys work. Waits on screen content, never
//! on sleeps.

mod common;

use common::{row, Pty};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/county")
}

fn args(dir: &Path) -> Vec<OsString> {
    vec![
        "--data".into(),
        dir.as_os_str().to_owned(),
        "--today".into(),
        "2024-05-06".into(),
    ]
}

#[test]
fn county_then_town_with_its_history_then_back() {
    let mut pty = Pty::spawn(args(&fixture()), 120, 40);
    pty.expect("the county overview", |s| {
        s.contains("全县总览 (4个镇)") && s.contains("东山镇") && s.contains("✕ 未能加载")
    });
    pty.send(b"\r");
    // 20 changes (the carried line's against its previous file too), from the first frame on; the
    // header says the history is loading until the whole history has replaced the newest snapshots.
    let screen = pty.expect("东山镇 with its whole history", |s| {
        row(s, 1).starts_with("全县总览 › 东山镇")
            && row(s, 1).contains("较上期变动20")
            && !row(s, 0).contains("载入历史中")
    });
    assert!(row(&screen, 0).contains("示例县 · 东山镇"), "{screen}");
    pty.send(b"[");
    pty.expect("the week before", |s| {
        row(s, 0).contains("数据截至 2024-04-26")
    });
    pty.send(b"\x1b");
    pty.expect("the county again", |s| {
        row(s, 1) == "全县总览" && s.contains("全县总览 (4个镇)")
    });
    pty.send(b"q");
    let status = pty.wait_exit(common::TIMEOUT).expect("quits");
    assert!(status.success());
}

#[test]
fn a_week_pushed_into_a_town_reloads_the_county() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_tree(&fixture(), tmp.path());
    let mut pty = Pty::spawn(args(tmp.path()), 120, 40);
    pty.expect("the county overview", |s| s.contains("2024-04-26   ⚠10天"));
    // 西河镇's office pushes its 2024-05-03 week (as `git pull` would bring it).
    let week = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history/2024-05-03");
    common::copy_tree(&week, &tmp.path().join("xihe/2024-05-03"));
    let fresh = |s: &str| {
        s.lines()
            .any(|l| l.contains("西河镇") && l.contains("2024-05-03"))
    };
    // The watch starts once the first frame is out; should the week have landed before it, a save
    // of county.json (as a pull touching it would) is seen.
    if pty.wait_for(fresh, Duration::from_secs(3)).is_err() {
        let p = tmp.path().join("county.json");
        let text = std::fs::read(&p).unwrap();
        std::fs::write(&p, text).unwrap();
        pty.expect("西河镇's new week", fresh);
    }
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).expect("quits").success());
}

#[test]
fn a_correction_to_an_older_week_of_the_open_town_shows() {
    // 东山镇 with a fourth, older week: the county's watch follows only each town's three newest
    // weeks, so the open town's folder is watched whole while it is open.
    let tmp = tempfile::tempdir().unwrap();
    common::copy_tree(&fixture(), tmp.path());
    let town = tmp.path().join("dongshan");
    let older = town.join("2024-04-12");
    common::copy_tree(&town.join("2024-04-19"), &older);
    let party = older.join("party.json");
    let text = std::fs::read_to_string(&party)
        .unwrap()
        .replace("2024-04-19", "2024-04-12");
    std::fs::write(&party, text.replace("\"value\": 33,", "\"value\": 31,")).unwrap();
    let mut pty = Pty::spawn(args(tmp.path()), 120, 40);
    pty.expect("the county overview", |s| s.contains("全县总览 (4个镇)"));
    pty.send(b"\r");
    pty.expect("东山镇 with its whole history", |s| {
        row(s, 1).starts_with("全县总览 › 东山镇") && !row(s, 0).contains("载入历史中")
    });
    pty.send(b"[[[");
    let at_oldest = |s: &str| row(s, 0).contains("数据截至 2024-04-12");
    pty.expect("the oldest week, 33 made 31", |s| {
        at_oldest(s) && s.contains("31次")
    });
    // The office corrects that week's figure.
    common::save_like_editor(
        &party,
        text.replace("\"value\": 33,", "\"value\": 29,").as_bytes(),
    );
    pty.expect("the correction on screen", |s| {
        at_oldest(s) && s.contains("29次")
    });
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).expect("quits").success());
}

/// The row loader waits while the county folder holds `.huibao-test-hold` (`test-hooks` only): the first
/// frame is seen with every row still loading, then the rows fill in once the file is gone.
#[cfg(feature = "test-hooks")]
#[test]
fn rows_fill_in_behind_the_first_frame_while_keys_work() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_tree(&fixture(), tmp.path());
    let hold = tmp.path().join(".huibao-test-hold");
    std::fs::write(&hold, "").unwrap();
    let mut pty = Pty::spawn(args(tmp.path()), 120, 40);
    let towns = ["东山镇", "西河镇", "nanling", "木洞镇"];
    pty.expect("every town's row, all loading", |s| {
        s.contains("全县总览 (4个镇，4个加载中)")
            && towns
                .iter()
                .all(|t| s.lines().any(|l| l.contains(t) && l.contains("加载中…")))
    });
    // Keys work meanwhile.
    pty.send(b"s");
    pty.expect("the order changed", |s| {
        s.contains("按数据陈旧") && s.contains("4个加载中")
    });
    pty.send(b"\r");
    pty.expect("a town still loading does not open", |s| {
        s.contains("东山镇仍在加载")
    });
    std::fs::remove_file(&hold).unwrap();
    pty.expect("every row filled in", |s| {
        s.contains("全县总览 (4个镇) ·")
            && s.contains("✕ 未能加载：town.json:4:1")
            && s.lines()
                .any(|l| l.contains("东山镇") && l.contains("2024-05-03"))
    });
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).expect("quits").success());
}
