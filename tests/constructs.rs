//! The real-report constructs (issue 10): each bad use is named with file, line, column and field,
//! in Chinese; the report's own habits (growth without a base figure, rates over 100%, parts that
//! exceed the whole by rounding, ledgers that do not say how many were rectified) pass.

use huibao::model::encoding::parse_line_file;
use huibao::model::say::message;
use huibao::model::{Diagnostic, Lang};

fn doc(items: &str) -> String {
    format!(
        "{{\n\"id\": \"economy\", \"title\": \"经济发展\", \"as_of\": \"2024-06-30\",\n\"groups\": [{{\"items\": [\n{items}\n]}}]\n}}"
    )
}

fn warnings(items: &str) -> Vec<String> {
    let text = doc(items);
    let (_, warnings) = parse_line_file(text.as_bytes(), "t.json").expect("loads");
    warnings.iter().map(shown).collect()
}

/// A problem as the office reads it: place, field, and the message in Chinese.
fn shown(d: &Diagnostic) -> String {
    format!(
        "{}: {}: {}",
        d.location(),
        d.field,
        message(&d.message, Lang::Zh)
    )
}

#[test]
fn real_report_habits_pass() {
    let items = [
        // 全镇固定资产投资同比增长20.1%: a growth with no base figure.
        r#"{"id": "a", "label": "固定资产投资", "source": "s", "figures": [{"unit": "", "growth": {"value": 20.1}}]}"#,
        // 目标完成率173.5%: a rate over 100%.
        r#"{"id": "b", "label": "服务业投资", "source": "s", "figures": [{"value": 173.5, "unit": "%", "rate": "progress"}]}"#,
        // 固定资产投资5.39亿元，其中…4.86亿元，…0.54亿元: 5.40 against 5.39 is rounding.
        r#"{"id": "c", "label": "固定资产投资", "source": "s", "figures": [{"value": 5.39, "unit": "亿元", "parts_cover": true, "parts": [{"value": 4.86, "unit": "亿元"}, {"value": 0.54, "unit": "亿元"}]}]}"#,
        // 排查出的280余项隐患: rectified not stated.
        r#"{"id": "d", "label": "隐患", "source": "s", "ledger": {"unit": "项", "found": 280, "found_approx": "余"}}"#,
        // Units outside any list are the report's own.
        r#"{"id": "e", "label": "出口", "source": "s", "figures": [{"value": 3, "unit": "万美元"}, {"value": 2, "unit": "艘"}]}"#,
    ];
    assert_eq!(warnings(&items.join(",\n")), Vec::<String>::new());
}

#[test]
fn a_part_larger_than_its_whole() {
    let item = r#"{"id": "a", "label": "后备干部", "source": "后备干部140名，其中主职后备干部77名", "figures": [{"value": 140, "unit": "名", "parts": [{"value": 177, "unit": "名"}]}]}"#;
    assert_eq!(
        warnings(item),
        ["t.json:4:124: groups[0].items[0].figures[0].parts[0].value: 其中的部分 177名 大于整体 140名"]
    );
    // Money compares across 万元 and 亿元.
    let money = r#"{"id": "a", "label": "财政总收入", "source": "s", "figures": [{"value": 6.3, "unit": "亿元", "parts": [{"value": 50800, "unit": "万元"}]}]}"#;
    assert_eq!(warnings(money).len(), 0);
    let over = money.replace("50800", "70800");
    assert_eq!(
        warnings(&over),
        ["t.json:4:107: groups[0].items[0].figures[0].parts[0].value: 其中的部分 70800万元 大于整体 6.3亿元"]
    );
}

#[test]
fn parts_that_should_add_up_but_do_not() {
    let item = r#"{"id": "a", "label": "新增五上企业", "source": "s", "figures": [{"value": 27, "unit": "家", "parts_cover": true, "parts": [{"value": 21, "unit": "家"}, {"value": 2, "unit": "家"}]}]}"#;
    assert_eq!(
        warnings(item),
        ["t.json:4:116: groups[0].items[0].figures[0].parts: 各部分相加为 23，与整体 27家 不符（parts_cover 表示各部分合起来就是整体）"]
    );
}

