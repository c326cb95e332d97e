//! `huibao import` on the shared 台账 fixtures (`tests/fixtures/ingest/tables/`, built from real
//! reports by `make_tables.py`): what their README says a correct import yields, cell by cell, and
//! that each output validates with no problem and renders.

mod import_common;

use huibao::import::{import_file, Imported, Options};
use huibao::model::format::Value;
use huibao::model::Item;
use import_common::{d, import_at, item, write_validate_render};
use std::path::{Path, PathBuf};

const TABLES: &str = "tests/fixtures/ingest/tables";

fn table(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(TABLES)
        .join(name)
}

/// A "today" long after the tables: every date must come from the tables themselves.
fn import(name: &str) -> Imported {
    import_at(&table(name), name, "2026-01-05")
}

fn options() -> Options {
    Options {
        today: d("2026-01-05"),
        ..Options::default()
    }
}

fn lines(imp: &Imported) -> Vec<(&str, &str, usize)> {
    imp.lines
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str(), l.items().count()))
        .collect()
}

fn due(it: &Item) -> Option<String> {
    it.deadline.map(|d| d.to_string())
}

fn targets(it: &Item) -> Vec<(f64, &str)> {
    it.figures
        .iter()
        .filter_map(|f| Some((f.target?.num()?, f.unit.as_str())))
        .filter(|(_, u)| *u != "%")
        .collect()
}

fn percent(it: &Item) -> Option<f64> {
    it.figures
        .iter()
        .find(|f| f.unit == "%")
        .and_then(|f| f.value?.num())
}

fn investment(it: &Item) -> Option<(Value, &str)> {
    let inv = it.project()?.investment.as_ref()?;
    Some((inv.value?, inv.unit.as_str()))
}

#[test]
fn xiabu_gongzuo_a_category_column_merged_owners_and_mixed_dates() {
    let imp = import("xiabu-gongzuo.xlsx");
    assert_eq!(imp.as_of, d("2023-06-30"), "截至：2023年6月30日");
    assert_eq!(
        lines(&imp),
        [
            ("rural", "乡村振兴", 5),
            ("projects", "重点项目", 3),
            ("livelihood", "民生事业", 5),
        ]
    );
    let leaders: Vec<&str> = imp
        .lines
        .iter()
        .flat_map(|l| l.items())
        .map(|i| i.leader.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        leaders,
        [
            &["分管农业副镇长"; 5][..],
            &["镇长"; 3],
            &["分管城建副镇长"; 3],
            &["党委副书记"; 2]
        ]
        .concat()
    );
    assert_eq!(
        due(item(&imp, "地方级税收任务")).as_deref(),
        Some("2023-12-31"),
        "Excel date H9"
    );
    let hulei = item(&imp, "呼雷汤项目重启建设");
    assert_eq!(
        (due(hulei).as_deref(), hulei.deadline_text.as_deref()),
        (Some("2023-12-31"), Some("年底前"))
    );
    let sewer = item(&imp, "镇区污水管网升级改造");
    assert_eq!(sewer.deadline_text.as_deref(), Some("2023年12月"));
    let dated = imp
        .lines
        .iter()
        .flat_map(|l| l.items())
        .filter(|i| i.deadline.is_some())
        .count();
    assert_eq!(
        dated, 3,
        "the 说明 row (完成时限为空的，按年底前掌握) is not applied"
    );
    assert_eq!(
        investment(item(&imp, "绿杨至沙柳河段治理")),
        Some((Value::Num(240.0), "万元")),
        "E14 text"
    );
    assert_eq!(
        investment(item(&imp, "禾丰牧业孵化项目")),
        Some((Value::Num(5000.0), "万元"))
    );
    assert_eq!(
        item(&imp, "统筹片区发展").project(),
        None,
        "no money: a task, not a project"
    );
    assert_eq!(
        targets(item(&imp, "汤西现代农业产业园土地流转")),
        [(600.0, "亩")]
    );
    assert_eq!(targets(item(&imp, "禾丰牧业孵化项目")), [(5000.0, "万元")]);
    assert_eq!(
        targets(item(&imp, "乡村共富党建联盟")),
        [(29.0, "个"), (4.0, "万元")]
    );
    assert_eq!(targets(item(&imp, "地方级税收任务")), [(1898.0, "万元")]);
    assert!(item(&imp, "帮扶企业复工复产")
        .source
        .contains("存在问题：需帮助复工复产"));
    write_validate_render(imp, "2023-07-03");
}

