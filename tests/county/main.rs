//! The county view: loading `tests/fixtures/county` (three towns, one broken), navigation county → town →
//! item → back through `update`, the lists across towns, the slides, and every kind of bad county folder
//! with its message.

mod folders;
mod key_figures;
mod navigation;

use chrono::NaiveDate;
use huibao::app::county::CountyState;
use huibao::app::{Effect, State};
use huibao::cli::Lang;
use huibao::model::county::{load_county, County};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    // Relative, so the paths in messages are the same on every machine.
    PathBuf::from("tests/fixtures/county")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 5, 6).unwrap()
}

fn state() -> State {
    State::new_county(load_county(&fixture()), Lang::Zh, today())
}

fn county(s: &State) -> &CountyState {
    s.county.as_deref().expect("a county state")
}

/// Presses the keys; returns every effect they asked for, in order.
fn press(s: &mut State, keys: &str) -> Vec<Effect> {
    huibao::app::update::press_keys(s, keys).unwrap()
}

#[test]
fn the_fixture_loads_three_towns_and_keeps_the_broken_one_with_its_reason() {
    let c = load_county(&fixture());
    assert_eq!(c.name, "示例县");
    let names: Vec<&str> = c.towns.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["东山镇", "西河镇", "nanling", "木洞镇"]);
    assert!(c.towns[0].failure.is_none() && c.towns[1].failure.is_none());
    assert_eq!(
        c.towns[2].failure.as_ref().map(|f| f.to_string()).as_deref(),
        Some("未能加载：town.json:4:1: 错误: lines[1]: 这里应是一个值：数字、\"文字\"、true/false、[列表] 或 {对象}"),
        "the reason names the file and the place"
    );
    // Only each line's two newest snapshots are loaded for the overview (the lazy `Reloader`): 东山镇's
    // 基础设施 has no 2024-05-03 file, so its two newest reach back to 2024-04-19.
    assert_eq!(c.towns[0].data.as_ref().unwrap().dates.len(), 3);
    assert!(c.towns[0].data.as_ref().unwrap().older_pending);
    assert_eq!(c.towns[0].board.date, NaiveDate::from_ymd_opt(2024, 5, 3));
    assert_eq!(c.towns[1].board.date, NaiveDate::from_ymd_opt(2024, 4, 26));
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}

/// A copy of the fixture in a temporary folder, changed by `edit`.
fn variant(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, County) {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), tmp.path());
    edit(tmp.path());
    let c = load_county(tmp.path());
    (tmp, c)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

#[test]
fn a_broken_towns_row_says_why_in_chinese_with_the_place() {
    // Wide enough for the whole reason: the row as the overview draws it.
    let buf = huibao::commands::render::render_buffer(state(), (240, 30), "").unwrap();
    let text = huibao::commands::render::to_text(&buf);
    let rows: Vec<&str> = text.lines().collect();
    let row = rows
        .iter()
        .find(|r| r.contains("nanling") && r.contains('✕'))
        .expect("the broken town keeps its row");
    assert!(
        row.contains("✕ 未能加载：town.json:4:1: 错误: lines[1]: 这里应是一个值"),
        "{row}"
    );
    assert!(!row.contains("expected"), "no serde wording: {row}");
}
