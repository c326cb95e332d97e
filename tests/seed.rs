//! The seed report's figures read back through the loader: from `data/` on disk and from the copy
//! compiled into the binary. Every figure checked here is one the report states.

use chrono::NaiveDate;
use huibao::model::load::{load_dir, load_embedded};
use huibao::model::numbers::to_wan;
use huibao::model::status::judge;
use huibao::model::{Dataset, Item, LineFile, Value};
use std::path::Path;

const SNAPSHOT: &str = "2023-06-30";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn from_folder() -> Dataset {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
}

fn file<'a>(ds: &'a Dataset, line: &str) -> &'a LineFile {
    &ds.line(line)
        .unwrap_or_else(|| panic!("line {line} is loaded"))
        .latest()
        .file
}

fn item<'a>(ds: &'a Dataset, line: &str, id: &str) -> &'a Item {
    file(ds, line)
        .items()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("item {id} in line {line}"))
}

/// Every value of a line file: figures (value and target), project investments and ledger totals.
fn values(f: &LineFile) -> Vec<Value> {
    let mut out = Vec::new();
    for it in f.items() {
        let investment = it.project().and_then(|p| p.investment.as_ref());
        for fig in it.figures.iter().chain(investment) {
            out.extend(fig.value);
            out.extend(fig.target);
        }
        if let Some(l) = it.ledger() {
            out.push(l.found);
            out.extend(l.rectified);
            out.extend(l.open);
        }
    }
    out
}

/// The seed report's figures, read back from `ds`: its lines, 禾源, 汤西, a ledger and what is withheld.
fn check_seed(ds: &Dataset) {
    check_lines(ds);
    check_heyuan(ds);
    check_tangxi(ds);
    check_ledger_and_withheld(ds);
}

/// The seed loads without problems: its town, its six lines in the town's order, one snapshot.
fn check_lines(ds: &Dataset) {
    let problems: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "the seed data loads without problems"
    );
    assert_eq!(ds.errors().count(), 0);

    assert_eq!(ds.town.name, "**镇");
    let ids: Vec<&str> = ds.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "party",
            "economy",
            "infrastructure",
            "safety",
            "livelihood",
            "targets"
        ]
    );
    assert_eq!(ids, ds.town.lines, "lines follow the town's order");
    assert_eq!(ds.dates, [day(SNAPSHOT)]);
}

/// 禾源白羽鸡养殖项目: its investment, its 5 areas and its three milestones.
fn check_heyuan(ds: &Dataset) {
    // 成功引进总投资1.2亿元禾源白羽鸡养殖项目，规划了5处养殖区 … 7月底前项目将建成投产 … 计划7月中旬项目开工建设，12月底前投产运营
    let heyuan = item(ds, "economy", "economy.heyuan-broiler");
    assert_eq!(heyuan.label, "禾源白羽鸡养殖项目");
    let project = heyuan.project().expect("禾源 is a project");
    let investment = project
        .investment
        .as_ref()
        .expect("禾源 states its investment");
    assert_eq!(
        (investment.value, investment.unit.as_str()),
        (Some(Value::Num(1.2)), "亿元")
    );
    assert_eq!(to_wan(Value::Num(1.2), &investment.unit), Some(12_000.0));
    let areas = &heyuan.figures[0];
    assert_eq!(
        (areas.label.as_deref(), areas.value, areas.unit.as_str()),
        (Some("养殖区"), Some(Value::Num(5.0)), "处")
    );
    let milestones: Vec<(NaiveDate, Option<&str>)> = project
        .milestones
        .iter()
        .map(|m| (m.due.date(), m.due_text.as_deref()))
        .collect();
    assert_eq!(
        milestones,
        [
            (day("2023-07-20"), Some("7月中旬")),
            (day("2023-07-31"), Some("7月底前")),
            (day("2023-12-31"), Some("12月底前")),
        ]
    );
}

/// 汤西现代农业产业园: 200 of 800 亩 planted, a quarter done.
fn check_tangxi(ds: &Dataset) {
    // 规划建设占地800亩的现代果业种植基地，目前200亩基地苗木已定植完成
    let tangxi = item(ds, "economy", "economy.tangxi-agri-park");
    assert_eq!(tangxi.label, "汤西现代农业产业园");
    let planted = &tangxi.figures[0];
    assert_eq!(
        (planted.value, planted.target, planted.unit.as_str()),
        (Some(Value::Num(200.0)), Some(Value::Num(800.0)), "亩")
    );
    let as_of = file(ds, "economy").as_of.date();
    assert_eq!(as_of, day(SNAPSHOT));
    assert_eq!(
        judge(tangxi, as_of, &ds.town.thresholds).progress,
        Some(0.25)
    );
}

/// The fire-hazard ledger, a withheld figure, and the 16 figures the report withholds.
fn check_ledger_and_withheld(ds: &Dataset) {
    // 发现并整改隐患11处
    let fire = item(ds, "safety", "safety.fire-hazards");
    let ledger = fire.ledger().expect("a hazard ledger");
    assert_eq!(
        (ledger.found, ledger.rectified, ledger.unit.as_str()),
        (Value::Num(11.0), Some(Value::Num(11.0)), "处")
    );

    // 培训干部**人次
    let trained = item(ds, "party", "party.trained-cadres");
    assert_eq!(trained.label, "培训干部");
    assert_eq!(
        (trained.figures[0].value, trained.figures[0].unit.as_str()),
        (Some(Value::Withheld), "人次")
    );

    let withheld = ds
        .lines
        .iter()
        .flat_map(|l| values(&l.latest().file))
        .filter(|v| *v == Value::Withheld)
        .count();
    assert_eq!(withheld, 16, "the report withholds 16 figures");
}

#[test]
fn seed_figures_from_the_data_folder() {
    check_seed(&from_folder());
}

#[test]
fn seed_figures_from_the_compiled_in_copy() {
    check_seed(&load_embedded());
}

#[test]
fn the_compiled_in_copy_matches_the_folder() {
    let (disk, embedded) = (from_folder(), load_embedded());
    assert_eq!(disk.town, embedded.town);
    assert_eq!(disk.lines.len(), embedded.lines.len());
    for (a, b) in disk.lines.iter().zip(&embedded.lines) {
        assert_eq!(a.latest().file, b.latest().file, "line {}", a.id);
    }
}

/// The overview's headline block: two projects, 1.2亿元 + 5000万元 summed in 万元 and shown as 1.7亿元.
#[test]
fn headline_block_sums_investment_in_wan() {
    use huibao::model::board::Board;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ds = huibao::model::load::load_dir(&dir);
    let board = Board::build(&ds, None);
    let text = huibao::model::wording::key_figures(&board, huibao::cli::Lang::Zh);
    assert_eq!(text, "项目2个 总投资1.7亿元 · 红灯0 黄灯0");
    let hist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history");
    let board = Board::build(&huibao::model::load::load_dir(&hist), None);
    let text = huibao::model::wording::key_figures(&board, huibao::cli::Lang::Zh);
    // projects.grain-dryer's investment is withheld: skipped and said so, never counted as 0.
    assert!(text.contains("(另1项未公开)"), "{text}");
}
