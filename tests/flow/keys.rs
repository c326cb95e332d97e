//! Keys and filters: keys for every line, breadcrumbs, an answer to every key, filters on every screen, moving on the grid.

use super::*;

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

/// The footer offers line keys only when there is a line to open: a report of key indicators only
/// (沙沟镇's 2020年工作回顾) has none, and `1` there says so.
#[test]
fn line_keys_are_hinted_only_when_there_are_lines() {
    let hinted = |s: &State| -> bool {
        huibao::app::keymap::hints(s)
            .iter()
            .any(|(k, _)| k.starts_with("1-9"))
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut only = state_of(
        &root.join("tests/fixtures/reports/shagou-2020/data"),
        "2021-03-01",
    );
    assert!(only.board.lines.is_empty());
    assert!(!hinted(&only));
    press(&mut only, "1");
    let said = only
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert_eq!(said, "没有键为 1 的工作线（共0条）");
    assert!(hinted(&state_of(&root.join("data"), "2023-07-03")));
}