#[test]
fn a_bound_on_a_withheld_figure() {
    let item = r#"{"id": "a", "label": "培训", "source": "培训干部**人次以上", "figures": [{"value": "**", "unit": "人次", "bound": "以上"}]}"#;
    assert_eq!(
        warnings(item),
        ["t.json:4:103: groups[0].items[0].figures[0].bound: “以上”加在未公开的“**”上：界限词只能用于报告写明的数"]
    );
}

#[test]
fn ledgers_rectified_over_found_and_open_below_zero() {
    let items = [
        r#"{"id": "a", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 8, "rectified": 11}}"#,
        r#"{"id": "b", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 8, "open": -1}}"#,
    ];
    assert_eq!(
        warnings(&items.join(",\n")),
        [
            "t.json:4:92: groups[0].items[0].ledger.rectified: 已整改 11 多于发现 8：整改数不能超过发现数",
            "t.json:5:87: groups[0].items[1].ledger.open: 未整改数 -1 小于 0：台账的未整改数不能为负",
        ]
    );
}

#[test]
fn units_that_look_like_slips() {
    let item = r#"{"id": "a", "label": "育苗", "source": "s", "figures": [{"value": 300, "unit": "亩2"}]}"#;
    assert_eq!(
        warnings(item),
        ["t.json:4:78: groups[0].items[0].figures[0].unit: 单位“亩2”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）"]
    );
}

#[test]
fn ranges_rates_thresholds_periods_and_bundles() {
    let items = [
        r#"{"id": "a", "label": "引进项目", "source": "s", "figures": [{"target": 5, "target_max": 3, "unit": "项"}]}"#,
        r#"{"id": "b", "label": "道路", "source": "s", "figures": [{"value": 3, "unit": "公里", "rate": "share"}]}"#,
        r#"{"id": "c", "label": "企业", "source": "s", "figures": [{"value": 5, "unit": "家", "threshold": {"min": 5, "max": 1, "unit": "亿元", "words": "1-5亿"}}]}"#,
        r#"{"id": "d", "label": "项目", "source": "s", "project": {"count": 0}}"#,
        r#"{"id": "e", "label": "增长", "source": "s", "figures": [{"value": 1, "unit": "亿元", "growth": {}}]}"#,
    ];
    assert_eq!(
        warnings(&items.join(",\n")),
        [
            "t.json:4:85: groups[0].items[0].figures[0].target_max: 范围上限 3 小于下限 5",
            "t.json:5:90: groups[0].items[1].figures[0].rate: rate 只用于单位为 % 的数，这里的单位是“公里”",
            "t.json:6:112: groups[0].items[2].figures[0].threshold.max: 门槛上限 1 小于下限 5",
            "t.json:7:64: groups[0].items[3].project.count: 项目个数应为正整数，这里是 0",
            "t.json:8:92: groups[0].items[4].figures[0].growth: 增长既没有数值（value）也没有目标（target）",
        ]
    );
}

#[test]
fn a_unit_that_differs_from_last_week() {
    let dir = tempfile::tempdir().unwrap();
    for (date, unit) in [("2024-06-23", "亩"), ("2024-06-30", "公顷")] {
        let day = dir.path().join(date);
        std::fs::create_dir(&day).unwrap();
        let text = doc(&format!(
            r#"{{"id": "a", "label": "育苗", "source": "s", "figures": [{{"value": 300, "unit": "{unit}"}}]}}"#
        ))
        .replace("2024-06-30", date);
        std::fs::write(day.join("economy.json"), text).unwrap();
    }
    let ds = huibao::model::load::load_dir(dir.path());
    let shown: Vec<String> = ds.problems.iter().map(shown).collect();
    let path = dir.path().join("2024-06-30/economy.json");
    assert_eq!(
        shown,
        [format!(
            "{}:4:78: groups[0].items[0].figures[0].unit: 单位“公顷”与上期（2024-06-23）的“亩”不同：是笔误，还是口径变了？",
            path.display()
        )]
    );
}

