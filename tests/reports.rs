//! The real public reports of `tests/fixtures/reports/`, encoded by hand (issue 10): each loads with
//! no problem at all, takes every source sentence verbatim from its `report.txt`, counts as it should,
//! and is snapshotted at 80×24 and 120×40 (overview and first line; the key-indicators slide when
//! the report has them).

use chrono::{Days, NaiveDate};
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::board::Board;
use huibao::model::{load, Light};
use huibao::text::width;
use std::path::{Path, PathBuf};

/// (fixture, figures stated, items with a light other than none, holdout).
const REPORTS: &[(&str, usize, usize, bool)] = &[
    ("sizhoutou-2024q2", 4, 2, false),
    ("dongliu-2023", 16, 0, false),
    ("zhouquan-2024", 16, 1, false),
    ("jinwuzhou-2024-plan", 4, 0, false),
    ("weiyanghu-2023", 17, 1, false),
    ("zhongdu-2025h1", 20, 0, false),
    ("mudong-2024", 4, 0, false),
    ("mutang-2024", 14, 1, true),
    ("jianmenguan-2025", 9, 2, true),
    ("shagou-2020", 4, 1, false),
];

fn dir(name: &str) -> PathBuf {
    Path::new("tests/fixtures/reports").join(name)
}

/// Three days after the newest snapshot: the meeting that reads it.
fn today(ds: &load::Dataset) -> NaiveDate {
    ds.latest_date().unwrap() + Days::new(3)
}

/// Figures a report states, counted as they are stored: every figure and part, a project's count
/// and money, a ledger's totals, a growth of an unstated base.
fn figures(ds: &load::Dataset) -> usize {
    fn walk(f: &huibao::model::Figure) -> usize {
        let own = usize::from(f.value.is_some() || f.target.is_some() || f.growth.is_some());
        own + f.parts.iter().map(walk).sum::<usize>()
    }
    let board = Board::build(ds, None);
    let items = board
        .lines
        .iter()
        .chain(board.indicators.iter())
        .flat_map(|l| l.items.iter());
    items
        .map(|it| {
            let x = &it.item;
            let mut n: usize = x.figures.iter().map(walk).sum();
            if let Some(p) = x.project() {
                n += [
                    &p.investment,
                    &p.annual_plan,
                    &p.annual_done,
                    &p.cumulative,
                    &p.annual_rate,
                ]
                .iter()
                .filter(|f| f.is_some())
                .count();
                n += usize::from(p.count.is_some());
            }
            if let Some(l) = x.ledger() {
                n += 1 + usize::from(l.rectified.is_some()) + usize::from(l.open.is_some());
            }
            n
        })
        .sum()
}

#[test]
fn every_report_loads_clean_and_quotes_its_source() {
    for &(name, want_figures, want_lit, _) in REPORTS {
        let text = std::fs::read_to_string(dir(name).join("report.txt")).unwrap();
        let ds = load::load_dir(&dir(name).join("data"));
        let problems: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(problems, Vec::<String>::new(), "{name}");
        assert_eq!(ds.town.format, Some(2), "{name} declares format 2");
        let board = Board::build(&ds, None);
        let all = board.lines.iter().chain(board.indicators.iter());
        for it in all.flat_map(|l| l.items.iter()) {
            assert!(
                text.contains(it.item.source.as_str()),
                "{name}: {} quotes a sentence not in report.txt: {}",
                it.item.id,
                it.item.source
            );
        }
        assert_eq!(figures(&ds), want_figures, "{name}: figures");
        let lit = board
            .lines
            .iter()
            .chain(board.indicators.iter())
            .flat_map(|l| l.items.iter())
            .filter(|i| i.judgement.light != Light::None)
            .count();
        assert_eq!(lit, want_lit, "{name}: items with a light");
    }
}

