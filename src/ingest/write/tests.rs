use super::*;
use crate::model::format::Day;
use crate::model::Group;
use chrono::NaiveDate;

fn item(id: &str, label: &str, unit: &str) -> Item {
    serde_json::from_value(serde_json::json!({
        "id": id, "label": label, "source": format!("{label}6{unit}"),
        "figures": [ { "value": 6, "unit": unit } ]
    }))
    .unwrap_or_else(|e| panic!("{e}"))
}

fn line(id: &str, title: &str, items: Vec<Item>) -> LineFile {
    LineFile {
        schema: None,
        id: id.into(),
        title: title.into(),
        short: None,
        as_of: Day(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()),
        office: None,
        leader: None,
        role: crate::model::LineRole::Work,
        period: None,
        groups: vec![Group {
            title: "组".into(),
            period: None,
            items,
        }],
    }
}

fn drafted() -> Drafted {
    Drafted {
        town: Town {
            name: "**镇".into(),
            title: "汇报".into(),
            lines: vec!["party".into()],
            ..Town::default()
        },
        date: "2023-06-30".into(),
        lines: vec![line("party", "党建", vec![item("party.a", "会议", "次")])],
    }
}

#[test]
fn writes_a_new_folder_and_refuses_to_write_it_again() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("out");
    let written = write_drafted(&root, &drafted(), false).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(written.len(), 2);
    assert!(root.join("town.json").is_file());
    assert!(root.join("2023-06-30/party.json").is_file());
    let before = std::fs::read_to_string(root.join("2023-06-30/party.json")).unwrap_or_default();
    // The same date again: refused, nothing touched.
    let mut other = drafted();
    other.lines[0].title = "改过".into();
    match write_drafted(&root, &other, false) {
        Err(e @ WriteError::Exists(_)) => {
            assert!(e.message(false).contains("--force"));
            assert_eq!(e.code(), ExitCode::from(exit::EXISTS));
        }
        r => panic!("expected a refusal, got {r:?}"),
    }
    let after = std::fs::read_to_string(root.join("2023-06-30/party.json")).unwrap_or_default();
    assert_eq!(before, after);
    // With --force it is replaced, and no temporary file is left behind.
    write_drafted(&root, &other, true).unwrap_or_else(|e| panic!("{e:?}"));
    let forced = std::fs::read_to_string(root.join("2023-06-30/party.json")).unwrap_or_default();
    assert!(forced.contains("改过"));
    let names: Vec<String> = std::fs::read_dir(root.join("2023-06-30"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["party.json"]);
}

#[test]
fn an_existing_town_json_is_kept_and_a_new_date_added() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    write_drafted(root, &drafted(), false).unwrap_or_else(|e| panic!("{e:?}"));
    let town = std::fs::read_to_string(root.join("town.json")).unwrap_or_default();
    let mut next = drafted();
    next.date = "2023-07-07".into();
    next.town.title = "别的标题".into();
    let written = write_drafted(root, &next, false).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(written, [root.join("2023-07-07/party.json")]);
    assert_eq!(
        std::fs::read_to_string(root.join("town.json")).unwrap_or_default(),
        town
    );
}

#[test]
fn a_failure_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    // The second file's folder cannot be made: a plain file stands where it should be.
    std::fs::write(root.join("blocked"), "x").unwrap_or_else(|e| panic!("{e}"));
    let files = vec![
        (PathBuf::from("2023-06-30/a.json"), "{}\n".to_string()),
        (PathBuf::from("blocked/b.json"), "{}\n".to_string()),
    ];
    match write_all(root, &files, false) {
        Err(e @ WriteError::Io(..)) => {
            assert_eq!(e.code(), ExitCode::from(exit::WRITE_FAILED));
            assert!(e.message(false).contains("没有写入任何文件"));
        }
        r => panic!("expected a write failure, got {r:?}"),
    }
    assert!(
        !root.join("2023-06-30").exists(),
        "the made folder is removed again"
    );
    let names: Vec<_> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["blocked"]);
}

