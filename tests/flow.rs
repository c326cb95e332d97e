//! The meeting flow (issue 13): a broken file keeps its place, countdowns from today, filters on every
//! screen, keys for every line, breadcrumbs, answers to every key, small terminals — through `update`
//! and the rendered screen, with a fixed "today".

mod common;

use chrono::NaiveDate;
use huibao::app::{update, Effect, Route, State};
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::board::LineId;
use huibao::model::load;
use huibao::text::width;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn state_of(dir: &Path, today: &str) -> State {
    State::new(load::load_dir(dir), Lang::Zh, day(today))
}

/// Presses the keys; returns every effect they asked for, in order.
fn press(s: &mut State, keys: &str) -> Vec<Effect> {
    huibao::app::update::press_keys(s, keys).unwrap()
}

/// The screen as text; every row fits the width.
fn screen(s: &State, size: (u16, u16), keys: &str) -> String {
    let text = to_text(&render_buffer(s.clone(), size, keys).unwrap());
    for (i, row) in text.lines().enumerate() {
        assert!(width(row) <= size.0 as usize, "row {i} too wide: {row}");
    }
    text
}

/// The seed data with a stray comma before `"groups"` in `safety.json`.
fn broken_safety() -> tempfile::TempDir {
    let dir = common::copy_data();
    let path = dir.path().join(common::SNAPSHOT).join("safety.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    dir
}

#[test]
fn a_broken_file_keeps_its_line_in_place_with_its_number_and_key() {
    let dir = broken_safety();
    let mut s = state_of(dir.path(), "2023-07-03");
    let ids: Vec<&str> = s.board.lines.iter().map(|l| l.id.as_str()).collect();
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
    let safety = &s.board.lines[3];
    assert_eq!(
        safety.short, "安全生产",
        "the name is read from the broken file"
    );
    assert!(safety.items.is_empty() && safety.broken.is_some());
    press(&mut s, "4");
    assert_eq!(
        s.route(),
        Route::Line(LineId("safety".into())),
        "4 still opens 安全生产"
    );
    press(&mut s, "Esc 5");
    assert_eq!(s.route(), Route::Line(LineId("livelihood".into())));

    let text = screen(&state_of(dir.path(), "2023-07-03"), (80, 24), "");
    let card: String = text.lines().skip(3).take(8).collect::<Vec<_>>().join("\n");
    assert!(card.contains("4 安全生产"), "{text}");
    assert!(card.contains("未能加载"), "{text}");
    assert!(
        text.contains("safety.json:6:3"),
        "the card names path:line:col:\n{text}"
    );
}

#[test]
fn after_a_reload_a_broken_file_shows_its_last_good_version_marked_old() {
    let dir = common::copy_data();
    let good = load::load_dir(dir.path());
    let path = dir.path().join(common::SNAPSHOT).join("safety.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    let mut fresh = load::load_dir(dir.path());
    load::keep_last_good(&mut fresh, &good);
    let mut s = State::new(good, Lang::Zh, day("2023-07-03"));
    s.replace_data(fresh);
    let safety = &s.board.lines[3];
    assert_eq!(safety.id, "safety");
    assert!(safety.is_old(), "the last good items are shown, marked old");
    let text = screen(&s, (120, 40), "4");
    assert!(
        text.contains("未能加载 · 下面是旧版 截至 2023-06-30"),
        "{text}"
    );
    assert!(text.contains("消防隐患排查整改"), "{text}");
}

#[test]
fn pty_start_up_with_a_broken_file_keeps_the_agenda() {
    let dir = broken_safety();
    let mut pty = common::Pty::spawn(common::huibao_args_for(dir.path()), 80, 24);
    pty.expect("the broken card", |s| {
        s.contains("4 安全生产") && s.contains("未能加载") && s.contains("safety.json:6:3")
    });
    pty.send(b"4");
    pty.expect("4 opens 安全生产", |s| {
        common::row(s, 1).contains("总览 › 安全生产")
    });
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).is_some_and(|s| s.success()));
}

