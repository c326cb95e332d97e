//! The county view: loading `tests/fixtures/county` (three towns, one broken), navigation county → town →
//! item → back through `update`, the lists across towns, the slides, and every kind of bad county folder
//! with its message.

use chrono::NaiveDate;
use huibao::app::county::CountyState;
use huibao::app::keymap::hints;
use huibao::app::{Effect, Route, Slide, State};
use huibao::cli::Lang;
use huibao::commands::validate::check_county;
use huibao::model::county::{load_county, County};
use huibao::model::county_rank::SortBy;
use huibao::model::diag::Severity;
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

#[test]
fn county_to_town_to_item_and_back() {
    let mut s = state();
    assert_eq!(s.stack, vec![Route::County]);
    assert_eq!(county(&s).selected, 0, "東山镇 has the most red items");
    let fx = press(&mut s, "Enter");
    assert_eq!(
        fx,
        vec![Effect::LoadTown(0)],
        "the whole history is asked for"
    );
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    assert!(
        hints(&s).iter().any(|(k, _)| k.starts_with("Esc")),
        "Esc returns to the county"
    );
    assert_eq!(s.data.town.name, "东山镇");
    assert_eq!(county(&s).open, Some(0));
    press(&mut s, "2 Enter");
    assert!(matches!(s.route(), Route::Item(_)));
    assert_eq!(s.stack.len(), 4);
    assert!(press(&mut s, "Esc Esc").is_empty());
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County]);
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County], "the county is the bottom");
    let hinted = |s: &State| -> Vec<&str> { hints(s).into_iter().map(|(k, _)| k).collect() };
    assert!(
        !hinted(&s).contains(&"Esc"),
        "no Esc hint where Esc does nothing: {:?}",
        hinted(&s)
    );
    // The second town opens as today, with its own data.
    press(&mut s, "j Enter");
    assert_eq!(s.data.town.name, "西河镇");
    assert_eq!(s.board.date, NaiveDate::from_ymd_opt(2024, 4, 26));
}

#[test]
fn the_whole_history_replaces_the_newest_snapshots_keeping_the_route() {
    let mut s = state();
    press(&mut s, "Enter 2 Enter");
    let route = s.route();
    let full = huibao::model::county::load_town(&fixture().join("dongshan"), None, 0);
    assert_eq!(full.dates.len(), 3);
    s.replace_data(full);
    assert_eq!(s.route(), route);
    assert_eq!(s.data.dates.len(), 3);
    press(&mut s, "[");
    assert_eq!(s.board.date, NaiveDate::from_ymd_opt(2024, 4, 26));
}

#[test]
fn the_county_laggard_list_spans_towns_and_opens_items() {
    let mut s = state();
    press(&mut s, "w");
    assert_eq!(s.route(), Route::CountyLaggards);
    let c = county(&s);
    assert_eq!(c.laggards.len(), 5);
    let towns: std::collections::BTreeSet<usize> = c.laggards.iter().map(|x| x.town).collect();
    assert_eq!(towns.into_iter().collect::<Vec<_>>(), [0, 1]);
    press(&mut s, "j Enter");
    assert_eq!(s.data.town.name, "西河镇", "the second laggard is 西河镇's");
    assert!(matches!(s.route(), Route::Item(_)));
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County, Route::CountyLaggards]);
}

#[test]
fn search_spans_towns() {
    let mut s = state();
    press(&mut s, "/ 果 业");
    assert_eq!(s.route(), Route::CountySearch);
    let hits: Vec<usize> = county(&s).hits.iter().map(|h| h.town).collect();
    assert_eq!(hits, [0, 1]);
    press(&mut s, "Down Enter");
    assert_eq!(s.data.town.name, "西河镇");
    assert!(matches!(s.route(), Route::Item(_)));
    press(&mut s, "Esc");
    assert_eq!(
        s.stack,
        vec![Route::County],
        "the search box closed on Enter"
    );
}

#[test]
fn sorting_cycles_and_keeps_the_selected_town() {
    let mut s = state();
    press(&mut s, "j");
    assert_eq!(county(&s).selected, 1);
    press(&mut s, "s");
    assert_eq!(county(&s).sort, SortBy::Staleness);
    assert_eq!(
        county(&s).order,
        [3, 1, 0, 2],
        "oldest data first, failed towns last"
    );
    assert_eq!(county(&s).selected, 1);
    press(&mut s, "s");
    assert_eq!(county(&s).order, [0, 1, 2, 3]);
    press(&mut s, "s");
    assert_eq!(county(&s).sort, SortBy::Red);
}