fn item(json: &str) -> huibao::model::Item {
    let text = doc(json);
    let (file, _) = parse_line_file(text.as_bytes(), "t.json").expect("loads");
    file.groups[0].items[0].clone()
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn an_open_ledger_is_amber_then_red_past_its_deadline() {
    use huibao::model::{judge, Light, Thresholds};
    let th = Thresholds::default();
    let open = item(
        r#"{"id": "l", "label": "隐患", "source": "s", "deadline": "2024-07-31", "ledger": {"unit": "处", "found": 11, "rectified": 8}}"#,
    );
    assert_eq!(judge(&open, day("2024-06-30"), &th).light, Light::Behind);
    assert_eq!(judge(&open, day("2024-08-01"), &th).light, Light::Overdue);
    // An open entry past its 整改期限 is red even when the totals say nothing.
    let entry = item(
        r#"{"id": "l", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 2, "rectified": 1, "entries": [
            {"id": "1", "description": "电线老化", "found": "2024-06-01", "deadline": "2024-06-20", "owner": "王五"},
            {"id": "2", "description": "通道堵塞", "found": "2024-06-01", "closed": "2024-06-10"}]}}"#,
    );
    assert_eq!(judge(&entry, day("2024-06-15"), &th).light, Light::Behind);
    assert_eq!(judge(&entry, day("2024-06-30"), &th).light, Light::Overdue);
    assert_eq!(
        huibao::model::wording::open_entry_owner(&entry),
        Some("王五")
    );
    // Nothing said about rectification: no light.
    let unknown = item(
        r#"{"id": "l", "label": "隐患", "source": "s", "ledger": {"unit": "项", "found": 280, "found_approx": "余"}}"#,
    );
    assert_eq!(judge(&unknown, day("2024-06-30"), &th).light, Light::None);
}

#[test]
fn a_percent_progress_and_a_bundle_get_lights_against_time_progress() {
    use huibao::model::{judge, Light, Thresholds};
    let th = Thresholds::default();
    // 坟墓迁移进度达60% on 30 June: 序时 50%, ahead.
    let rate = item(
        r#"{"id": "r", "label": "坟墓迁移", "source": "s", "figures": [{"value": 60, "unit": "%", "rate": "progress"}]}"#,
    );
    let j = judge(&rate, day("2024-06-30"), &th);
    assert_eq!((j.light, j.progress), (Light::OnTrack, Some(0.6)));
    assert_eq!(
        huibao::model::wording::gap_text(&j, huibao::model::Lang::Zh).as_deref(),
        Some("超前10个百分点")
    );
    // A share gets no light.
    let share = item(
        r#"{"id": "s", "label": "覆盖率", "source": "s", "figures": [{"value": 100, "unit": "%", "rate": "share"}]}"#,
    );
    assert_eq!(judge(&share, day("2024-06-30"), &th).light, Light::None);
    // 本年度总投资6000万元的19个项目完成投资3000万元: 50% against 50%.
    let bundle = item(
        r#"{"id": "b", "label": "美丽城镇项目", "source": "s", "project": {"count": 19,
            "annual_plan": {"value": 6000, "unit": "万元"}, "annual_done": {"value": 3000, "unit": "万元"}}}"#,
    );
    let j = judge(&bundle, day("2024-07-01"), &th);
    assert_eq!((j.light, j.progress), (Light::OnTrack, Some(0.5)));
    assert_eq!(
        huibao::model::wording::gap_text(&j, huibao::model::Lang::Zh).as_deref(),
        Some("与序时持平"),
        "never 超前0个百分点"
    );
    // 目标完成率173.5%: done, the number kept.
    let over = item(
        r#"{"id": "o", "label": "服务业投资", "source": "s", "figures": [{"value": 173.5, "unit": "%", "rate": "progress"}]}"#,
    );
    let j = judge(&over, day("2024-12-31"), &th);
    assert_eq!((j.light, j.progress_raw), (Light::Done, Some(1.735)));
}

