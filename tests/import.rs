//! `huibao import` on 台账 spreadsheets laid out the way township offices keep them
//! (`tests/fixtures/import/`, built by `make_fixtures.py` there): what each row becomes, that every
//! output validates with no problem and renders, the exact message of each bad input, and the
//! writing rules (no overwrite without --force, --into keeps ids).

mod import_common;

use huibao::import::{import_file, Imported, Options};
use huibao::model::format::Value;
use huibao::model::Item;
use import_common::{d, import_at, item, write_validate_render};
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/import";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURES)
        .join(name)
}

fn import(name: &str) -> Imported {
    import_at(&fixture(name), name, "2024-07-01")
}

fn options() -> Options {
    Options {
        today: d("2024-07-01"),
        ..Options::default()
    }
}

fn rate(it: &Item) -> Option<Value> {
    it.figures
        .iter()
        .find(|f| f.unit == "%")
        .and_then(|f| f.value)
}

#[test]
fn supervision_ledger_with_merged_title_and_owner_cells() {
    let imp = import("督查督办台账.xlsx");
    assert_eq!(imp.as_of, d("2024-06-30"));
    assert_eq!(imp.as_of_words.as_deref(), Some("截至2024年6月30日"));
    assert_eq!(imp.town.name, "青山镇");
    assert_eq!(imp.town.title, "青山镇2024年重点工作督查督办台账");
    assert_eq!(imp.counts, [("督查督办".to_string(), 7)]);
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    let line = &imp.lines[0];
    assert_eq!(
        (line.id.as_str(), line.title.as_str()),
        ("supervision", "青山镇2024年重点工作督查督办台账")
    );
    // 张明 is merged over C4:C6: each of the three rows has him.
    for label in ["农村人居环境整治提升", "高标准农田建设", "秸秆禁烧"] {
        assert_eq!(item(&imp, label).leader.as_deref(), Some("张明"), "{label}");
    }
    let first = item(&imp, "农村人居环境整治提升");
    assert_eq!(first.id, "supervision.01");
    assert_eq!(first.deadline.map(|d| d.date()), Some(d("2024-06-30")));
    assert_eq!(first.deadline_text.as_deref(), Some("6月底前"));
    assert_eq!(rate(first), Some(Value::Num(81.0)), "0.81 in a % cell");
    assert_eq!(
        first.source,
        "重点工作：农村人居环境整治提升；责任领导：张明；责任单位：农业农村办；目标任务：32个村庄清洁行动全覆盖；\
         完成时限：6月底前；进展情况：已完成26个村庄清洁行动；完成率：81%；存在问题：部分村保洁员配备不足；\
         下步计划：7月中旬前补齐保洁员"
    );
    let farmland = item(&imp, "高标准农田建设");
    assert_eq!(
        rate(farmland),
        Some(Value::Num(40.0)),
        "\"40%\" typed as text"
    );
    assert_eq!(farmland.deadline.map(|d| d.date()), Some(d("2024-12-31")));
    assert_eq!(farmland.deadline_text.as_deref(), Some("2024年12月"));
    let straw = item(&imp, "秸秆禁烧");
    assert_eq!(
        (straw.deadline, straw.deadline_text.as_deref()),
        (None, Some("长期"))
    );
    assert!(straw.figures.is_empty());
    assert_eq!(
        rate(item(&imp, "基层党组织标准化建设")),
        Some(Value::Num(66.7))
    );
    let petition = item(&imp, "信访积案化解");
    assert_eq!(
        petition.deadline.map(|d| d.date()),
        Some(d("2024-08-31")),
        "an Excel date cell"
    );
    assert_eq!(petition.deadline_text, None);
    assert_eq!(item(&imp, "防汛物资储备").done, Some(true));
    assert_eq!(item(&imp, "村集体经济增收").done, None);
    // Not a task: the note row under the blank row.
    assert!(imp.lines[0].items().all(|i| !i.label.starts_with("注")));
    let (_dir, screen) = write_validate_render(imp, "2024-07-01");
    assert!(screen.contains("督查督办"), "{screen}");
    // A 完成率 is the row's value and its progress: written once on the card ('81% ▲  81%' said it
    // twice), its light's symbol apart from it ('●66.7%').
    let row = screen.lines().find(|l| l.contains("基层党组织")).unwrap();
    assert_eq!(row.matches("66.7%").count(), 1, "{row}");
    assert!(row.contains("● 66.7%"), "{row}");
}