#[test]
fn into_reuses_ids_of_items_with_the_same_label_and_unit() {
    let old = vec![line(
        "party",
        "党建",
        vec![
            item("party.meetings", "会议", "次"),
            item("party.training", "培训", "期"),
        ],
    )];
    let mut new = vec![line(
        "party-2",
        "党建",
        vec![
            item("party.hui-yi", "会议", "次"),
            // Same label, another unit: a different quantity, keeps its drafted id.
            item("party.pei-xun", "培训", "人次"),
            // A drafted id that an old item holds, on a new item: renamed, never duplicated, and
            // never the id of the old item it is not (培训 期 is gone, not become 新活动 次).
            item("party.training", "新活动", "次"),
        ],
    )];
    assert_eq!(reuse_ids(&old, &mut new), 1);
    assert_eq!(new[0].id, "party");
    let ids: Vec<&str> = new[0].items().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["party.meetings", "party.pei-xun", "party.training-2"]);
    // Reusing an id of the old file that a new item already carries gives that item a fresh one.
    let mut clash = vec![line(
        "party",
        "党建",
        vec![
            item("party.meetings", "新活动", "次"),
            item("x", "会议", "次"),
        ],
    )];
    reuse_ids(&old, &mut clash);
    let ids: Vec<&str> = clash[0].items().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["party.meetings-2", "party.meetings"]);
}

#[test]
fn a_date_that_exists_takes_new_lines_and_forcing_replaces_only_the_drafts_own() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    write_drafted(root, &drafted(), false).unwrap_or_else(|e| panic!("{e:?}"));
    // The week's 台账 brings another line to the same date: added beside the report's, no --force.
    let mut ledger = drafted();
    ledger.lines = vec![line("safety", "安全", vec![item("safety.a", "隐患", "处")])];
    write_drafted(root, &ledger, false).unwrap_or_else(|e| panic!("{e:?}"));
    // The corrected 台账 again: its own file exists, so refused without --force …
    assert!(matches!(
        write_drafted(root, &ledger, false),
        Err(WriteError::Exists(_))
    ));
    // … and with --force it replaces its own file only: the report's line stays.
    ledger.lines[0].title = "改过".into();
    write_drafted(root, &ledger, true).unwrap_or_else(|e| panic!("{e:?}"));
    let safety = std::fs::read_to_string(root.join("2023-06-30/safety.json")).unwrap_or_default();
    assert!(safety.contains("改过"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("2023-06-30"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["party.json", "safety.json"]);
}

#[test]
fn a_reworded_item_keeps_its_id_and_is_named_for_checking() {
    let old = vec![line(
        "party",
        "党建",
        vec![
            item("party.yuqing", "处置化解意识形态方面网络舆情信息", "次"),
            item("party.study", "理论学习", "次"),
            item("party.buy", "新收购小麦", "吨"),
        ],
    )];
    let mut new = vec![line(
        "party",
        "党建",
        vec![
            item("party.tuoshan", "妥善处置网络舆情信息", "次"),
            item("party.study", "理论学习", "次"),
            // The same thing counted at another scale keeps its id too.
            item("party.buy", "新收购小麦", "万吨"),
            // Not close enough to anything: new.
            item("party.peixun", "各类培训班", "次"),
        ],
    )];
    let r = reuse_ids_noting(&old, &mut new);
    let ids: Vec<&str> = new[0].items().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["party.yuqing", "party.study", "party.buy", "party.peixun"]
    );
    assert_eq!(r.count, 3);
    assert_eq!(
        r.renamed,
        [Renamed {
            line: "党建".into(),
            file: "party".into(),
            id: "party.yuqing".into(),
            was: "处置化解意识形态方面网络舆情信息".into(),
            now: "妥善处置网络舆情信息".into(),
        }]
    );
    assert!((close("处置化解意识形态方面网络舆情信息", "妥善处置网络舆情信息") - 0.5).abs() < 1e-9);
    assert!(close("培训干部", "各类培训班") < 0.5);
}

#[test]
fn a_line_whose_id_another_line_holds_gets_its_own() {
    let old = vec![line(
        "livelihood",
        "民生保障",
        vec![item("livelihood.grid", "网格", "个")],
    )];
    // A 台账 drafted as livelihood too, with nothing in common: its own id, never 民生保障's history.
    let mut ledger = vec![line(
        "livelihood",
        "民生实事台账",
        vec![item("livelihood.a", "农村改厕", "户")],
    )];
    reuse_ids(&old, &mut ledger);
    assert_eq!(ledger[0].id, "livelihood-2");
    // A renamed heading over the same items keeps the line's id.
    let mut renamed = vec![line(
        "livelihood",
        "民生事业",
        vec![item("livelihood.g", "网格", "个")],
    )];
    assert_eq!(reuse_ids(&old, &mut renamed), 1);
    assert_eq!(renamed[0].id, "livelihood");
    // Next week the 台账's title changes: it finds its own line again, not a third one.
    let mut both = old.clone();
    both.extend(ledger);
    let mut retitled = vec![line(
        "livelihood",
        "十件民生实事台账",
        vec![item("livelihood.a", "农村改厕", "户")],
    )];
    assert_eq!(reuse_ids(&both, &mut retitled), 1);
    assert_eq!(retitled[0].id, "livelihood-2");
}