/// Runs `huibao ARGS` from the repository; (exit code, stdout, stderr).
fn huibao(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HUIBAO_DATA")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn validate_speaks_chinese_to_the_people_who_fix_the_data() {
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/broken")
        .unwrap()
        .map(|e| {
            format!(
                "tests/fixtures/broken/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = huibao(&args);
    assert_eq!(code, 1);
    assert!(stdout.contains(
        "tests/fixtures/broken/bad-date.json:62:24: 错误: groups[0].items[0].project.milestones[1].due: 日期应写成 2023-07-31 的形式，这里是 \"2023-7-31\""
    ), "{stdout}");
    for line in stdout.lines() {
        assert!(
            line.contains(": 错误: ") || line.contains(": 警告: "),
            "every line says 错误 or 警告: {line}"
        );
        let message = line.rsplit(": ").next().unwrap();
        for serde in [
            "expected",
            "invalid type",
            "key must",
            "ident",
            "struct",
            "f64",
            "EOF",
            "`",
        ] {
            assert!(
                !message.contains(serde),
                "serde wording reaches users: {line}"
            );
        }
    }
    assert!(stderr.starts_with("发现 "), "{stderr}");
    let (code, stdout, stderr) = huibao(&["validate"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "已检查 7个文件，没有发现问题\n")
    );
    let (_, stdout, _) = huibao(&[
        "--lang",
        "en",
        "validate",
        "tests/fixtures/broken/wrong-type.json",
    ]);
    assert_eq!(
        stdout,
        "tests/fixtures/broken/wrong-type.json:14:23: error: groups[0].items[0].headline: wrong type: the text \"true\" where true or false belongs\n"
    );
}

#[test]
fn the_load_banner_speaks_chinese_and_english_on_request() {
    let dir = broken_safety();
    let zh = screen(&state_of(dir.path(), "2023-07-03"), (120, 40), "");
    assert!(
        zh.contains("safety.json:6:3: 错误: 这里应是用双引号括起的字段名"),
        "{zh}"
    );
    let mut en = state_of(dir.path(), "2023-07-03");
    en.lang = Lang::En;
    let en = screen(&en, (120, 40), "");
    assert!(
        en.contains("safety.json:6:3: error: a field name in double quotes"),
        "{en}"
    );
    assert!(!en.contains("key must be a string") && !zh.contains("key must"));
}

#[test]
fn countdowns_are_counted_from_today_and_a_passed_deadline_awaits_an_update() {
    let late = state_of(Path::new("data"), "2023-07-25");
    let text = screen(&late, (80, 24), "2");
    let row = text
        .lines()
        .find(|r| r.contains("禾源白羽鸡养殖项目"))
        .unwrap();
    assert!(row.contains("07-20 已到期 待更新"), "{row}");
    assert!(!text.contains("剩20天"), "{text}");
    // The light is still judged at the data's date.
    let heyuan = &late.board.lines[1].items[0];
    assert_eq!(heyuan.judgement.days_left, Some(20));
    let item = screen(&late, (80, 24), "2 Enter");
    assert!(item.contains("2023-12-31  剩159天"), "{item}");
    assert!(
        item.contains("其他3处养殖区开工建设  已到期 待更新"),
        "{item}"
    );
    let early = screen(&state_of(Path::new("data"), "2023-07-10"), (80, 24), "2");
    assert!(early.contains("07-20 剩10天"), "{early}");
}

#[test]
fn deadlines_carry_their_year_when_it_differs_from_the_data_year() {
    use huibao::model::wording::{date_text, due_text};
    let (as_of, today) = (day("2023-06-30"), day("2023-07-03"));
    assert_eq!(date_text(day("2024-12-31"), as_of), "2024-12-31");
    assert_eq!(date_text(day("2023-12-31"), as_of), "12-31");
    let mut s = seed_state();
    let j = &mut s.board.lines[1].items[0].judgement;
    j.next_due = Some(day("2024-12-31"));
    assert_eq!(due_text(j, as_of, today, Lang::Zh), "2024-12-31 剩547天");
    let text = screen(&s, (80, 24), "2");
    assert!(text.contains("2024-12-31 剩547天"), "{text}");
}

fn seed_state() -> State {
    state_of(Path::new("data"), "2023-07-03")
}

/// The seed with six more lines (copies of 党的建设 under new ids): twelve lines.
fn twelve_lines() -> tempfile::TempDir {
    let dir = common::copy_data();
    let day = dir.path().join(common::SNAPSHOT);
    let party = std::fs::read_to_string(day.join("party.json")).unwrap();
    let town_path = dir.path().join("town.json");
    let mut town: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&town_path).unwrap()).unwrap();
    for k in 7..=12 {
        let id = format!("extra{k:02}");
        let text = party
            .replacen("\"id\": \"party\"", &format!("\"id\": \"{id}\""), 1)
            .replacen(
                "\"short\": \"党的建设\"",
                &format!("\"short\": \"线{k}\""),
                1,
            );
        std::fs::write(day.join(format!("{id}.json")), text).unwrap();
        town["lines"].as_array_mut().unwrap().push(id.into());
    }
    std::fs::write(&town_path, town.to_string()).unwrap();
    dir
}

#[test]
fn lines_past_nine_have_keys_shown_on_their_cards() {
    let dir = twelve_lines();
    let mut s = state_of(dir.path(), "2023-07-03");
    assert_eq!(s.board.lines.len(), 12);
    for (keys, id) in [
        ("0", "extra10"),
        ("a", "extra11"),
        ("b", "extra12"),
        ("9", "extra09"),
    ] {
        press(&mut s, &format!("Esc {keys}"));
        assert_eq!(s.route(), Route::Line(LineId(id.into())), "key {keys}");
    }
    let text = screen(&state_of(dir.path(), "2023-07-03"), (120, 40), "");
    for title in ["0 线10", "a 线11", "b 线12"] {
        assert!(text.contains(title), "{title}\n{text}");
    }
}

#[test]
fn breadcrumbs_say_where_you_are() {
    let mut s = seed_state();
    press(&mut s, "/ 禾 源 Enter");
    let crumbs = |s: &State| screen(s, (120, 40), "").lines().nth(1).unwrap().to_string();
    assert!(
        crumbs(&s).contains("总览 › 经济发展 › 禾源白羽鸡养殖项目"),
        "{}",
        crumbs(&s)
    );
    press(&mut s, "Esc");
    assert_eq!(s.route(), Route::Line(LineId("economy".into())));
    press(&mut s, "w");
    assert!(
        crumbs(&s).trim_start().starts_with("总览 › 滞后清单"),
        "{}",
        crumbs(&s)
    );
    press(&mut s, "?");
    assert!(
        crumbs(&s).contains("总览 › 滞后清单 › 帮助"),
        "{}",
        crumbs(&s)
    );
}

#[test]
fn every_key_answers() {
    let mut s = seed_state();
    press(&mut s, "7");
    assert_eq!(s.route(), Route::Overview);
    let foot = |s: &State| screen(s, (80, 24), "").lines().last().unwrap().to_string();
    assert!(
        foot(&s).contains("没有键为 7 的工作线（共6条）"),
        "{}",
        foot(&s)
    );
    press(&mut s, "[");
    assert!(foot(&s).contains("已是最早一期数据"), "{}", foot(&s));
    press(&mut s, "]");
    assert!(foot(&s).contains("已是最新一期数据"), "{}", foot(&s));
    press(&mut s, "%");
    assert!(foot(&s).contains("% 键在这里没有功能"), "{}", foot(&s));
    // The notice goes after a moment.
    let now = huibao::app::Now {
        clock: chrono::NaiveTime::MIN,
        mono: std::time::Duration::from_secs(10),
    };
    update(&mut s, huibao::app::Action::Tick(now));
    assert!(s.notice.is_none());
    // r: the reload's result says how many files were read.
    assert_eq!(press(&mut s, "r"), [Effect::Reload]);
    s.replace_data(load::load_dir(Path::new("data")));
    assert!(foot(&s).contains("已重新加载 7个文件"), "{}", foot(&s));
    // The footer lists w, f and [ ] before the line keys.
    let hints = screen(&seed_state(), (120, 40), "");
    let hints = hints.lines().last().unwrap();
    let at = |k: &str| hints.find(k).unwrap_or_else(|| panic!("{k} in {hints}"));
    assert!(
        at(" w ") < at("1-9") && at(" f ") < at("1-9") && at("[ ]") < at("1-9"),
        "{hints}"
    );
}

#[test]
fn a_filter_applies_to_every_screen_slide_and_the_summary() {
    let history = Path::new("tests/fixtures/history");
    let mut s = state_of(history, "2024-05-10");
    let all_red: usize = s.board.lines.iter().map(|l| l.red()).sum();
    s.filter = Some(huibao::app::Filter::Leader("赵副镇长".into()));
    s.refresh();
    let kept: usize = s.board.lines.iter().map(|l| l.items.len()).sum();
    assert!(kept > 0 && s.hidden() > 0);
    assert_eq!(s.hidden() + kept, s.all.item_count());
    // The overview's cards and the header count only what the filter lets through.
    for line in &s.board.lines {
        for it in &line.items {
            let leader = it.item.leader.as_deref().or(line.leader.as_deref());
            assert_eq!(leader, Some("赵副镇长"), "{}", it.item.label);
        }
    }
    let red: usize = s.board.lines.iter().map(|l| l.red()).sum();
    assert!(red < all_red, "{red} of {all_red}");
    let text = screen(&s, (120, 40), "");
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.contains(&format!("隐去{}项", s.hidden())),
        "{header}"
    );
    assert!(!text.contains("示例白羽鸡养殖项目"), "{text}");
    // Slides too.
    s.start_presenting(None);
    let slides = screen(&s, (120, 40), "Space");
    assert!(!slides.contains("示例白羽鸡养殖项目"), "{slides}");
    // And the summary.
    let (code, md, _) = huibao(&[
        "--data",
        "tests/fixtures/history",
        "--today",
        "2024-05-10",
        "summary",
        "--owner",
        "赵副镇长",
    ]);
    assert_eq!(code, 0);
    assert!(md.contains("> 筛选：责任领导 赵副镇长，其余"), "{md}");
    assert!(!md.contains("示例白羽鸡养殖项目"), "{md}");
    let (_, md, _) = huibao(&[
        "--data",
        "tests/fixtures/history",
        "summary",
        "--unit",
        "经发办",
    ]);
    assert!(md.contains("> 筛选：责任单位 经发办"), "{md}");
    assert!(!md.contains("安全隐患排查整治台账"), "{md}");
}