#[test]
fn shangbannian_xiangmu_milestone_rows_totals_and_two_sheets() {
    let imp = import("shangbannian-xiangmu.xlsx");
    assert_eq!(imp.as_of, d("2023-06-30"), "上半年 in the title");
    assert_eq!(
        lines(&imp),
        [
            ("projects", "重点项目", 4),
            ("infrastructure", "基础设施", 7)
        ]
    );
    let chicken = item(&imp, "禾源白羽鸡养殖项目");
    let p = chicken.project().unwrap();
    let stones: Vec<(String, Option<&str>)> = p
        .milestones
        .iter()
        .map(|m| (m.due.to_string(), m.due_text.as_deref()))
        .collect();
    assert_eq!(
        stones,
        [
            ("2023-07-20".to_string(), Some("7月中旬")),
            ("2023-07-31".to_string(), Some("7月底前")),
            ("2023-12-31".to_string(), Some("12月底前")),
        ]
    );
    assert_eq!(p.milestones[1].what, "莲花城基地**个棚主体建设接近尾声");
    assert_eq!(
        chicken.deadline, None,
        "the deadline is the last milestone's"
    );
    assert_eq!(investment(chicken), Some((Value::Num(12000.0), "万元")));
    assert_eq!(chicken.office.as_deref(), Some("经济发展办"));
    let park = item(&imp, "汤西现代农业产业园项目");
    assert_eq!(
        investment(park),
        Some((Value::Num(5000.0), "万元")),
        "C6 text"
    );
    assert_eq!(percent(park), Some(25.0), "F6 0.25 in a 0% cell");
    assert_eq!(park.leader.as_deref(), Some("分管农业副镇长"));
    for label in ["慈口观温泉民宿项目", "农业社会化综合服务中心（烘干厂）"]
    {
        assert_eq!(item(&imp, label).leader.as_deref(), Some("镇长"), "{label}");
    }
    assert_eq!(
        item(&imp, "慈口观温泉民宿项目").project().unwrap().problems,
        ["项目运营困境"]
    );
    // 基础设施: the figures 完成情况 states, as written.
    let river = item(&imp, "汤西河道改造");
    let f = &river.figures[0];
    assert_eq!(
        (f.value, f.unit.as_str(), f.approx.map(|a| a.zh())),
        (Some(Value::Num(260.0)), "米", Some("约"))
    );
    assert_eq!(
        item(&imp, "改厕厕所检查维修").figures[0].value,
        Some(Value::Num(2340.0))
    );
    let toilet = item(&imp, "绿杨村公共厕所建设");
    assert_eq!(
        (percent(toilet), toilet.done),
        (Some(100.0), Some(true)),
        "E10 \"100%\""
    );
    assert_eq!(
        item(&imp, "镇域道路改造及硬化").leader.as_deref(),
        Some("分管城建副镇长")
    );
    write_validate_render(imp, "2023-07-03");
}

#[test]
fn sizhoutou_ods_a_two_row_header_and_percentages() {
    let imp = import("sizhoutou-jihua.ods");
    assert_eq!(imp.as_of, d("2024-06-30"), "二季度 in the title");
    assert_eq!(imp.items(), 2);
    let dam = item(&imp, "白仙山水库工程政策处理");
    assert_eq!(dam.leader.as_deref(), Some("欧乾震"));
    assert_eq!(
        dam.office.as_deref(),
        Some("白仙山水库工程政策处理工作领导小组")
    );
    assert_eq!(percent(dam), Some(60.0), "H4 percentage cell 0.6");
    assert!(
        dam.source
            .contains("完成情况：该工程库区内坟墓迁移进度达60%。"),
        "{}",
        dam.source
    );
    let town = item(&imp, "现代化美丽城镇");
    assert_eq!(
        (town.leader.as_deref(), town.office.as_deref()),
        (Some("吴宇凡"), Some("乡村振兴办"))
    );
    assert_eq!(percent(town), Some(50.0), "H5 text 50%");
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    write_validate_render(imp, "2024-07-01");
}

