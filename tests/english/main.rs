//! `--lang en` says every problem with the data in English: every broken fixture and every bad county
//! folder without a Han character beyond what it quotes from the data (units, labels, names), and each
//! family of the checks' messages in its English words, beside the Chinese it has always had.

mod checks;

use huibao::commands::validate::{check_county, check_path, Report};
use huibao::model::say::{diagnostic, message};
use huibao::model::{Diagnostic, Lang};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A Han character or a full-width punctuation mark (，：（）…).
fn chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// A message without what it quotes from the data: texts in “…” or "…", and the unit written right
/// after a number (177名, 6.3亿元).
fn own_words(msg: &str) -> String {
    let mut out = String::new();
    let mut closing = None;
    let mut after_number = false;
    for c in msg.chars() {
        match closing {
            Some(q) if c == q => closing = None,
            Some(_) => {}
            None if c == '“' => closing = Some('”'),
            None if c == '"' => closing = Some('"'),
            None if after_number && chinese(c) => continue,
            None => out.push(c),
        }
        after_number = c.is_ascii_digit() || (after_number && chinese(c));
    }
    out
}

/// Asserts every problem is said in English, and printed with `error:` or `warning:`.
pub(crate) fn assert_english(what: &str, problems: &[Diagnostic]) {
    for d in problems {
        let said = message(&d.message, Lang::En);
        assert!(
            !own_words(&said).chars().any(chinese),
            "{what}: Chinese in the English message: {said}"
        );
        let line = diagnostic(d, Lang::En);
        assert!(
            line.contains(": error: ") || line.contains(": warning: "),
            "{what}: {line}"
        );
    }
}

#[test]
fn every_broken_fixture_is_said_in_english() {
    let dir = fixtures().join("broken");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    let mut said = 0;
    for path in names {
        let report = check_path(&path);
        said += report.problems.len();
        assert_english(&path.display().to_string(), &report.problems);
    }
    assert!(said >= 20, "{said} problems");
}

/// A copy of the county fixture in a temporary folder, changed by `edit`, as `validate` checks it.
fn county_variant(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, Report) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.path().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    copy(&fixtures().join("county"), tmp.path());
    edit(tmp.path());
    let report = check_county(tmp.path());
    (tmp, report)
}

fn set_towns(dir: &Path, towns: &str) {
    let text = format!("{{\n  \"name\": \"示例县\",\n  \"towns\": {towns}\n}}\n");
    std::fs::write(dir.join("county.json"), text).unwrap();
}

fn drop_line(dir: &Path, town: &str, line: &str) {
    for e in std::fs::read_dir(dir.join(town)).unwrap().flatten() {
        let _ = std::fs::remove_file(e.path().join(format!("{line}.json")));
    }
}

/// The county's own problems (about county.json), in English and Chinese.
fn county_said(report: &Report) -> Vec<(String, String)> {
    report
        .problems
        .iter()
        .filter(|d| d.path.ends_with("county.json"))
        .map(|d| (message(&d.message, Lang::En), message(&d.message, Lang::Zh)))
        .collect()
}

/// A change to a copy of the county fixture.
type Edit = Box<dyn FnOnce(&Path)>;

