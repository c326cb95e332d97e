//! The county as the dashboard opens it: every town's row at once, each filling in as its town loads
//! (keys work meanwhile), through `update` and the row loader without a terminal; and the county as of
//! a date (`--at`).

use chrono::NaiveDate;
use huibao::app::county::{history_arrived, town_loaded};
use huibao::app::{Effect, Route, State};
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::county::{load_county, load_county_at, load_row, load_town, open_county};
use huibao::model::county_rank::SortBy;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from("tests/fixtures/county")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 5, 6).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn press(s: &mut State, keys: &str) -> Vec<Effect> {
    huibao::app::update::press_keys(s, keys).unwrap()
}

fn screen(s: &State) -> String {
    to_text(&render_buffer(s.clone(), (120, 40), "").unwrap())
}

/// The screen's row that names `town`.
fn row_of<'a>(screen: &'a str, town: &str) -> &'a str {
    screen
        .lines()
        .find(|l| {
            let rank = l.trim_start_matches([' ', '>']);
            l.contains(town) && rank.starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or_else(|| panic!("no row for {town}:\n{screen}"))
}

#[test]
fn every_row_shows_at_once_and_fills_in_as_its_town_loads() {
    let opened = open_county(&fixture(), None);
    let mut s = State::new_county(opened.clone(), Lang::Zh, today());
    let first = screen(&s);
    assert!(
        first.contains("全县总览 (4个镇，4个加载中) · 按红灯数"),
        "{first}"
    );
    // No county totals while they would count only some towns.
    assert!(!first.contains("红灯0"), "{first}");
    // Each row is named from its town.json before the town loads (南岭镇's does not read: its folder).
    for town in ["东山镇", "西河镇", "nanling", "木洞镇"] {
        assert!(row_of(&first, town).contains("加载中…"), "{first}");
    }

    // Keys work meanwhile: the selection moves, the order changes, a loading town does not open.
    press(&mut s, "j s");
    let c = s.county.as_deref().unwrap();
    assert_eq!((c.selected, c.sort), (1, SortBy::Staleness));
    assert!(press(&mut s, "Enter").is_empty());
    assert_eq!(s.stack, [Route::County]);
    assert!(screen(&s).contains("西河镇仍在加载"), "{}", screen(&s));

    // The rows fill in, one town after the other; the selection stays on its town.
    town_loaded(&mut s, 0, load_row(&opened, 0));
    let now = screen(&s);
    assert!(now.contains("4个镇，3个加载中"), "{now}");
    assert!(row_of(&now, "东山镇").contains("2024-05-03"), "{now}");
    assert!(row_of(&now, "西河镇").contains("加载中…"), "{now}");
    assert!(s.county.as_deref().unwrap().county.problems.is_empty());
    for i in 1..4 {
        town_loaded(&mut s, i, load_row(&opened, i));
    }
    let c = s.county.as_deref().unwrap();
    assert_eq!(c.selected, 1);
    assert_eq!(c.county.loading(), 0);
    // The whole county is then what loading it in one go gives, checks included.
    assert_eq!(c.county, load_county(&fixture()));
    let done = screen(&s);
    assert!(
        done.contains("全县总览 (4个镇) · 按数据陈旧 · 红灯5 黄灯0 逾期3"),
        "{done}"
    );
    assert!(
        row_of(&done, "nanling").contains("✕ 未能加载：town.json:4:1"),
        "{done}"
    );

    // And the town that was loading opens now.
    assert_eq!(press(&mut s, "Enter"), [Effect::LoadTown(1)]);
    assert!(s.stack.contains(&Route::Overview));
}

#[test]
fn a_reload_asked_for_while_rows_load_does_not_lose_them() {
    let opened = open_county(&fixture(), None);
    let mut s = State::new_county(opened.clone(), Lang::Zh, today());
    assert!(press(&mut s, "r").contains(&Effect::Reload));
    town_loaded(&mut s, 2, load_row(&opened, 2));
    let c = s.county.as_deref().unwrap();
    assert!(c.county.towns[2].failure.is_some() && !c.county.towns[2].loading);
    assert_eq!(c.county.loading(), 3);
}

#[test]
fn the_county_as_of_a_date_shows_each_towns_newest_snapshot_on_or_before_it() {
    let c = load_county_at(&fixture(), Some(day("2024-04-26")));
    let dates: Vec<Option<NaiveDate>> = c.towns.iter().map(|t| t.board.date).collect();
    assert_eq!(
        dates,
        [
            Some(day("2024-04-26")),
            Some(day("2024-04-26")),
            None,
            Some(day("2023-12-31"))
        ]
    );
    // A snapshot after the date is not read.
    let dongshan = c.towns[0].data.as_ref().unwrap();
    assert!(dongshan.dates.iter().all(|d| *d <= day("2024-04-26")));
    assert!(c.problems.is_empty(), "{:?}", c.problems);

    let mut s = State::new_county(c, Lang::Zh, today());
    let text = screen(&s);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("历史 · 各镇数据截至 2024-04-26"),
        "{text}"
    );
    // Staleness counts from the date shown.
    assert!(row_of(&text, "东山镇").contains(" 0天"), "{text}");

    // A town opened shows that date, and keeps it once its whole history arrives.
    assert_eq!(press(&mut s, "Enter"), [Effect::LoadTown(0)]);
    assert_eq!(s.board.date, Some(day("2024-04-26")));
    let town = &s.county.as_deref().unwrap().county.towns[0];
    let full = load_town(&town.dir, s.county.as_deref().unwrap().county.thresholds, 0);
    assert!(history_arrived(&mut s, 0, full));
    assert_eq!(s.board.date, Some(day("2024-04-26")));
    assert_eq!(s.data.latest_date(), Some(day("2024-05-03")));
}

#[test]
fn a_town_without_a_snapshot_by_the_date_says_so_and_is_no_data_problem() {
    let c = load_county_at(&fixture(), Some(day("2024-01-01")));
    let why: Vec<Option<String>> = c
        .towns
        .iter()
        .map(|t| t.failure.as_ref().map(|f| f.to_string()))
        .collect();
    assert_eq!(why[0].as_deref(), Some("2024-01-01 及以前没有快照"));
    assert_eq!(why[1].as_deref(), Some("2024-01-01 及以前没有快照"));
    assert!(why[3].is_none());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}

#[test]
fn the_dashboard_takes_at_for_a_county() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["--data", "tests/fixtures/county", "--today", "2024-05-06"])
        .args(["--at", "2024-04-19", "render", "--size", "120x40"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("历史 · 各镇数据截至 2024-04-19"), "{text}");
    assert!(row_of(&text, "东山镇").contains("2024-04-19"), "{text}");
}
