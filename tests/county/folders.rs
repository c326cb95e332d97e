//! Every kind of bad county folder, each with its message; `validate` on a county.

use super::{fixture, variant};
use huibao::cli::Lang;
use huibao::commands::validate::check_county;
use huibao::model::county::County;
use huibao::model::diag::Severity;
use huibao::model::say::message;
use std::path::Path;

fn messages(c: &County) -> Vec<String> {
    c.problems
        .iter()
        .map(|d| {
            let file = d.path.rsplit('/').next().unwrap_or_default().to_string();
            let place = d.to_string();
            let place = place.split_once(": ").map_or("", |(p, _)| p);
            let place = place.rsplit_once("county.json").map_or("", |(_, r)| r);
            format!("{file}{place}: {}", message(&d.message, Lang::Zh))
        })
        .collect()
}

fn set_towns(dir: &Path, towns: &str) {
    let text = format!("{{\n  \"name\": \"示例县\",\n  \"towns\": {towns}\n}}\n",);
    std::fs::write(dir.join("county.json"), text).unwrap();
}

#[test]
fn a_listed_town_without_its_folder() {
    let (_t, c) =
        variant(|d| set_towns(d, r#"["dongshan", "xihe", "nanling", "mudong", "beishan"]"#));
    assert_eq!(
        messages(&c),
        [
            "county.json:3:54: 列出的镇“beishan”没有对应的文件夹 ".to_string()
                + &format!("{}/beishan", _t.path().display())
        ]
    );
    assert_eq!(
        c.towns[4]
            .failure
            .as_ref()
            .map(|f| f.to_string())
            .as_deref(),
        Some("文件夹不存在")
    );
}

#[test]
fn a_folder_not_listed() {
    let (_t, c) = variant(|d| {
        std::fs::create_dir(d.join("zhongxin")).unwrap();
    });
    assert_eq!(
        messages(&c),
        ["county.json: 文件夹“zhongxin”未列入 towns，未显示；如是一个镇，请把“zhongxin”加入 towns"]
    );
    assert_eq!(c.problems[0].severity, Severity::Warning);
    assert_eq!(c.towns.len(), 4, "not shown");
}

#[test]
fn two_towns_with_one_name() {
    let (_t, c) = variant(|d| {
        let p = d.join("xihe/town.json");
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace("西河镇", "东山镇");
        std::fs::write(p, text).unwrap();
    });
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇名重复：第2个镇“东山镇”（xihe）与第1个镇“东山镇”（dongshan）同名，排名和搜索无法区分"]
    );
    assert_eq!(c.problems[0].severity, Severity::Error);
}

#[test]
fn a_town_listed_twice() {
    let (_t, c) = variant(|d| set_towns(d, r#"["dongshan", "dongshan"]"#));
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇名重复：第2个镇“东山镇”（dongshan）与第1个镇“东山镇”（dongshan）同名，排名和搜索无法区分",
         "county.json: 文件夹“mudong”未列入 towns，未显示；如是一个镇，请把“mudong”加入 towns",
         "county.json: 文件夹“nanling”未列入 towns，未显示；如是一个镇，请把“nanling”加入 towns",
         "county.json: 文件夹“xihe”未列入 towns，未显示；如是一个镇，请把“xihe”加入 towns"]
    );
}

#[test]
fn a_town_with_no_snapshot() {
    let (_t, c) = variant(|d| {
        std::fs::remove_dir_all(d.join("nanling")).unwrap();
        std::fs::create_dir(d.join("nanling")).unwrap();
        std::fs::write(d.join("nanling/town.json"), r#"{"name": "南岭镇"}"#).unwrap();
    });
    let m = messages(&c);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("county.json:3:33: 镇“nanling”没有任何快照："),
        "{m:?}"
    );
    assert!(
        m[0].ends_with("nanling 下应有形如 2023-06-30 的文件夹"),
        "{m:?}"
    );
    assert_eq!(
        c.towns[2]
            .failure
            .as_ref()
            .map(|f| f.to_string())
            .as_deref(),
        Some("没有快照（应有形如 2023-06-30 的文件夹）")
    );
    assert_eq!(c.towns[2].name, "南岭镇");
}

#[test]
fn towns_with_different_work_lines() {
    let (_t, c) = variant(|d| {
        for day in ["2024-04-12", "2024-04-19", "2024-04-26"] {
            std::fs::remove_file(d.join("xihe").join(day).join("targets.json")).unwrap();
        }
    });
    assert_eq!(
        messages(&c),
        ["county.json:3:25: 镇“西河镇”的工作线与“东山镇”不同：缺少 targets（各镇按工作线比较时以实际数据为准）"]
    );
    assert_eq!(c.problems[0].severity, Severity::Warning);
}

#[test]
fn a_broken_county_file() {
    let (_t, c) = variant(|d| {
        std::fs::write(
            d.join("county.json"),
            "{\n  \"name\": \"示例县\",\n  \"town\": []\n}\n",
        )
        .unwrap()
    });
    assert_eq!(c.problems.len(), 1);
    assert!(c.towns.is_empty());
    assert!(
        c.problems[0].to_string().contains("county.json:3:3"),
        "{}",
        c.problems[0]
    );
}

#[test]
fn validate_checks_the_county_file_and_every_town() {
    let r = check_county(&fixture());
    let lines = r.lines(huibao::cli::Lang::Zh);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/county/nanling/town.json:4:1:")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/county/nanling/2024-05-03/party.json")),
        "{lines:#?}"
    );
    assert_eq!(r.errors(), 2, "{lines:#?}");
    // Every town's whole history is read: 3 + 3 snapshots of 5 lines (less the skipped weeks of
    // `infra`), two town.json, the broken town's two files and county.json.
    assert!(r.files > 30, "{}", r.files);
}