#[test]
fn slides_are_the_ranking_then_each_town_with_its_lines() {
    let mut s = state();
    s.start_presenting(None);
    // 东山镇 and 西河镇 have five work lines each, 木洞镇 its key indicators only; 南岭镇 did not load.
    let lines = |t: usize, n: usize| (0..n).map(move |l| Slide::TownLine(t, l));
    let mut want = vec![Slide::Ranking, Slide::Town(0)];
    want.extend(lines(0, 5));
    want.push(Slide::Town(1));
    want.extend(lines(1, 5));
    want.extend([Slide::Town(2), Slide::Town(3)]);
    assert_eq!(s.slides(), want);
    // Esc on a town's line slide leaves for that line of that town.
    press(&mut s, "Space Space Space");
    assert_eq!(s.slide(), Some(Slide::TownLine(0, 1)));
    let fx = press(&mut s, "Esc");
    assert_eq!(fx, vec![Effect::LoadTown(0)]);
    let line = s.board.line_id(1).unwrap();
    assert_eq!(
        s.stack,
        vec![Route::County, Route::Overview, Route::Line(line)]
    );

    let mut s = state();
    s.start_presenting(None);
    press(&mut s, &["Space"; 7].join(" "));
    assert_eq!(s.slide(), Some(Slide::Town(1)));
    let fx = press(&mut s, "Esc");
    assert_eq!(fx, vec![Effect::LoadTown(1)]);
    assert!(s.present.is_none());
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    assert_eq!(s.data.town.name, "西河镇");
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

fn messages(c: &County) -> Vec<String> {
    c.problems
        .iter()
        .map(|d| {
            let file = d.path.rsplit('/').next().unwrap_or_default().to_string();
            let place = d.to_string();
            let place = place.split_once(": ").map_or("", |(p, _)| p);
            let place = place.rsplit_once("county.json").map_or("", |(_, r)| r);
            format!("{file}{place}: {}", d.message)
        })
        .collect()
}

fn set_towns(dir: &Path, towns: &str) {
    let text = format!("{{\n  \"name\": \"示例县\",\n  \"towns\": {towns}\n}}\n",);
    std::fs::write(dir.join("county.json"), text).unwrap();
}

#[test]
fn a_listed_town_without_its_folder() {
    let (_t, c) =
        variant(|d| set_towns(d, r#"["dongshan", "xihe", "nanling", "mudong", "beishan"]"#));
    assert_eq!(
        messages(&c),
        [
            "county.json:3:54: 列出的镇“beishan”没有对应的文件夹 ".to_string()
                + &format!("{}/beishan", _t.path().display())
        ]
    );
    assert_eq!(
        c.towns[4]
            .failure
            .as_ref()
            .map(|f| f.to_string())
            .as_deref(),
        Some("文件夹不存在")
    );
}

#[test]
fn a_folder_not_listed() {
    let (_t, c) = variant(|d| {
        std::fs::create_dir(d.join("zhongxin")).unwrap();
    });
    assert_eq!(
        messages(&c),
        ["county.json: 文件夹“zhongxin”未列入 towns，未显示；如是一个镇，请把“zhongxin”加入 towns"]
    );
    assert_eq!(c.problems[0].severity, Severity::Warning);
    assert_eq!(c.towns.len(), 4, "not shown");
}

#[test]
fn two_towns_with_one_name() {
    let (_t, c) = variant(|d| {
        let p = d.join("xihe/town.json");
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace("西河镇", "东山镇");
        std::fs::write(p, text).unwrap();
    });
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇名重复：第2个镇“东山镇”（xihe）与第1个镇“东山镇”（dongshan）同名，排名和搜索无法区分"]
    );
    assert_eq!(c.problems[0].severity, Severity::Error);
}

#[test]
fn a_town_listed_twice() {
    let (_t, c) = variant(|d| set_towns(d, r#"["dongshan", "dongshan"]"#));
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇名重复：第2个镇“东山镇”（dongshan）与第1个镇“东山镇”（dongshan）同名，排名和搜索无法区分",
         "county.json: 文件夹“mudong”未列入 towns，未显示；如是一个镇，请把“mudong”加入 towns",
         "county.json: 文件夹“nanling”未列入 towns，未显示；如是一个镇，请把“nanling”加入 towns",
         "county.json: 文件夹“xihe”未列入 towns，未显示；如是一个镇，请把“xihe”加入 towns"]
    );
}

#[test]
fn a_town_with_no_snapshot() {
    let (_t, c) = variant(|d| {
        std::fs::remove_dir_all(d.join("nanling")).unwrap();
        std::fs::create_dir(d.join("nanling")).unwrap();
        std::fs::write(d.join("nanling/town.json"), r#"{"name": "南岭镇"}"#).unwrap();
    });
    let m = messages(&c);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("county.json:3:33: 镇“nanling”没有任何快照："),
        "{m:?}"
    );
    assert!(
        m[0].ends_with("nanling 下应有形如 2023-06-30 的文件夹"),
        "{m:?}"
    );
    assert_eq!(
        c.towns[2]
            .failure
            .as_ref()
            .map(|f| f.to_string())
            .as_deref(),
        Some("没有快照（应有形如 2023-06-30 的文件夹）")
    );
    assert_eq!(c.towns[2].name, "南岭镇");
}

#[test]
fn towns_with_different_work_lines() {
    let (_t, c) = variant(|d| {
        for day in ["2024-04-12", "2024-04-19", "2024-04-26"] {
            std::fs::remove_file(d.join("xihe").join(day).join("targets.json")).unwrap();
        }
    });
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇“西河镇”的工作线与“东山镇”不同：缺少 targets（各镇按工作线比较时以实际数据为准）"]
    );
    assert_eq!(c.problems[0].severity, Severity::Warning);
}

#[test]
fn a_broken_county_file() {
    let (_t, c) = variant(|d| {
        std::fs::write(
            d.join("county.json"),
            "{\n  \"name\": \"示例县\",\n  \"town\": []\n}\n",
        )
        .unwrap()
    });
    assert_eq!(c.problems.len(), 1);
    assert!(c.towns.is_empty());
    assert!(
        c.problems[0].to_string().contains("county.json:3:3"),
        "{}",
        c.problems[0]
    );
}

#[test]
fn validate_checks_the_county_file_and_every_town() {
    let r = check_county(&fixture());
    let lines = r.lines(huibao::cli::Lang::Zh);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/county/nanling/town.json:4:1:")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/county/nanling/2024-05-03/party.json")),
        "{lines:#?}"
    );
    assert_eq!(r.errors(), 2, "{lines:#?}");
    // Every town's whole history is read: 3 + 3 snapshots of 5 lines (less the skipped weeks of
    // `infra`), two town.json, the broken town's two files and county.json.
    assert!(r.files > 30, "{}", r.files);
}

