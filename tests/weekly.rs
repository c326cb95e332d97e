//! The week-to-week cycle as an office runs it, through the binary: a report extracted one week,
//! `new` and hand edits the next, next week's report `--into` the folder; what the dashboard then
//! says changed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn huibao(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// A short report of one week, written beside the data folder.
fn report(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap_or_else(|e| panic!("{e}"));
    p
}

/// Rewrites one snapshot file as a clerk does in an editor.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap_or_else(|e| panic!("{e}"));
}

const WEEK1: &str = "今年以来工作汇报如下：\n一、工作总结\n（一）抓好夏粮收购\n1、抓好收购。本周新收购小麦1200吨，带动农户增收50万元。\n";

fn render(data: &Path, today: &str, keys: &str) -> String {
    let (code, out, err) = huibao(
        data,
        &[
            "render", "--today", today, "--size", "120x40", "--format", "text", "--keys", keys,
        ],
    );
    assert_eq!(code, 0, "{err}");
    out
}

/// A report (`text`, saved as `name`) drafted `--into` the data folder as of `as_of`.
fn extract_into(
    dir: &Path,
    data: &Path,
    name: &str,
    text: &str,
    as_of: &str,
) -> (i32, String, String) {
    let r = report(dir, name, text);
    let d = data.to_string_lossy();
    huibao(
        data,
        &[
            "extract",
            &r.to_string_lossy(),
            "--into",
            &d,
            "--as-of",
            as_of,
        ],
    )
}

/// The seed report drafted into a new data folder `data` (its own date); returns the report's path.
fn seed_first(data: &Path) -> std::path::PathBuf {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/seed_report.txt");
    let d = data.to_string_lossy();
    let (code, _, err) = huibao(data, &["extract", &seed.to_string_lossy(), "-o", &d]);
    assert_eq!(code, 0, "{err}");
    seed
}

/// Week 1 (2023-07-07) drafted from its report into a new data folder `data`.
fn first_week(dir: &Path, data: &Path) {
    let r = report(dir, "w1.txt", WEEK1);
    let (code, _, err) = huibao(
        data,
        &[
            "extract",
            &r.to_string_lossy(),
            "-o",
            &data.to_string_lossy(),
            "--as-of",
            "2023-07-07",
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_items_history_shows_each_week_in_its_own_unit_and_converts_the_change() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    first_week(dir.path(), &data);
    let (code, _, err) = huibao(&data, &["new", "2023-07-14"]);
    assert_eq!(code, 0, "{err}");
    // The clerk writes this week's purchase in 万吨.
    let file = data.join("2023-07-14/line1.json");
    edit(&file, "\"value\": 1200,\n", "\"value\": 0.25,\n");
    edit(&file, "\"unit\": \"吨\"", "\"unit\": \"万吨\"");
    let line = render(&data, "2023-07-15", "1");
    let row = line
        .lines()
        .find(|l| l.contains("新收购小麦"))
        .unwrap_or_default();
    assert!(row.contains("0.25万吨") && row.contains("+0.13"), "{line}");
    let item = render(&data, "2023-07-15", "1 Enter");
    // Last week stays 1200吨 (not 1200万吨), and the change is the converted one, as on the line.
    assert!(item.contains("2023-07-07  1200吨"), "{item}");
    assert!(
        !item.contains("1200万吨") && !item.contains("-1199.75"),
        "{item}"
    );
    let this = item.lines().find(|l| l.contains("2023-07-14  0.25万吨"));
    assert!(this.is_some_and(|l| l.contains("+0.13")), "{item}");
}

#[test]
fn a_weeks_report_and_its_taizhang_make_one_snapshot_and_forcing_one_keeps_the_other() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    first_week(dir.path(), &data);
    let table =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/民生实事台账.csv");
    let table = table.to_string_lossy();
    let import = |force: bool| {
        let mut args = vec!["import", &*table, "--into", "", "--as-of", "2023-07-07"];
        let d = data.to_string_lossy();
        args[3] = &d;
        if force {
            args.push("--force");
        }
        huibao(&data, &args)
    };
    // The same week's 台账 goes in beside the report's lines, without --force, and says so.
    let (code, out, err) = import(false);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2023-07-07 另有 1 个工作线文件未改动：line1.json（另一份汇报或台账的；已不需要的请手动删除）"),
        "{out}"
    );
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d.join("2023-07-07"))
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let both = names(&data);
    assert!(
        both.contains(&"line1.json".to_string()) && both.len() >= 2,
        "{both:?}"
    );
    // Again: its own file exists, so refused; with --force the report's line stays.
    let (code, _, err) = import(false);
    assert_eq!(code, 3, "{err}");
    let town = std::fs::read_to_string(data.join("town.json")).unwrap_or_default();
    let (code, _, err) = import(true);
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(&data), both);
    // The office's town.json (name, title, order, thresholds) is not replaced by the table's.
    assert_eq!(
        std::fs::read_to_string(data.join("town.json")).unwrap_or_default(),
        town
    );
}