#[test]
fn projects_on_two_sheets_with_a_two_row_header_and_excel_dates() {
    let imp = import("重点项目台账.xlsx");
    assert_eq!(imp.as_of, d("2024-06-30"));
    assert_eq!(
        imp.counts,
        [("产业项目".to_string(), 3), ("基础设施项目".to_string(), 2)]
    );
    let ids: Vec<&str> = imp.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["industry", "infrastructure"]);
    // Each sheet has its own title: the report is called after the file.
    assert_eq!(imp.town.title, "重点项目台账");
    // The 填表说明 sheet has no header: left out, with a warning naming it.
    let warnings: Vec<String> = imp.warnings.iter().map(|w| w.message(false)).collect();
    assert_eq!(
        warnings,
        ["重点项目台账.xlsx!填表说明: 未找到表头（需有“重点工作/工作任务/项目名称”等列），此表未导入"]
    );
    // Section rows (一、农业产业类) become groups.
    let groups: Vec<&str> = imp.lines[0]
        .groups
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(groups, ["农业产业类", "文旅融合类"]);
    let chicken = item(&imp, "禾源白羽鸡养殖项目");
    let p = chicken.project().unwrap();
    let inv = p.investment.as_ref().unwrap();
    assert_eq!(
        (inv.value, inv.unit.as_str()),
        (Some(Value::Num(1.2)), "亿元")
    );
    assert_eq!(p.status.as_deref(), Some("主体完工，设备安装中"));
    assert_eq!(p.problems, ["用电增容待审批"]);
    assert_eq!(chicken.deadline.map(|d| d.date()), Some(d("2024-07-31")));
    // "3200" typed as text under 累计完成投资 in the 投资情况（万元） header; the year's plan beside it.
    let money =
        |f: &Option<huibao::model::format::Figure>| f.as_ref().map(|f| (f.value, f.unit.clone()));
    assert_eq!(
        money(&p.cumulative),
        Some((Some(Value::Num(3200.0)), "万元".into()))
    );
    assert_eq!(
        money(&p.annual_plan),
        Some((Some(Value::Num(5000.0)), "万元".into()))
    );
    assert_eq!(p.annual_done, None, "no 年度完成投资 column");
    let park = item(&imp, "汤西现代农业产业园");
    assert_eq!(park.leader.as_deref(), Some("赵刚"), "merged D6:D7");
    let pp = park.project().unwrap();
    assert_eq!(
        money(&pp.investment),
        Some((Some(Value::Num(8000.0)), "万元".into()))
    );
    assert_eq!(
        money(&pp.cumulative),
        Some((Some(Value::Num(1500.0)), "万元".into()))
    );
    // 形象进度 已流转土地420亩: the value the row states.
    assert_eq!(park.figures[0].value, Some(Value::Num(420.0)));
    assert_eq!(park.note.as_deref(), Some("续建"));
    let sewer = item(&imp, "镇区雨污分流改造");
    assert_eq!(sewer.deadline_text.as_deref(), Some("2024年12月"));
    let road = item(&imp, "农村公路提档升级");
    assert_eq!(
        road.project().unwrap().cumulative,
        None,
        "no 累计完成投资 stated"
    );
    assert_eq!(item(&imp, "慈口观温泉民宿提升").done, Some(true));
    let (_dir, screen) = write_validate_render(imp, "2024-07-01");
    assert!(screen.contains("产业项目"), "{screen}");
}