#[test]
fn a_reload_of_the_county_keeps_the_screens_and_reloads_the_open_town() {
    let mut s = state();
    press(&mut s, "j");
    assert_eq!(press(&mut s, "r"), vec![Effect::Reload]);
    let fx = huibao::app::county::replace_county(&mut s, load_county(&fixture()));
    assert!(fx.is_empty(), "no town is open");
    assert_eq!(county(&s).selected, 1, "the selection stays");
    press(&mut s, "Enter 2");
    let fx = huibao::app::county::replace_county(&mut s, load_county(&fixture()));
    assert_eq!(fx.iter().collect::<Vec<_>>(), vec![Effect::LoadTown(1)]);
    assert!(
        matches!(s.route(), Route::Line(_)),
        "the town's screen stays"
    );
}

#[test]
fn key_figures_come_from_the_towns_indicators_first() {
    let c = load_county(&fixture());
    let mudong = &c.towns[3];
    let text = huibao::ui::county::indicators_text(mudong, 2, huibao::model::Lang::Zh);
    // 木洞镇's 主要指标 (copied from its 2024 government work report), with their growth.
    assert_eq!(
        text,
        "固定资产投资 ▲20.1% · 规模以上工业总产值 84亿元 ▲1.2%"
    );
    // A town without 主要指标 falls back to each line's first item with a figure.
    let dongshan = huibao::ui::county::indicators_text(&c.towns[0], 1, huibao::model::Lang::Zh);
    assert!(dongshan.starts_with(c.towns[0].board.lines[0].items[0].item.label.as_str()));
}

#[test]
fn key_figures_show_their_change_since_the_previous_snapshot() {
    // A second week for 木洞镇 in which one indicator moved (a derived folder, not a fixture).
    let (_t, c) = variant(|d| {
        let town = d.join("mudong");
        let old = town.join("2023-12-31/indicators.json");
        let text = std::fs::read_to_string(&old).unwrap();
        std::fs::create_dir(town.join("2024-01-07")).unwrap();
        let moved = text
            .replace("\"value\": 84,", "\"value\": 86,")
            .replace("\"as_of\": \"2023-12-31\"", "\"as_of\": \"2024-01-07\"");
        std::fs::write(town.join("2024-01-07/indicators.json"), moved).unwrap();
    });
    let text = huibao::ui::county::indicators_text(&c.towns[3], 2, huibao::model::Lang::Zh);
    assert_eq!(
        text,
        "固定资产投资 ▲20.1% · 规模以上工业总产值 86亿元 ▲1.2% +2"
    );
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