#[test]
fn a_plans_period_gives_targets_their_deadline() {
    use huibao::model::{status::judge_in, Light, Period, Thresholds};
    let period: Period =
        serde_json::from_str(r#"{"start": "2024-07-01", "end": "2024-12-31", "words": "下半年"}"#)
            .unwrap();
    let target = item(
        r#"{"id": "t", "label": "高标准农田", "source": "s", "figures": [{"value": 100, "target": 800, "unit": "亩"}]}"#,
    );
    let j = judge_in(
        &target,
        Some(&period),
        day("2024-10-01"),
        &Thresholds::default(),
    );
    assert_eq!(j.deadline, Some(day("2024-12-31")));
    assert_eq!(j.light, Light::SeverelyBehind);
}

#[test]
fn an_open_ledger_is_on_the_laggard_list_with_its_owner() {
    use huibao::app::State;
    use huibao::commands::render::{render_buffer, to_text};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2023-06-30");
    std::fs::create_dir(&folder).unwrap();
    let text = doc(
        r#"{"id": "fire", "label": "消防隐患排查整改", "source": "发现隐患11处，整改8处。", "leader": "张三",
            "ledger": {"unit": "处", "found": 11, "rectified": 8}}"#,
    )
    .replace("2024-06-30", "2023-06-30");
    std::fs::write(folder.join("safety.json"), text).unwrap();
    let ds = huibao::model::load::load_dir(dir.path());
    let state = State::new(ds, huibao::cli::Lang::Zh, day("2023-07-03"));
    let screen = to_text(&render_buffer(state, (120, 40), "w").unwrap());
    let row = screen
        .lines()
        .find(|l| l.contains("消防隐患排查整改"))
        .unwrap_or_else(|| panic!("not on the laggard list:\n{screen}"));
    assert!(row.contains("▲ 滞后") && row.contains("张三"), "{row}");
}

#[test]
fn firmness_and_points_where_they_do_not_fit() {
    let items = [
        r#"{"id": "a", "label": "税收", "source": "s", "figures": [{"value": 1898, "unit": "万元", "firmness": "确保"}]}"#,
        r#"{"id": "b", "label": "收入", "source": "s", "figures": [{"value": 2, "unit": "亿元", "growth": {"value": 1, "unit": "百分点"}}]}"#,
    ];
    assert_eq!(
        warnings(&items.join(",\n")),
        [
            "t.json:4:97: groups[0].items[0].figures[0].firmness: “确保”说的是目标，这个数没有 target：已完成的数用“预计”或不加",
            "t.json:5:113: groups[0].items[1].figures[0].growth.unit: “百分点”是比率的变化，这个数的单位是“亿元”：应为 %",
        ]
    );
}

#[test]
fn key_indicators_listed_as_a_work_line_or_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2024-06-30");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        dir.path().join("town.json"),
        r#"{"format": 2, "name": "镇", "lines": ["ind"]}"#,
    )
    .unwrap();
    for id in ["ind", "more"] {
        let text = doc(r#"{"id": "a", "label": "地区生产总值", "source": "s", "figures": [{"value": 1, "unit": "亿元"}]}"#)
            .replace("\"id\": \"economy\"", &format!("\"id\": \"{id}\", \"role\": \"indicators\""));
        std::fs::write(folder.join(format!("{id}.json")), text).unwrap();
    }
    let ds = huibao::model::load::load_dir(dir.path());
    let shown: Vec<String> = ds
        .problems
        .iter()
        .map(|d| message(&d.message, Lang::Zh))
        .collect();
    assert_eq!(
        shown,
        [
            "主要指标（ind）列在 town.json 的 lines 里：主要指标不是工作线，请从 lines 中去掉",
            "第二个主要指标文件（more）：只显示第一个（ind），请合并为一个 indicators 文件",
        ]
    );
    let board = huibao::model::board::Board::build(&ds, None);
    assert!(board.lines.is_empty());
    assert_eq!(board.indicators.map(|l| l.id), Some("ind".to_string()));
}