#[test]
fn legacy_xls_with_a_category_column_makes_one_line_per_category() {
    let imp = import("重点工作推进表.xls");
    assert_eq!(imp.as_of, d("2024-07-01"), "no 截至 date: today");
    let lines: Vec<(&str, &str, usize)> = imp
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str(), l.items().count()))
        .collect();
    assert_eq!(
        lines,
        [
            ("party", "党的建设", 2),
            ("economy", "经济发展", 3),
            ("livelihood", "民生保障", 1)
        ]
    );
    assert_eq!(
        item(&imp, "后备干部培养").leader.as_deref(),
        Some("李红"),
        "merged in .xls"
    );
    let investment = item(&imp, "招商引资");
    assert_eq!(investment.deadline.map(|d| d.date()), Some(d("2024-09-30")));
    assert_eq!(investment.deadline_text.as_deref(), Some("三季度末"));
    assert_eq!(
        item(&imp, "后备干部培养").deadline.map(|d| d.date()),
        Some(d("2024-07-20"))
    );
    assert_eq!(
        item(&imp, "规上企业培育").deadline.map(|d| d.date()),
        Some(d("2024-11-30"))
    );
    assert_eq!(item(&imp, "城乡居民医保征缴").done, Some(true));
    let (_dir, screen) = write_validate_render(imp, "2024-07-01");
    assert!(screen.contains("党的建设"), "{screen}");
}

#[test]
fn gbk_csv_saved_by_wps_fills_blank_owner_cells_from_above() {
    let imp = import("民生实事台账.csv");
    assert_eq!(imp.as_of, d("2024-09-30"));
    assert_eq!(imp.counts, [("民生实事台账".to_string(), 4)]);
    assert_eq!(imp.lines[0].title, "青山镇2024年民生实事推进台账");
    let warnings: Vec<String> = imp.warnings.iter().map(|w| w.message(false)).collect();
    assert_eq!(
        warnings,
        ["民生实事台账.csv!C4: 责任领导：此格式不保存合并单元格，2 个空格沿用了上一行的值"]
    );
    assert_eq!(item(&imp, "适老化改造").leader.as_deref(), Some("孙丽"));
    let water = item(&imp, "饮水安全巩固提升");
    assert_eq!(water.leader.as_deref(), Some("周涛"));
    assert_eq!(rate(water), Some(Value::Num(70.0)));
    assert!(water
        .source
        .contains("目标任务：更换管网6公里，新建蓄水池1座"));
    // 目标任务 新建公厕2座: the target the row states.
    let toilets = &item(&imp, "集镇公厕新建").figures;
    assert_eq!(toilets.len(), 1);
    assert_eq!(
        (toilets[0].target, toilets[0].unit.as_str()),
        (Some(Value::Num(2.0)), "座")
    );
    // 填表人 / 审核人 under a blank row are not tasks.
    assert_eq!(imp.items(), 4);
    let (_dir, screen) = write_validate_render(imp, "2024-10-08");
    assert!(screen.contains("农村改厕"), "{screen}");
}

#[test]
fn ods_with_percentage_and_date_cells() {
    let imp = import("安全生产台账.ods");
    assert_eq!(imp.lines[0].id, "safety");
    assert_eq!(rate(item(&imp, "燃气安全专项整治")), Some(Value::Num(80.0)));
    assert_eq!(
        rate(item(&imp, "“九小场所”消防检查")),
        Some(Value::Num(75.0))
    );
    let houses = item(&imp, "自建房安全隐患排查");
    assert_eq!(houses.deadline.map(|d| d.date()), Some(d("2024-09-30")));
    assert_eq!(houses.office.as_deref(), Some("城建办"), "牵头单位");
    assert_eq!(
        item(&imp, "“九小场所”消防检查").deadline_text.as_deref(),
        Some("下半年")
    );
    let (_dir, screen) = write_validate_render(imp, "2024-07-01");
    assert!(screen.contains("安全生产"), "{screen}");
}

