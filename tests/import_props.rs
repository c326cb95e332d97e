//! Property test: whatever a sheet holds — header names in any place, dates and percentages that
//! read or not, merges over anything, control characters, emoji — the import never panics, and
//! when it succeeds every line file it drafts loads with no problem at all.
//!
//! Bounded to run in a few seconds in a debug build; nothing is written to disk.

use chrono::NaiveDate;
use huibao::import::lines::import_sheets;
use huibao::import::sheet::{Cell, Region, Sheet};
use huibao::import::{Kind, Options};
use huibao::model::load::parse_line_file;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cell texts: column names, dates in many forms, numbers, percentages, notes, and hostile text.
const TEXTS: &[&str] = &[
    "序号",
    "重点工作",
    "项目名称",
    "责任领导",
    "责任单位",
    "完成时限",
    "时间节点",
    "完成率",
    "进展情况",
    "形象进度",
    "总投资（万元）",
    "累计完成投资",
    "类别",
    "目标任务",
    "备注",
    "投资情况（万元）",
    "6月底前",
    "2024年12月",
    "年底前",
    "长期",
    "待定",
    "6月35日",
    "2024/8/31",
    "三季度末",
    "60%",
    "0.6",
    "1.2亿元",
    "400多",
    "**",
    "约260米",
    "已完成",
    "合计",
    "注：说明",
    "一、",
    "农业类",
    "秸秆禁烧",
    "完成改厕480户",
    "增长6%以上",
    "\u{1b}[31m红",
    "🎉",
    "\u{202e}反",
    "",
    " ",
];

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        4 => prop::sample::select(TEXTS).prop_map(|t| Cell::Text(t.to_string())),
        1 => (-5.0f64..100_000.0).prop_map(Cell::Num),
        1 => (0.0f64..80_000.0).prop_map(Cell::Date),
        1 => Just(Cell::Empty),
        1 => Just(Cell::Error("#DIV/0!".into())),
    ]
}

fn region() -> impl Strategy<Value = Region> {
    (0u32..10, 0u32..6, 0u32..4, 0u32..3).prop_map(|(top, left, h, w)| Region {
        top,
        left,
        bottom: top + h,
        right: left + w,
    })
}

fn sheet() -> impl Strategy<Value = Sheet> {
    (
        prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..12),
        prop::collection::vec(region(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(rows, merges, known)| Sheet {
            name: "表".into(),
            rows,
            merges: if known { merges } else { Vec::new() },
            merges_known: known,
        })
}

/// Text for the name, owner and progress columns, hostile text included.
const WORDS: &[&str] = &[
    "秸秆禁烧",
    "完成改厕480户",
    "约260米",
    "已完成",
    "合计",
    "注：说明",
    "一、",
    "农业类",
    "\u{1b}[31m红",
    "🎉",
    "\u{202e}反",
    "a\u{301}",
    "“九小场所”",
    "",
    "**个棚",
    "2万余吨",
    "400多亩",
];
/// Deadlines that read.
const DUE: &[&str] = &[
    "6月底前",
    "2024年12月",
    "年底前",
    "长期",
    "2024/8/31",
    "三季度末",
    "7月中旬",
    "",
];
/// Percentages that read.
const RATE: &[&str] = &["60%", "0.6", "100%", "", "**"];
/// Money that reads.
const MONEY: &[&str] = &["1.2亿元", "400多", "**", "1200", "", "-"];

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = Cell> {
    prop::sample::select(pool).prop_map(|t| Cell::Text(t.to_string()))
}

/// A body row of a 台账 whose cells read: 序号, 重点工作, 责任领导, 完成时限, 完成率, 进展情况, 总投资.
fn good_row() -> impl Strategy<Value = Vec<Cell>> {
    (
        (1u32..99).prop_map(|n| Cell::Num(n as f64)),
        pick(WORDS),
        pick(WORDS),
        prop_oneof![3 => pick(DUE), 1 => (40_000u32..50_000).prop_map(|n| Cell::Date(n as f64))],
        prop_oneof![3 => pick(RATE), 1 => (0u32..=100).prop_map(|n| Cell::Num(n as f64 / 100.0))],
        pick(WORDS),
        prop_oneof![3 => pick(MONEY), 1 => (0u32..9_999).prop_map(|n| Cell::Num(n as f64))],
    )
        .prop_map(|(a, b, c, d, e, f, g)| vec![a, b, c, d, e, f, g])
}

/// A sheet with a title, a header in row 2 and rows under it that read, cells merged down (one
/// column each: a merge across columns would put a name into a date cell) below the header.
fn table() -> impl Strategy<Value = Sheet> {
    (
        prop::collection::vec(good_row(), 0..12),
        prop::collection::vec(region(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(body, merges, known)| {
            let head = [
                "序号",
                "重点工作",
                "责任领导",
                "完成时限",
                "完成率",
                "进展情况",
                "总投资（万元）",
            ];
            let mut rows = vec![
                vec![Cell::Text("青山镇2024年台账".into())],
                head.iter().map(|h| Cell::Text(h.to_string())).collect(),
            ];
            rows.extend(body);
            let merges = merges
                .into_iter()
                .filter(|m| known && m.top > 1)
                .map(|m| Region { right: m.left, ..m })
                .collect();
            Sheet {
                name: "表".into(),
                rows,
                merges,
                merges_known: known,
            }
        })
}

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        ..Options::default()
    }
}

fn check(sheets: Vec<Sheet>) {
    if let Ok(imp) = import_sheets("t.xlsx", "t", sheets, &options()) {
        for line in &imp.lines {
            let text = serde_json::to_string_pretty(line).unwrap();
            let (_, warnings) = parse_line_file(text.as_bytes(), "x.json")
                .unwrap_or_else(|d| panic!("{d}\n{text}"));
            // The only warnings a table may cause are about what its cells say: a unit huibao does
            // not know, or more done than planned (完成率 120%, spent over 总投资) — for the office
            // to look at, never something the import made up.
            let other: Vec<String> = warnings
                .iter()
                .filter(|w| !w.message.starts_with("unknown unit"))
                .filter(|w| !w.message.starts_with("completed "))
                .map(|w| w.to_string())
                .collect();
            assert!(other.is_empty(), "{other:?}\n{text}");
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 192, failure_persistence: None, ..Config::default() })]

    #[test]
    fn any_sheet_imports_or_says_why(s in sheet()) {
        check(vec![s]);
    }

    #[test]
    fn tables_with_a_header_draft_valid_line_files(s in table(), t in table()) {
        let rows = s.rows.len() + t.rows.len();
        let imported = import_sheets("t.xlsx", "t", vec![s.clone(), t.clone()], &options());
        // Every cell reads: the only error is a table with no task row at all.
        if let Err(p) = &imported {
            let kinds: Vec<String> = p.iter().map(|p| p.message(false)).collect();
            let only_no_rows = p.iter().filter(|p| p.is_error()).all(|p| p.kind == Kind::NoRows);
            prop_assert!(only_no_rows, "{kinds:?} ({rows} rows)");
        }
        check(vec![s, t]);
    }
}