#[test]
fn small_to_large_terminals_show_every_line_and_its_counts() {
    let seed = state_of(Path::new("data"), "2023-07-10");
    for (w, h) in [
        (40, 12),
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 50),
    ] {
        let text = screen(&seed, (w, h), "");
        for line in &seed.board.lines {
            assert!(
                text.contains(&line.short),
                "{w}x{h}: {}\n{text}",
                line.short
            );
        }
        assert_eq!(text.matches("红0 黄0").count(), 6, "{w}x{h}\n{text}");
        insta::assert_snapshot!(format!("overview_{w}x{h}"), text);
    }
    // From 60×20 every card has at least its top item; 40×12 is the one-column list.
    let text = screen(&seed, (60, 20), "");
    for first in [
        "党风廉政建设专题会议",
        "禾源白羽鸡养殖项目",
        "棚改群众安置上楼",
        "消防隐患排查整改",
    ] {
        assert!(text.contains(first), "{first}\n{text}");
    }
    let list = screen(&seed, (40, 12), "");
    assert!(
        list.lines().nth(2).unwrap().starts_with(">1 党的建设"),
        "{list}"
    );
}

#[test]
fn cards_say_what_they_leave_out_and_arrows_move_on_the_grid() {
    let seed = seed_state();
    let text = screen(&seed, (80, 24), "");
    assert!(text.contains("还有"), "{text}");
    assert!(
        text.contains("汤西现代农业产业园    200/800亩    25%"),
        "{text}"
    );
    let wide = screen(&seed, (120, 40), "");
    // 安全生产 fills its card with its text-only items instead of leaving it blank.
    for item in ["经营性自建房整治台账", "森林防火", "渔船管控"] {
        assert!(wide.contains(item), "{item}\n{wide}");
    }
    // ←/→ move between cards, ↓ down the grid (two columns at 80×24, three at 120×40).
    let mut s = seed_state();
    s.size = (80, 24);
    press(&mut s, "Right");
    assert_eq!(s.overview_selected(), 1);
    press(&mut s, "Down");
    assert_eq!(s.overview_selected(), 3);
    press(&mut s, "Left");
    assert_eq!(s.overview_selected(), 2);
    s.size = (120, 40);
    press(&mut s, "Right Up Down");
    assert_eq!(s.overview_selected(), 3, "three cards a row at 120×40");
}