fn problems(name: &str, opts: &Options, en: bool) -> Vec<String> {
    match import_file(&fixture(name), name, opts) {
        Ok(_) => panic!("{name} imported"),
        Err(p) => p.iter().map(|p| p.message(en)).collect(),
    }
}

#[test]
fn bad_cells_are_named_by_file_sheet_and_cell() {
    assert_eq!(
        problems("bad/日期有误.xlsx", &options(), false),
        ["bad/日期有误.xlsx!重点项目!E7: 完成时限：无法识别的日期 \"6月35日\""]
    );
    assert_eq!(
        problems("bad/日期有误.xlsx", &options(), true),
        ["bad/日期有误.xlsx!重点项目!E7: 完成时限: unrecognised date \"6月35日\""]
    );
    assert_eq!(
        problems("bad/数字有误.xlsx", &options(), false),
        [
            "bad/数字有误.xlsx!Sheet1!D2: 完成率：无法识别的百分比 \"约六成\"",
            "bad/数字有误.xlsx!Sheet1!E3: 计划投资（万元）：无法识别的数字 \"三百\"",
        ]
    );
    // A length typed in a money column (written by hand, not by make_fixtures.py).
    assert_eq!(
        problems("bad/投资单位有误.csv", &options(), false),
        ["bad/投资单位有误.csv!D4: 累计完成投资（万元）：投资应以万元或亿元计，这里是 \"约260米\""]
    );
    assert_eq!(
        problems("bad/投资单位有误.csv", &options(), true),
        ["bad/投资单位有误.csv!D4: 累计完成投资（万元）: an investment is in 万元 or 亿元, not \"约260米\""]
    );
    assert_eq!(
        problems("bad/没有表头.xlsx", &options(), false),
        [
            "bad/没有表头.xlsx!汇总: 未找到表头（需有“重点工作/工作任务/项目名称”等列），此表未导入",
            "bad/没有表头.xlsx: 没有一张表找到表头（需有“重点工作/工作任务/项目名称”等列）；可用 --map 列名=task 指定",
        ]
    );
}

#[test]
fn map_names_a_column_the_names_do_not_know() {
    let mut opts = options();
    opts.map = vec![("本周无新增事项".into(), huibao::import::Field::Task)];
    // The sheet's only text is not a header even when mapped: a task column alone is no table.
    assert!(import_file(&fixture("bad/没有表头.xlsx"), "x", &opts).is_err());
    let mut opts = options();
    opts.map = vec![
        ("建设内容".into(), huibao::import::Field::Target),
        ("不存在".into(), huibao::import::Field::Note),
    ];
    let imp = import_file(&fixture("重点项目台账.xlsx"), "重点项目台账.xlsx", &opts).unwrap();
    let warnings: Vec<String> = imp.warnings.iter().map(|w| w.message(false)).collect();
    assert!(
        warnings.contains(&"重点项目台账.xlsx: --map 指定的列 \"不存在\" 不在表头中".to_string()),
        "{warnings:?}"
    );
}

#[test]
fn a_years_plan_column_is_read_and_an_unknown_column_of_numbers_is_told() {
    let name = "年度计划列.csv";
    let imp = import(name);
    let items: Vec<&Item> = imp
        .lines
        .iter()
        .flat_map(|l| l.groups.iter().flat_map(|g| &g.items))
        .collect();
    let plans: Vec<Option<Value>> = items
        .iter()
        .map(|it| it.project()?.annual_plan.as_ref()?.value)
        .collect();
    // 2024年计划投资 is the year's plan (it was dropped: neither 年度计划投资 nor 总投资).
    assert_eq!(
        plans,
        [Some(Value::Num(1500.0)), Some(Value::Num(1200.0))],
        "{items:#?}"
    );
    let warnings: Vec<String> = imp.warnings.iter().map(|w| w.message(false)).collect();
    assert_eq!(
        warnings,
        ["年度计划列.csv!C2: 建设规模（亩）：不是已知的列名，其中的数字只保留在每行的原文里；如需作为数字导入，用 --map 建设规模=字段（字段见 huibao import --help）"]
    );
}