#[test]
fn a_taizhang_drafted_under_the_id_of_a_report_line_gets_its_own_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("tests/fixtures/ingest/seed_report.txt");
    let d = data.to_string_lossy().into_owned();
    let (code, _, err) = huibao(&data, &["extract", &seed.to_string_lossy(), "-o", &d]);
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read_to_string(data.join("2023-06-30/livelihood.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    // The 民生实事 台账 is drafted as `livelihood`, the id of the report's 民生保障 line.
    let table = root.join("tests/fixtures/import/民生实事台账.csv");
    let args = [
        "import",
        &*table.to_string_lossy(),
        "--into",
        &d,
        "--as-of",
        "2023-06-30",
    ];
    let (code, _, err) = huibao(&data, &args);
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(data.join("2023-06-30/livelihood.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before, after);
    let ledger = std::fs::read_to_string(data.join("2023-06-30/livelihood-2.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        ledger.contains("\"id\": \"livelihood-2\"") && ledger.contains("农村改厕"),
        "{ledger}"
    );
    // Next week's report keeps 民生保障 as `livelihood`, reworded item and all.
    let week2 = std::fs::read_to_string(&seed).unwrap_or_default().replace(
        "今年以来有效处置化解2次意识形态方面网络舆情信息",
        "今年以来共妥善处置网络舆情信息3次",
    );
    let (code, out, err) = extract_into(dir.path(), &data, "w2.txt", &week2, "2023-07-07");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("“处置化解意识形态方面网络舆情信息” → “妥善处置网络舆情信息”"),
        "{out}"
    );
    let line = render(&data, "2023-07-08", "1");
    let row = line
        .lines()
        .find(|l| l.contains("妥善处置网络舆情信息"))
        .unwrap_or_default();
    assert!(row.contains("3次") && row.contains("+1"), "{line}");
    assert!(!line.contains("已移除"), "{line}");
    // The note names the file and the id kept; giving the item an id of its own there undoes it.
    let note = out
        .lines()
        .find(|l| l.contains("→ “妥善处置网络舆情信息”"))
        .unwrap_or_default();
    let (_, place) = note.split_once('（').unwrap_or_default();
    let (file, id) = place
        .trim_end_matches('）')
        .split_once("，编号 ")
        .unwrap_or_default();
    assert!(file.ends_with("2023-07-07/party.json"), "{note}");
    assert!(out.contains("改一个没用过的编号"), "{out}");
    edit(
        Path::new(file),
        &format!("\"id\": \"{id}\""),
        &format!("\"id\": \"{id}-new\""),
    );
    let line = render(&data, "2023-07-08", "1");
    let row = line
        .lines()
        .find(|l| l.contains("妥善处置网络舆情信息"))
        .unwrap_or_default();
    assert!(row.contains("新增"), "{line}");
    let (code, brief, err) = huibao(&data, &["summary", "--today", "2023-07-08"]);
    assert_eq!(code, 0, "{err}");
    let gone = brief
        .lines()
        .find(|l| l.contains("处置化解意识形态方面网络舆情信息"))
        .unwrap_or_default();
    assert!(gone.contains("已移除"), "{brief}");
}

#[test]
fn the_brief_lists_a_figure_withheld_both_weeks_as_no_change() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    let seed = seed_first(&data);
    // Next week the office withholds one more figure; 培训干部**人次 stays withheld.
    let week2 = std::fs::read_to_string(&seed)
        .unwrap_or_default()
        .replace("检查维修共2340处", "检查维修共**处");
    let (code, _, err) = extract_into(dir.path(), &data, "w2.txt", &week2, "2023-07-07");
    assert_eq!(code, 0, "{err}");
    let (code, brief, err) = huibao(&data, &["summary", "--today", "2023-07-08"]);
    assert_eq!(code, 0, "{err}");
    let changes = brief.split("较上期变化").nth(1).unwrap_or_default();
    let changes = changes.split("\n## ").next().unwrap_or_default();
    // The figure that became withheld is a change whose size is unknown …
    assert!(
        changes.contains("| 改厕厕所检查维修 | 2340处 | \\*\\*处 | 不详 |"),
        "{changes}"
    );
    // … one withheld both weeks is not a change (the dashboard's counts do not count it either).
    assert!(!changes.contains("培训干部"), "{changes}");
}

#[test]
fn a_projects_history_follows_the_figure_its_line_shows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    let seed = seed_first(&data);
    let week2 = std::fs::read_to_string(&seed).unwrap_or_default().replace(
        "总投资1.2亿元禾源白羽鸡养殖项目",
        "总投资1.5亿元禾源白羽鸡养殖项目",
    );
    let (code, _, err) = extract_into(dir.path(), &data, "w2.txt", &week2, "2023-07-07");
    assert_eq!(code, 0, "{err}");
    // The line shows the project's investment and its change …
    let line = render(&data, "2023-07-08", "2");
    let row = line
        .lines()
        .find(|l| l.contains("禾源白羽鸡养殖项目"))
        .unwrap_or_default();
    assert!(row.contains("1.5亿元") && row.contains("+0.3"), "{line}");
    // … and so does its history, not the 养殖区 count that did not move.
    let item = render(&data, "2023-07-08", "2 Enter");
    let week = |d: &str| {
        item.lines()
            .find(|l| l.trim_start().starts_with(d))
            .unwrap_or_default()
    };
    assert!(week("2023-06-30").contains("1.2亿元"), "{item}");
    let now = week("2023-07-07");
    assert!(now.contains("1.5亿元") && now.contains("+0.3"), "{item}");
}

#[test]
fn the_brief_says_the_unit_of_a_change_across_a_change_of_unit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    first_week(dir.path(), &data);
    let week2 = WEEK1.replace("1200吨", "0.42万吨");
    let (code, _, err) = extract_into(dir.path(), &data, "w2.txt", &week2, "2023-07-14");
    assert_eq!(code, 0, "{err}");
    let (code, brief, err) = huibao(&data, &["summary", "--today", "2023-07-15"]);
    assert_eq!(code, 0, "{err}");
    // Not a bare +0.3 beside 1200吨, which would read as 0.3吨.
    assert!(
        brief.contains("| 1200吨 | 0.42万吨 | +0.3万吨 |"),
        "{brief}"
    );
}
