//! What the screens show: the empty half, search reasons, presenter slides, a 60×20 terminal, approximate figures.

use super::*;

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

/// Stepped back with `[`, an item's history ends at the week on screen: the later weeks are not
/// what that screen is about.
#[test]
fn an_items_history_ends_at_the_week_on_screen() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = state_of(&root.join("tests/fixtures/history"), "2024-05-10");
    let now = screen(&s, (100, 40), "1 Enter");
    assert!(now.contains("2024-05-03  "), "{now}");
    let back = screen(&s, (100, 40), "[ [ [ 1 Enter");
    assert!(back.contains("数据截至 2024-04-12"), "{back}");
    assert!(back.contains("2024-04-12  "), "{back}");
    for later in ["2024-04-19", "2024-04-26", "2024-05-03  "] {
        assert!(!back.contains(later), "{later}\n{back}");
    }
}