#[test]
fn every_bad_county_folder_is_said_in_english() {
    let report = check_county(&fixtures().join("county"));
    assert_english("the county fixture", &report.problems);
    let edits: Vec<(&str, Edit)> = vec![
        (
            "missing",
            Box::new(|d: &Path| set_towns(d, r#"["dongshan", "beishan"]"#)),
        ),
        ("empty", Box::new(|d: &Path| set_towns(d, "[]"))),
        (
            "twice",
            Box::new(|d: &Path| set_towns(d, r#"["xihe", "xihe"]"#)),
        ),
        (
            "lines",
            Box::new(|d: &Path| drop_line(d, "xihe", "targets")),
        ),
        (
            "unlisted",
            Box::new(|d: &Path| std::fs::create_dir(d.join("中心镇")).unwrap()),
        ),
        (
            "no county.json",
            Box::new(|d: &Path| std::fs::remove_file(d.join("county.json")).unwrap()),
        ),
    ];
    for (what, edit) in edits {
        let (_t, report) = county_variant(edit);
        assert!(!report.problems.is_empty(), "{what}");
        assert_english(what, &report.problems);
    }
}

#[test]
fn county_checks() {
    let (t, r) =
        county_variant(|d| set_towns(d, r#"["dongshan", "xihe", "nanling", "mudong", "beishan"]"#));
    let shown = format!("{}/beishan", t.path().display());
    assert_eq!(
        county_said(&r),
        [(
            format!("the listed town “beishan” has no folder {shown}"),
            format!("列出的镇“beishan”没有对应的文件夹 {shown}")
        )]
    );
    let (_t, r) = county_variant(|d| set_towns(d, r#"["xihe", "dongshan", "xihe"]"#));
    let said = county_said(&r);
    assert_eq!(
        said[..2],
        [
            (
                "a town name twice: town 3 “西河镇” (xihe) has the name of town 1 “西河镇” (xihe); the ranking and search cannot tell them apart".to_string(),
                "镇名重复：第3个镇“西河镇”（xihe）与第1个镇“西河镇”（xihe）同名，排名和搜索无法区分".to_string()
            ),
            (
                "the folder “mudong” is not listed in towns and is not shown; if it is a town, add “mudong” to towns".to_string(),
                "文件夹“mudong”未列入 towns，未显示；如是一个镇，请把“mudong”加入 towns".to_string()
            ),
        ]
    );
    let (_t, r) = county_variant(|d| set_towns(d, "[]"));
    assert_eq!(
        county_said(&r)[0],
        (
            "towns is empty: list the towns' folder names in order".to_string(),
            "towns 为空：请按顺序列出各镇的文件夹名".to_string()
        )
    );
    let (t, r) = county_variant(|d| {
        std::fs::remove_dir_all(d.join("nanling")).unwrap();
        std::fs::create_dir(d.join("nanling")).unwrap();
        std::fs::write(d.join("nanling/town.json"), r#"{"name": "南岭镇"}"#).unwrap();
    });
    let shown = format!("{}/nanling", t.path().display());
    assert_eq!(
        county_said(&r),
        [(
            format!("the town “nanling” has no snapshot: {shown} should hold folders named like 2023-06-30"),
            format!("镇“nanling”没有任何快照：{shown} 下应有形如 2023-06-30 的文件夹")
        )]
    );
}

#[test]
fn towns_with_other_work_lines() {
    let tail = (
        " (towns are compared line by line as their data stand)",
        "（各镇按工作线比较时以实际数据为准）",
    );
    for (drop, en, zh) in [
        (
            &[("xihe", "targets")][..],
            ": missing targets",
            "：缺少 targets",
        ),
        (
            &[("dongshan", "targets"), ("dongshan", "party")][..],
            "; extra party, targets",
            "；多出 party、targets",
        ),
        (
            &[
                ("xihe", "targets"),
                ("xihe", "party"),
                ("dongshan", "safety"),
            ][..],
            ": missing party, targets; extra safety",
            "：缺少 party、targets；多出 safety",
        ),
    ] {
        let (_t, r) = county_variant(|d| {
            for (town, line) in drop {
                drop_line(d, town, line);
            }
        });
        assert_eq!(
            county_said(&r),
            [(
                format!(
                    "the work lines of “西河镇” differ from those of “东山镇”{en}{}",
                    tail.0
                ),
                format!("镇“西河镇”的工作线与“东山镇”不同{zh}{}", tail.1)
            )],
            "{drop:?}"
        );
    }
}

#[test]
fn a_town_without_figures_says_why_in_english() {
    use huibao::model::county::load_county;
    let county = load_county(&fixtures().join("county"));
    let nanling = county.towns[2].failure.as_ref().expect("nanling fails");
    let (en, zh) = (nanling.text(Lang::En), nanling.text(Lang::Zh));
    assert!(en.starts_with("not loaded: town.json:4:1: error: "), "{en}");
    assert!(!own_words(&en).chars().any(chinese), "{en}");
    assert!(zh.starts_with("未能加载：town.json:4:1: 错误: "), "{zh}");
    assert_eq!(zh, nanling.to_string());
    let (t, _) = county_variant(|d| set_towns(d, r#"["dongshan", "beishan"]"#));
    let county = load_county(t.path());
    let missing = county.towns[1].failure.as_ref().expect("beishan fails");
    assert_eq!(
        (missing.text(Lang::En), missing.text(Lang::Zh)),
        ("the folder does not exist".into(), "文件夹不存在".into())
    );
    let (t, _) = county_variant(|d| {
        std::fs::remove_dir_all(d.join("nanling")).unwrap();
        std::fs::create_dir(d.join("nanling")).unwrap();
    });
    let at = huibao::model::county::load_county_at(t.path(), "2024-05-01".parse().ok());
    let empty = at.towns[2]
        .failure
        .as_ref()
        .expect("nanling has no snapshot");
    assert_eq!(
        (empty.text(Lang::En), empty.text(Lang::Zh)),
        (
            "no snapshot on or before 2024-05-01".into(),
            "2024-05-01 及以前没有快照".into()
        )
    );
    let county = load_county(t.path());
    let none = county.towns[2]
        .failure
        .as_ref()
        .expect("nanling has no snapshot");
    assert_eq!(
        none.text(Lang::En),
        "no snapshot (folders named like 2023-06-30 belong here)"
    );
}
