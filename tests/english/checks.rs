//! Each family of the line files' checks, in English and in the Chinese it has always had.

use super::assert_english;
use huibao::model::encoding::parse_line_file;
use huibao::model::load::load_dir;
use huibao::model::say::message;
use huibao::model::{Diagnostic, Lang};

/// (field, English, Chinese) of each problem.
fn said(problems: &[Diagnostic]) -> Vec<(String, String, String)> {
    problems
        .iter()
        .map(|d| {
            (
                d.field.clone(),
                message(&d.message, Lang::En),
                message(&d.message, Lang::Zh),
            )
        })
        .collect()
}

/// Asserts the problems, in order: (field, English, Chinese); and no Chinese words in the English.
fn assert_said(problems: &[Diagnostic], want: &[(&str, &str, &str)]) {
    assert_english("checks", problems);
    let got = said(problems);
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(f, en, zh)| (f.to_string(), en.to_string(), zh.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// A line file of the given items, as the loader checks it: its warnings.
fn warnings(items: &[&str]) -> Vec<Diagnostic> {
    let text = format!(
        "{{\n\"id\": \"economy\", \"title\": \"经济发展\", \"as_of\": \"2024-06-30\",\n\"groups\": [{{\"items\": [\n{}\n]}}]\n}}",
        items.join(",\n")
    );
    let (_, warnings) = parse_line_file(text.as_bytes(), "t.json").expect("loads");
    warnings
}

/// One figure of an item labelled 指标.
fn figure(json: &str) -> String {
    format!(r#"{{"id": "a", "label": "指标", "source": "s", "figures": [{json}]}}"#)
}

fn figures(each: &[&str]) -> Vec<Diagnostic> {
    let items: Vec<String> = each
        .iter()
        .enumerate()
        .map(|(k, f)| figure(f).replace("\"id\": \"a\"", &format!("\"id\": \"a{k}\"")))
        .collect();
    warnings(&items.iter().map(String::as_str).collect::<Vec<_>>())
}

const F: &str = "groups[0].items";

#[test]
fn units() {
    assert_said(
        &figures(&[r#"{"value": 300, "unit": "亩2"}"#, r#"{"value": 3, "unit": " "}"#]),
        &[
            (
                &format!("{F}[0].figures[0].unit"),
                "the unit “亩2” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it",
                "单位“亩2”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）",
            ),
            (
                &format!("{F}[1].figures[0].unit"),
                "the unit is empty: only a growth reported without its base figure (such as “investment up 20.1%”) may go without a unit",
                "单位为空：只有未报基数的增长（如“固定资产投资同比增长20.1%”）可以不写单位",
            ),
        ],
    );
}

#[test]
fn bounds_and_ranges() {
    assert_said(
        &figures(&[
            r#"{"value": "**", "unit": "人次", "bound": "以上"}"#,
            r#"{"unit": "个", "target_bound": "至少"}"#,
            r#"{"value": 3, "value_max": 5, "bound": "至少", "unit": "个"}"#,
            r#"{"target": 5, "target_max": 3, "unit": "项"}"#,
            r#"{"value_max": 5, "unit": "个"}"#,
        ]),
        &[
            (
                &format!("{F}[0].figures[0].bound"),
                "the bound “以上” is put on a withheld “**”: bounds go only with figures the report states",
                "“以上”加在未公开的“**”上：界限词只能用于报告写明的数",
            ),
            (
                &format!("{F}[1].figures[0].target_bound"),
                "there is a bound “至少” but no target",
                "有界限词“至少”却没有 target",
            ),
            (
                &format!("{F}[2].figures[0].value_max"),
                "a range (3 to 5) takes no bound: remove either bound or the range's upper end",
                "范围（3—5个）不再加界限词：去掉 bound 或范围上限之一",
            ),
            (
                &format!("{F}[3].figures[0].target_max"),
                "the range's upper end 3 is below its lower end 5",
                "范围上限 3 小于下限 5",
            ),
            (
                &format!("{F}[4].figures[0].value_max"),
                "the range has an upper end but no lower end",
                "范围只有上限，没有下限",
            ),
        ],
    );
}

#[test]
fn growth_firmness_and_rates() {
    assert_said(
        &figures(&[
            r#"{"value": 1, "unit": "亿元", "growth": {}}"#,
            r#"{"value": 2, "unit": "亿元", "growth": {"value": 1, "unit": "百分点"}}"#,
            r#"{"value": 1898, "unit": "万元", "firmness": "确保"}"#,
            r#"{"value": 3, "unit": "公里", "rate": "share"}"#,
            r#"{"value": 120, "unit": "%", "rate": "share"}"#,
        ]),
        &[
            (
                &format!("{F}[0].figures[0].growth"),
                "the growth has neither a value nor a target",
                "增长既没有数值（value）也没有目标（target）",
            ),
            (
                &format!("{F}[1].figures[0].growth.unit"),
                "“百分点” is a change of a rate, and this figure's unit is “亿元”: it should be %",
                "“百分点”是比率的变化，这个数的单位是“亿元”：应为 %",
            ),
            (
                &format!("{F}[2].figures[0].firmness"),
                "“确保” speaks of a target, and this figure has no target: a figure already reached takes “预计” or nothing",
                "“确保”说的是目标，这个数没有 target：已完成的数用“预计”或不加",
            ),
            (
                &format!("{F}[3].figures[0].rate"),
                "rate is only for figures in %, and the unit here is “公里”",
                "rate 只用于单位为 % 的数，这里的单位是“公里”",
            ),
            (
                &format!("{F}[4].figures[0].value"),
                "a share of 120% is over 100%: is it a completion rate (rate: progress)?",
                "占比 120% 超过 100%：是完成率（rate: progress）吗？",
            ),
        ],
    );
}

#[test]
fn per_thresholds_and_periods() {
    assert_said(
        &figures(&[
            r#"{"value": 3, "unit": "个", "per": " "}"#,
            r#"{"value": 5, "unit": "家", "threshold": {"min": 5, "max": 1, "unit": "亿元", "words": ""}}"#,
            r#"{"value": 5, "unit": "家", "period": {"start": "2024-06-30", "end": "2024-01-01", "words": ""}}"#,
        ]),
        &[
            (
                &format!("{F}[0].figures[0].per"),
                "per is empty: write the report's own words (per head, each village, a month)",
                "per 为空：写报告的原话（人均、各村、每月）",
            ),
            (
                &format!("{F}[1].figures[0].threshold.max"),
                "the threshold's upper end 1 is below its lower end 5",
                "门槛上限 1 小于下限 5",
            ),
            (
                &format!("{F}[1].figures[0].threshold.words"),
                "the threshold has none of the report's words (such as “over 100 million yuan”)",
                "门槛没有原话（如“亿元以上”）",
            ),
            (
                &format!("{F}[2].figures[0].period.end"),
                "the period ends on 2024-01-01, before it starts on 2024-06-30",
                "时段结束 2024-01-01 早于开始 2024-06-30",
            ),
            (
                &format!("{F}[2].figures[0].period.words"),
                "the period has none of the report's words (such as “this year”, “the second half”)",
                "时段没有原话（如“本年度”“下半年”）",
            ),
        ],
    );
}

#[test]
fn parts_and_wholes() {
    assert_said(
        &figures(&[
            r#"{"value": 140, "unit": "名", "parts": [{"value": 177, "unit": "名"}]}"#,
            r#"{"value": 27, "unit": "家", "parts_cover": true, "parts": [{"value": 21, "unit": "家"}, {"value": 2, "unit": "家"}]}"#,
        ]),
        &[
            (
                &format!("{F}[0].figures[0].parts[0].value"),
                "the part 177名 is larger than the whole 140名",
                "其中的部分 177名 大于整体 140名",
            ),
            (
                &format!("{F}[1].figures[0].parts"),
                "the parts add up to 23, not to the whole 27家 (parts_cover says the parts together are the whole)",
                "各部分相加为 23，与整体 27家 不符（parts_cover 表示各部分合起来就是整体）",
            ),
        ],
    );
}

#[test]
fn projects_and_ledgers() {
    let items = [
        r#"{"id": "a", "label": "项目", "source": "s", "project": {"count": 0}}"#,
        r#"{"id": "b", "label": "项目", "source": "s", "project": {"annual_plan": {"value": 5, "unit": "个"}, "annual_rate": {"value": 50, "unit": "个"}}}"#,
        r#"{"id": "c", "label": "项目", "source": "s", "project": {"investment": {"value": 800, "unit": "万元"}, "cumulative": {"value": 1000, "unit": "万元"}}}"#,
        r#"{"id": "d", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 8, "rectified": 11}}"#,
        r#"{"id": "e", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 8, "open": -1}}"#,
        r#"{"id": "f", "label": "隐患", "source": "s", "ledger": {"unit": "处", "found": 8, "rectified": 3, "open": 4}}"#,
    ];
    assert_said(
        &warnings(&items),
        &[
            (
                &format!("{F}[0].project.count"),
                "the number of projects should be a whole number from 1 up, not 0",
                "项目个数应为正整数，这里是 0",
            ),
            (
                &format!("{F}[1].project.annual_plan.unit"),
                "an investment is in “万元” or “亿元”, not in “个”",
                "投资的单位应为万元或亿元，这里是“个”",
            ),
            (
                &format!("{F}[1].project.annual_rate.unit"),
                "the year's investment completion rate is in %, not in “个”",
                "年度投资完成率的单位应为 %，这里是“个”",
            ),
            (
                &format!("{F}[2].project.cumulative"),
                "the investment done so far, 1000万元, is more than the total investment 800万元",
                "累计完成投资 1000万元 超过总投资 800万元",
            ),
            (
                &format!("{F}[3].ledger.rectified"),
                "rectified 11 exceeds found 8: no more can be rectified than were found",
                "已整改 11 多于发现 8：整改数不能超过发现数",
            ),
            (
                &format!("{F}[4].ledger.open"),
                "open -1 is below 0: a ledger's open count cannot be negative",
                "未整改数 -1 小于 0：台账的未整改数不能为负",
            ),
            (
                &format!("{F}[5].ledger.open"),
                "open 4 is not found 8 − rectified 3 = 5",
                "未整改 4 不等于发现 8 − 已整改 3 = 5",
            ),
        ],
    );
}

/// A data folder of line files: (date, file id, its items); and town.json when given.
fn folder(files: &[(&str, &str, &str)], town: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (date, id, items) in files {
        let day = dir.path().join(date);
        std::fs::create_dir_all(&day).unwrap();
        let text = format!(
            "{{\"id\": \"{id}\", \"title\": \"经济发展\", \"as_of\": \"{date}\", \"groups\": [{{\"items\": [{items}]}}]}}"
        );
        std::fs::write(
            day.join(format!("{}.json", id.split('"').next().unwrap_or(id))),
            text,
        )
        .unwrap();
    }
    if let Some(town) = town {
        std::fs::write(dir.path().join("town.json"), town).unwrap();
    }
    dir
}

#[test]
fn a_unit_changed_since_last_week() {
    let item = |unit: &str| figure(&format!(r#"{{"value": 300, "unit": "{unit}"}}"#));
    let (a, b) = (item("亩"), item("公顷"));
    let dir = folder(
        &[("2024-06-23", "economy", &a), ("2024-06-30", "economy", &b)],
        None,
    );
    assert_said(
        &load_dir(dir.path()).problems,
        &[(
            "groups[0].items[0].figures[0].unit",
            "the unit “公顷” differs from the previous snapshot's (2024-06-23) “亩”: a slip, or was what is counted changed?",
            "单位“公顷”与上期（2024-06-23）的“亩”不同：是笔误，还是口径变了？",
        )],
    );
}

#[test]
fn key_indicators_and_the_format_version() {
    let item = figure(r#"{"value": 1, "unit": "亿元"}"#);
    let role = "\", \"role\": \"indicators";
    let (ind, more) = (format!("ind{role}"), format!("more{role}"));
    let files = [
        ("2024-06-30", ind.as_str(), item.as_str()),
        ("2024-06-30", more.as_str(), item.as_str()),
    ];
    let dir = folder(
        &files,
        Some(r#"{"format": 2, "name": "镇", "lines": ["ind"]}"#),
    );
    assert_said(
        &load_dir(dir.path()).problems,
        &[
            (
                "role",
                "the key indicators (ind) are listed in the lines of town.json: key indicators are not a work line; remove them from lines",
                "主要指标（ind）列在 town.json 的 lines 里：主要指标不是工作线，请从 lines 中去掉",
            ),
            (
                "role",
                "a second key-indicator file (more): only the first (ind) is shown; merge them into one indicators file",
                "第二个主要指标文件（more）：只显示第一个（ind），请合并为一个 indicators 文件",
            ),
        ],
    );
    let dir = folder(
        &[("2024-06-30", "economy", &item)],
        Some(r#"{"format": 99, "name": "镇"}"#),
    );
    let problems = load_dir(dir.path()).problems;
    let version = problems
        .iter()
        .find(|d| d.field == "format")
        .expect("the version is named");
    assert_said(
        std::slice::from_ref(version),
        &[(
            "format",
            "huibao does not know data format version 99 (it reads versions 1 to 2): please upgrade huibao",
            "数据格式版本 99 本程序不认识（可读版本 1 至 2）：请升级 huibao",
        )],
    );
}