#[test]
fn owners_and_the_next_fortnight_on_the_first_screen() {
    let h = state_of(Path::new("tests/fixtures/history"), "2024-05-10");
    let text = screen(&h, (120, 40), "");
    insta::assert_snapshot!("overview_history_owners_120x40", text);
    assert!(
        text.contains("示例白羽..（张副镇长）  15/20个 ✕  75%"),
        "{text}"
    );
    assert!(text.contains("（赵副镇长）"), "{text}");
    assert!(text.contains("近14天到期"), "{text}");
    assert!(
        text.contains("05-15 剩5天  安全生产 › 安全隐患排查整治台账"),
        "{text}"
    );
    // A line whose items name no owner has no 责任 column.
    let seed = screen(&seed_state(), (120, 40), "2");
    let head = seed.lines().nth(3).unwrap();
    assert!(head.contains("期限") && !head.contains("责任"), "{head}");
    let owned = screen(&h, (120, 40), "2");
    assert!(owned.lines().nth(3).unwrap().contains("责任"), "{owned}");
}

#[test]
fn the_empty_half_shows_the_selected_item_and_long_screens_say_more_is_below() {
    let text = screen(&seed_state(), (120, 40), "2");
    assert!(text.contains("── 所选事项（Enter 打开） ──"), "{text}");
    assert!(
        text.contains("其他3处养殖区开工建设"),
        "the milestones show under the list\n{text}"
    );
    let moved = screen(&seed_state(), (120, 40), "2 j j j");
    assert!(
        moved.contains("规划建设占地800亩"),
        "the detail follows the selection\n{moved}"
    );
    // The item screen and help scroll, and say when more is below.
    let item = screen(&seed_state(), (80, 24), "2 Enter");
    assert!(item.lines().nth(22).unwrap().contains("↓ 还有"), "{item}");
    let end = screen(&seed_state(), (80, 24), "2 Enter G");
    assert!(!end.contains("↓ 还有"), "{end}");
    assert!(end.contains("原文"), "{end}");
    let help = screen(&seed_state(), (80, 24), "?");
    assert!(help.contains("↓ 还有"), "{help}");
    let help_end = screen(&seed_state(), (80, 24), "? G");
    assert!(help_end.contains("阈值"), "{help_end}");
}

