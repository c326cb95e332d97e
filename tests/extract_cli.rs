//! The `extract` and `new` commands run as the clerk runs them: exit codes, never overwriting,
//! `--into`, `--lang en`.

mod extract_common;

use extract_common::*;
use std::path::Path;

#[test]
fn extract_never_overwrites_and_its_exit_codes_say_what_happened() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("data");
    let seed = seed_path();
    let (code, stdout, _) = huibao(&[os("extract"), os(seed), os("-o"), os(&out)]);
    assert_eq!(code, 0);
    assert!(stdout.contains("已起草 68 个数字，"), "{stdout}");
    assert!(stdout.contains("处需要人工核对"), "{stdout}");
    // Each sentence to check is printed whole, with its reason, after where to look: the drafted
    // label's line in the written file, or for what was not written, the report's line.
    assert!(stdout.contains("标签“为群众解决问题”为草拟"), "{stdout}");
    let party = out.join("2023-06-30/party.json");
    let text = std::fs::read_to_string(&party).unwrap_or_default();
    let line = 1 + text
        .lines()
        .position(|l| l.contains("\"label\": \"为群众解决问题\""))
        .unwrap_or_else(|| panic!("{text}"));
    let at = format!(
        "{}:{line}: 标签“为群众解决问题”为草拟，请核对",
        party.display()
    );
    assert!(stdout.contains(&at), "{at}\n{stdout}");
    let report = std::fs::read_to_string(seed).unwrap_or_default();
    let unread = 1 + report
        .lines()
        .position(|l| l.contains("1+6+N"))
        .unwrap_or_default();
    let at = format!(
        "{}:{unread}: 数字“1、6”没有可识别的单位，未写入",
        seed.display()
    );
    assert!(stdout.contains(&at), "{at}\n{stdout}");
    assert!(stdout.contains("实实在在为群众解决问题186个。"), "{stdout}");
    let before = std::fs::read_to_string(out.join("2023-06-30/party.json")).unwrap_or_default();
    // Again: refused, exit 3, nothing touched.
    let (code, _, stderr) = huibao(&[os("extract"), os(seed), os("-o"), os(&out)]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("2023-06-30/party.json")).unwrap_or_default(),
        before
    );
    // English, forced.
    let (code, stdout, _) = huibao(&[
        os("--lang"),
        os("en"),
        os("extract"),
        os(seed),
        os("-o"),
        os(&out),
        os("--force"),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("68 figures drafted, "), "{stdout}");
    assert!(stdout.contains(" need a look"), "{stdout}");
    // A report that names no period: exit 2 and a message asking for --as-of.
    let bare = dir.path().join("bare.txt");
    std::fs::write(&bare, "一、党建工作\n召开会议6次。\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = huibao(&[
        os("extract"),
        os(&bare),
        os("-o"),
        os(&dir.path().join("b")),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--as-of"), "{stderr}");
    let (code, _, stderr) = huibao(&[
        os("extract"),
        os(&dir.path().join("missing.txt")),
        os("-o"),
        os(&dir.path().join("c")),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("missing.txt：找不到这个文件"), "{stderr}");
    // --lang en: the message in English.
    let (code, _, stderr) = huibao(&[
        os("--lang"),
        os("en"),
        os("extract"),
        os(&bare),
        os("-o"),
        os(&dir.path().join("d")),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("give one with --as-of"), "{stderr}");
}

#[test]
fn extract_into_reuses_ids_so_history_lines_up() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    copy_dir(Path::new("data"), &data);
    let town_before = std::fs::read(data.join("town.json")).unwrap_or_default();
    let (code, stdout, stderr) = huibao(&[
        os("extract"),
        os(seed_path()),
        os("--into"),
        os(&data),
        os("--as-of"),
        os("2023-07-07"),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("个条目与上一期的名称和单位相同，沿用原编号"),
        "{stdout}"
    );
    // The snapshot uses format 2; the office's town.json is pointed at, not rewritten.
    let declared = String::from_utf8_lossy(&town_before).contains("\"format\": 2");
    assert_eq!(
        !declared,
        stdout.contains("town.json 仍为格式 1"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(data.join("town.json")).unwrap_or_default(),
        town_before
    );
    let party = std::fs::read_to_string(data.join("2023-07-07/party.json")).unwrap_or_default();
    // Same label and unit as data/'s item: its id, so the dashboard shows the change.
    assert!(
        party.contains("\"party.anti-corruption-meetings\""),
        "{party}"
    );
    assert!(party.contains("\"party.trained-cadres\""), "{party}");
    let report = huibao::commands::validate::check_data_folder(&data);
    assert_eq!(
        report.errors(),
        0,
        "{:#?}",
        report.lines(huibao::cli::Lang::En)
    );
    // The same date again is refused.
    let (code, _, _) = huibao(&[
        os("extract"),
        os(seed_path()),
        os("--into"),
        os(&data),
        os("--as-of"),
        os("2023-07-07"),
    ]);
    assert_eq!(code, 3);
}

#[test]
fn new_scaffolds_the_next_snapshot_and_refuses_a_date_that_exists() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data");
    copy_dir(Path::new("data"), &data);
    let (code, stdout, stderr) = huibao(&[os("--data"), os(&data), os("new"), os("2023-07-07")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("已建立"), "{stdout}");
    let old = std::fs::read_to_string(data.join("2023-06-30/economy.json")).unwrap_or_default();
    let new = std::fs::read_to_string(data.join("2023-07-07/economy.json")).unwrap_or_default();
    assert!(new.contains("\"as_of\": \"2023-07-07\""));
    assert!(new.contains("待更新：数字沿用 2023-06-30 的快照"));
    assert_eq!(old.matches("\"id\"").count(), new.matches("\"id\"").count());
    let report = huibao::commands::validate::check_data_folder(&data);
    assert_eq!(
        report.errors(),
        0,
        "{:#?}",
        report.lines(huibao::cli::Lang::En)
    );
    let (code, _, stderr) = huibao(&[os("--data"), os(&data), os("new"), os("2023-07-07")]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("已存在"), "{stderr}");
    let (code, _, stderr) = huibao(&[os("--data"), os(&data), os("new"), os("2023-06-01")]);
    assert_eq!(code, 2, "{stderr}");
    // The dashboard opens on the new snapshot.
    let (code, screen, stderr) = huibao(&[
        os("--data"),
        os(&data),
        os("--today"),
        os("2023-07-07"),
        os("render"),
        os("--size"),
        os("80x24"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(screen.contains("党的建设"), "{screen}");
}
