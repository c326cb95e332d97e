//! The `huibao import` command as a clerk runs it: it writes once, refuses to overwrite, keeps ids
//! with `--into`, says why a file cannot be read, and takes `--map` for columns named otherwise.

use huibao::commands::validate::check_data_folder;
use huibao::import::{import_file, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn options() -> Options {
    Options {
        today: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        ..Options::default()
    }
}

fn huibao(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_command_writes_once_refuses_to_overwrite_and_keeps_ids_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_s = data.to_str().unwrap();
    let table = fixture("督查督办台账.xlsx");
    let table_s = table.to_str().unwrap();
    let (code, out, err) = huibao(&["import", table_s, "-o", data_s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已导入 7 项"), "{out}");
    let written = std::fs::read_to_string(data.join("2024-06-30/supervision.json")).unwrap();
    // A second run: the folder exists; nothing changes.
    let (code, _, err) = huibao(&["import", table_s, "-o", data_s]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("--into"), "{err}");
    // The same date into the folder: refused without --force.
    let (code, _, err) = huibao(&["import", table_s, "--into", data_s]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(data.join("2024-06-30/supervision.json")).unwrap(),
        written
    );
    // Next week's table: the ids of the same tasks are kept, as an edit that moves rows shows.
    let (code, out, err) = huibao(&["import", table_s, "--into", data_s, "--as-of", "2024-07-07"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("7 项沿用原编号"), "{out}");
    let next = std::fs::read_to_string(data.join("2024-07-07/supervision.json")).unwrap();
    assert!(next.contains("\"supervision.07\""));
    assert!(check_data_folder(&data).problems.is_empty());
    // A bad table writes nothing and says where.
    let bad = fixture("bad/日期有误.xlsx");
    let (code, out, _) = huibao(&[
        "import",
        bad.to_str().unwrap(),
        "-o",
        dir.path().join("bad").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        out.contains("!重点项目!E7: 完成时限：无法识别的日期 \"6月35日\""),
        "{out}"
    );
    assert!(!dir.path().join("bad").exists());
}

#[test]
fn files_that_cannot_be_read_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let one = |path: &Path, name: &str, en: bool| -> Vec<String> {
        match import_file(path, name, &options()) {
            Ok(_) => panic!("{name} imported"),
            Err(p) => p.iter().map(|p| p.message(en)).collect(),
        }
    };
    assert_eq!(
        one(&dir.path().join("无此文件.xlsx"), "无此文件.xlsx", false),
        ["无此文件.xlsx: 找不到这个文件"]
    );
    let fake = at("台账.xlsx", b"this is not a zip file at all");
    assert_eq!(
        one(&fake, "台账.xlsx", false),
        ["台账.xlsx: 无法打开表格：文件已损坏，或不是扩展名所示的格式（可用 Excel/WPS 另存一次）"]
    );
    let doc = at("台账.docx", b"PK");
    assert_eq!(
        one(&doc, "台账.docx", true),
        ["台账.docx: only tables can be imported (.xlsx, .xls, .et, .ods, .csv, a table saved as a web page, .htm, or an XML spreadsheet, .xml); for a written report (.docx) use huibao extract"]
    );
    // UTF-8 with one broken byte on line 2 is UTF-8 with a mistake, not GBK.
    let mut bytes = "序号,重点工作\n1,秸秆禁烧".as_bytes().to_vec();
    bytes.extend([0xff, b'\n']);
    let csv = at("台账.csv", &bytes);
    let msg = one(&csv, "台账.csv", false);
    assert_eq!(msg.len(), 1, "{msg:?}");
    assert!(
        msg[0].starts_with("台账.csv: 无法识别文件编码（第2行第"),
        "{msg:?}"
    );
}

#[test]
fn map_gives_unknown_column_names_a_meaning_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("村道.csv");
    std::fs::write(
        &csv,
        "序号,名称,包保干部,截止日期,进度\n1,村道硬化,张三,2024-09-30,50%\n2,路灯安装,李四,9月底前,80%\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let (csv_s, data_s) = (csv.to_str().unwrap(), data.to_str().unwrap());
    let (code, out, _) = huibao(&["import", csv_s, "-o", data_s, "--town", "青山镇"]);
    assert_eq!(code, 2);
    assert!(out.ends_with("可用 --map 列名=task 指定\n"), "{out}");
    let (code, _, err) = huibao(&["import", csv_s, "-o", data_s, "--map", "名称=boss"]);
    assert_eq!(code, 2);
    assert!(err.contains("不认识的字段 \"boss\""), "{err}");
    let maps = [
        "名称=task",
        "包保干部=leader",
        "截止日期=deadline",
        "进度=rate",
    ];
    let mut args = vec![
        "--today",
        "2024-07-01",
        "import",
        csv_s,
        "-o",
        data_s,
        "--town",
        "青山镇",
    ];
    for m in &maps {
        args.extend(["--map", m]);
    }
    let (code, out, err) = huibao(&args);
    assert_eq!(code, 0, "{out}{err}");
    let line = std::fs::read_to_string(data.join("2024-07-01/line-1.json")).unwrap();
    for part in [
        "\"label\": \"路灯安装\"",
        "\"leader\": \"李四\"",
        "\"deadline\": \"2024-09-30\"",
        "\"deadline_text\": \"9月底前\"",
        "\"value\": 80",
    ] {
        assert!(line.contains(part), "{part} in {line}");
    }
    assert!(check_data_folder(&data).problems.is_empty());
}

#[test]
fn what_validate_would_say_about_the_new_snapshot_is_shown_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("管网.csv");
    std::fs::write(
        &csv,
        "青山镇2024年台账\n序号,项目名称,总投资（万元）,累计完成投资（万元）\n1,污水管网,800,1000\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let args = [
        "--today",
        "2024-07-01",
        "import",
        csv.to_str().unwrap(),
        "-o",
        data.to_str().unwrap(),
    ];
    let (code, out, err) = huibao(&args);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("已导入 1 项（管网 1 项）"), "{out}");
    // The table says more was spent than the whole project costs: written as stated, and said.
    assert!(
        lines[1].contains(
            "groups[0].items[0].project.cumulative: 累计完成投资 1000万元 超过总投资 800万元"
        ),
        "{out}"
    );
}