#[test]
fn search_shows_why_it_matched_with_numbers_whole_and_sentences_grouped() {
    let text = screen(&seed_state(), (100, 24), "/ 2 0");
    let rows: Vec<&str> = text.lines().collect();
    let tangxi = rows
        .iter()
        .find(|r| r.contains("汤西现代农业产业园"))
        .unwrap();
    assert!(
        tangxi.contains("目前200亩基地"),
        "the number is whole: {tangxi}"
    );
    // 新建烘干厂, 配套建设湿粮仓 … come from one sentence: it shows once, the others under it.
    let at = rows.iter().position(|r| r.contains("新建烘干厂")).unwrap();
    assert!(rows[at + 1].contains("↳ 配套建设湿粮仓"), "{text}");
    assert!(!rows[at + 1].contains("粮食"), "{text}");
    // An owner that matched is named as the reason.
    let h = state_of(Path::new("tests/fixtures/history"), "2024-05-10");
    let owner = screen(&h, (100, 24), "/ 赵 副");
    assert!(owner.contains("责任领导：赵副镇长"), "{owner}");
}

#[test]
fn presenter_slides_warn_of_old_data_and_load_problems_and_hold_still() {
    let dir = broken_safety();
    let mut s = state_of(dir.path(), "2023-07-25");
    s.start_presenting(Some(30));
    for keys in ["", "Space", "Space Space Space Space Space Space Space"] {
        let text = screen(&s, (120, 40), keys);
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows[0].contains("⚠ 已过25天"), "{keys:?}: {}", rows[0]);
        assert!(
            rows[1].contains("未能加载 1") && rows[1].contains("safety.json:6:3: 错误"),
            "{keys:?}: {}",
            rows[1]
        );
    }
    // The countdown keeps its width: nothing in the header moves as it goes from 10 to 9.
    let at = |s: &State| {
        let text = screen(s, (120, 40), "");
        text.lines().next().unwrap().find("数据截至").unwrap()
    };
    s.present.as_mut().unwrap().remaining = 10;
    let ten = at(&s);
    s.present.as_mut().unwrap().remaining = 9;
    assert_eq!(at(&s), ten);
    // ? opens help at the presenter keys.
    press(&mut s, "?");
    assert_eq!(s.route(), Route::Help);
    let help = screen(&s, (80, 24), "");
    assert!(
        help.contains("演示模式") && help.contains("暂停/继续自动翻页"),
        "{help}"
    );
    assert!(
        !help.contains("打开工作线"),
        "scrolled past the browsing keys\n{help}"
    );
}