fn render(name: &str, size: (u16, u16), keys: &str) -> String {
    let ds = load::load_dir(&dir(name).join("data"));
    let today = today(&ds);
    let state = State::new(ds, Lang::Zh, today);
    let text = to_text(&render_buffer(state, size, keys).unwrap());
    for (i, row) in text.lines().enumerate() {
        assert!(width(row) <= size.0 as usize, "{name}: row {i}: {row}");
    }
    for bad in ["〔〕", "/100%", " › \n", "超前0个百分点"] {
        assert!(!text.contains(bad), "{name} shows {bad:?}:\n{text}");
    }
    text
}

#[test]
fn every_report_renders_at_80x24_and_120x40() {
    for &(name, ..) in REPORTS {
        for size in [(80, 24), (120, 40)] {
            let tag = format!("{name}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(format!("report_{tag}_overview"), render(name, size, ""));
            let line = render(name, size, "1");
            insta::assert_snapshot!(format!("report_{tag}_line"), line);
        }
    }
}

#[test]
fn what_real_reports_say_is_shown_in_their_words() {
    let line = |name: &str, keys: &str| render(name, (120, 40), keys);
    // A bundle keeps its count and its money apart; the header counts 19 projects.
    let s = line("sizhoutou-2024q2", "");
    assert!(
        s.contains("项目19个 年度计划6000万元 年度完成3000万元(50%)"),
        "{s}"
    );
    let s = line("sizhoutou-2024q2", "1");
    assert!(s.contains("现代化美丽城镇 19个项目"), "{s}");
    assert!(s.contains("60%") && s.contains("● 正常"), "{s}");
    // Growth with sign and arrow; a bound in the report's word; parts under their whole.
    let s = line("dongliu-2023", "");
    assert!(s.contains("地区生产总值 60.3亿元 ▼6.2%"), "{s}");
    assert!(s.contains("规上工业增加值 0.38亿元 ▲16.7%"), "{s}");
    let s = line("dongliu-2023", "1");
    assert!(s.contains("    其中 注册资金千万元以上 46家"), "{s}");
    assert!(s.contains("亿元以上 4个"), "{s}");
    let s = line("weiyanghu-2023", "1");
    assert!(s.contains("超13亿元") && s.contains("人均4.6万元"), "{s}");
    // Firmness and growth targets of a plan.
    let s = line("zhouquan-2024", "");
    assert!(s.contains("预计133.8亿元 ▲6.3%"), "{s}");
    let s = line("jinwuzhou-2024-plan", "");
    assert!(s.contains("地区生产总值 增长6%以上"), "{s}");
}

#[test]
fn the_key_indicators_slide() {
    for size in [(80, 24), (120, 40)] {
        let ds = load::load_dir(&dir("zhouquan-2024").join("data"));
        let today = today(&ds);
        let mut state = State::new(ds, Lang::Zh, today);
        state.start_presenting(None);
        assert_eq!(state.slides()[1], huibao::app::present::Slide::Indicators);
        let text = to_text(&render_buffer(state, size, "Space").unwrap());
        assert!(
            text.contains("主要指标") && text.contains("预计133.8亿元 ▲6.3%"),
            "{text}"
        );
        insta::assert_snapshot!(
            format!("report_zhouquan_indicators_slide_{}x{}", size.0, size.1),
            text
        );
    }
}

#[test]
fn a_key_task_row_shows_its_cells_and_its_money() {
    let s = render("sizhoutou-2024q2", (80, 24), "1 j Enter");
    for want in [
        "项目个数    19个",
        "年度计划投资 6000万元",
        "年度完成投资 3000万元",
        "攻坚目标：成功创建首批浙江省美丽城镇。",
        "与序时持平",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
}

#[test]
fn every_report_file_writes_back_what_it_read() {
    for &(name, ..) in REPORTS {
        let data = dir(name).join("data");
        for day in std::fs::read_dir(&data)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_dir())
        {
            for file in std::fs::read_dir(day.path()).unwrap().flatten() {
                let text = std::fs::read_to_string(file.path()).unwrap();
                let parsed: huibao::model::LineFile = serde_json::from_str(&text).unwrap();
                let back = serde_json::to_value(&parsed).unwrap();
                let want: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(back, want, "{}", file.path().display());
            }
        }
    }
}