#[test]
fn jinwuzhou_csv_in_gbk_and_in_utf8_give_the_same_lines() {
    let gbk = import("jinwuzhou-mubiao-gbk.csv");
    let utf8 = import("jinwuzhou-mubiao-utf8bom.csv");
    assert_eq!(gbk.lines, utf8.lines);
    assert_eq!(gbk.items(), 6);
    let dates: Vec<(Option<String>, Option<&str>)> = gbk.lines[0]
        .items()
        .map(|i| (due(i), i.deadline_text.as_deref()))
        .collect();
    let in_2024 = |w| (Some("2024-12-31".to_string()), Some(w));
    assert_eq!(
        dates,
        [
            in_2024("2024年12月"),
            in_2024("2024年12月"),
            in_2024("2024年12月"),
            in_2024("2024年12月"),
            in_2024("年底前"),
            in_2024("年底前"),
        ],
        "年底前 of the title's year, 2024, though today is 2026"
    );
    assert!(gbk.lines[0]
        .items()
        .all(|i| i.leader.is_none() && i.office.is_some()));
    // Growth targets (增长6%以上) are not quantities of the item.
    assert!(gbk.lines[0].items().all(|i| i.figures.is_empty()));
    write_validate_render(gbk, "2024-07-01");
}

#[test]
fn minsheng_xls_a_date_cell_in_the_preamble_and_a_total_row() {
    let imp = import("minsheng-xiangmu.xls");
    assert_eq!(
        imp.as_of,
        d("2023-06-30"),
        "B2, an Excel date beside 截至日期："
    );
    assert_eq!(
        imp.counts,
        [("民生项目".to_string(), 5)],
        "the 合计 row is no item"
    );
    let money: Vec<f64> = imp.lines[0]
        .items()
        .filter_map(|i| investment(i)?.0.num())
        .collect();
    assert_eq!(money, [74.0, 3.0, 35.55, 30.0, 10.0], "投资（万元）");
    let offices: Vec<&str> = imp.lines[0]
        .items()
        .filter_map(|i| i.office.as_deref())
        .collect();
    assert_eq!(
        offices,
        ["中心学校", "中心学校", "镇卫生院", "镇卫生院", "镇卫生院"]
    );
    assert!(imp.lines[0].items().all(|i| i.deadline.is_none()));
    write_validate_render(imp, "2023-07-03");
}

#[test]
fn bad_date_names_each_cell_and_writes_nothing() {
    let opts = options();
    let problems = import_file(&table("bad-date.xlsx"), "bad-date.xlsx", &opts).unwrap_err();
    let zh: Vec<String> = problems.iter().map(|p| p.message(false)).collect();
    assert_eq!(
        zh,
        [
            "bad-date.xlsx!重点工作!D3: 完成时限：无法识别的日期 \"2024年13月\"",
            "bad-date.xlsx!重点工作!D5: 完成时限：\"待定\"，暂无期限，定下后请填上日期",
        ]
    );
    assert!(problems[0].is_error() && !problems[1].is_error());
    let en = problems[0].message(true);
    assert_eq!(
        en,
        "bad-date.xlsx!重点工作!D3: 完成时限: unrecognised date \"2024年13月\""
    );
}

#[test]
fn sheet_picks_the_sheets_to_import() {
    let opts = Options {
        today: d("2026-01-05"),
        sheets: vec!["基础设施".into()],
        ..Options::default()
    };
    let path = table("shangbannian-xiangmu.xlsx");
    let imp = import_file(&path, "台账.xlsx", &opts).unwrap();
    assert_eq!(
        lines(&imp),
        [("infrastructure", "**镇2023年上半年基础设施建设工作台账", 7)]
    );
    let opts = Options {
        sheets: vec!["第27周".into()],
        ..opts
    };
    let p = import_file(&path, "台账.xlsx", &opts).unwrap_err();
    let zh: Vec<String> = p.iter().map(|p| p.message(false)).collect();
    assert_eq!(
        zh,
        ["台账.xlsx: 没有名为 \"第27周\" 的工作表；表中有：重点项目、基础设施"]
    );
}