#[test]
fn pty_run_at_60x20() {
    let mut pty = common::Pty::dashboard(60, 20);
    let screen = pty.expect("every card with its top item", |s| {
        [
            "党风廉政建设专题会议",
            "禾源白羽鸡养殖项目",
            "棚改群众安置上楼",
            "消防隐患排查整改",
            "6 下步工作",
            "? 帮助",
        ]
        .iter()
        .all(|x| s.contains(x))
    });
    assert!(screen.contains(">1 党的建设"), "{screen}");
    pty.send(b"\x1b[C");
    pty.expect("→ selects card 2", |s| s.contains(">2 经济发展"));
    pty.send(b"\x1b[B");
    pty.expect("↓ selects card 4, a row down", |s| {
        s.contains(">4 安全生产")
    });
    pty.send(b"\r");
    pty.expect("Enter opens 安全生产", |s| {
        common::row(s, 1).contains("总览 › 安全生产")
    });
    pty.send(b"7");
    pty.expect("7 answers in the footer", |s| {
        s.contains("没有键为 7 的工作线")
    });
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).is_some_and(|s| s.success()));
}

#[test]
fn slides_write_approximate_figures_as_the_report_does() {
    let s = seed_state();
    let road = s.board.lines[2]
        .items
        .iter()
        .find(|it| it.item.label == "镇域道路改造及硬化")
        .unwrap();
    assert_eq!(
        huibao::ui::present::big_figure(road, false),
        ("约6227".to_string(), "平方米".to_string())
    );
    // Drawn: 约 before the big digits, never (约) after the unit.
    let mut s = seed_state();
    s.start_presenting(None);
    for size in [(80, 24), (200, 50), (50, 24)] {
        let text = screen(&s, size, "Space Space Space");
        assert!(!text.contains("(约)"), "{text}");
    }
}

#[test]
fn at_start_up_a_broken_newest_file_shows_the_line_s_older_snapshot_marked_old() {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new("tests/fixtures/history");
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = tmp.path().join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(&to).unwrap();
            for f in std::fs::read_dir(entry.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let party = tmp.path().join("2024-05-03").join("party.json");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    let s = state_of(tmp.path(), "2024-05-10");
    let line = &s.board.lines[0];
    assert_eq!(line.id, "party");
    assert!(line.is_old(), "the 04-26 snapshot is shown");
    assert_eq!(line.as_of, day("2024-04-26"));
    let text = screen(&s, (120, 40), "1");
    assert!(
        text.contains("未能加载 · 下面是旧版 截至 2024-04-26"),
        "{text}"
    );
}

/// `tests/fixtures/history` copied, with a stray comma in the newest `party.json` (2024-05-03).
fn history_with_broken_party() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("tests/fixtures/history").unwrap() {
        let entry = entry.unwrap();
        let to = tmp.path().join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(&to).unwrap();
            for f in std::fs::read_dir(entry.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let party = tmp.path().join("2024-05-03").join("party.json");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    tmp
}

#[test]
fn the_dashboard_s_first_frame_and_its_full_load_show_a_broken_newest_file_s_older_snapshot() {
    // As the dashboard loads: the first frame from each line's newest snapshots, then the whole
    // history behind it, through the same Reloader.
    let tmp = history_with_broken_party();
    let mut reloader = huibao::model::reload::Reloader::new(tmp.path());
    let first = reloader.load_recent();
    assert!(first.older_pending, "older folders are left for later");
    for (what, data) in [("first frame", first), ("full load", reloader.reload())] {
        assert!(
            data.failed.iter().any(|(id, f)| id == "party"
                && f.date == day("2024-05-03")
                && f.problem.path.ends_with("2024-05-03/party.json")),
            "{what}: {:?}",
            data.failed
        );
        let s = State::new(data, Lang::Zh, day("2024-05-10"));
        let line = &s.board.lines[0];
        assert_eq!(line.id, "party", "{what}: the line keeps its place");
        assert!(line.is_old(), "{what}: the 04-26 snapshot is shown");
        assert_eq!(line.as_of, day("2024-04-26"), "{what}");
        let text = screen(&s, (120, 40), "1");
        assert!(
            text.contains("未能加载 · 下面是旧版 截至 2024-04-26"),
            "{what}: {text}"
        );
    }
}
