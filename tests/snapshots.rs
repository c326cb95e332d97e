//! Every screen snapshotted at 80×24 and 120×40 with a fixed "today", plus width and alignment checks.

use chrono::NaiveDate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::load;
use huibao::text::width;

const TODAY: (i32, u32, u32) = (2023, 7, 3);

fn state(lang: Lang) -> State {
    // Relative to the package root (cargo's working directory for tests), so the file paths shown on
    // screen are the same on every machine.
    let dir = std::path::Path::new("data");
    let (y, m, d) = TODAY;
    State::new(
        load::load_dir(dir),
        lang,
        NaiveDate::from_ymd_opt(y, m, d).unwrap(),
    )
}

/// (snapshot name, keys replayed) for every screen.
const SCREENS: &[(&str, &str)] = &[
    ("overview", ""),
    ("line_party", "1"),
    ("line_economy", "2"),
    ("line_safety", "4"),
    ("line_targets", "6"),
    ("item_heyuan", "2 Enter"),
    ("item_ledger", "4 Enter"),
    ("item_withheld", "1 j j j j j j j j j j Enter"),
    ("laggards", "w"),
    ("search", "/ 禾 源"),
    ("filter", "f"),
    ("help", "?"),
];

fn render(state: State, size: (u16, u16), keys: &str) -> String {
    let buf = render_buffer(state, size, keys).unwrap();
    let text = to_text(&buf);
    for (i, row) in text.lines().enumerate() {
        assert!(
            width(row) <= size.0 as usize,
            "row {i} is {} wide: {row}",
            width(row)
        );
    }
    text
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (name, keys) in SCREENS {
        for size in [(80, 24), (120, 40)] {
            let text = render(state(Lang::Zh), size, keys);
            insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text);
        }
    }
}

#[test]
fn english_interface() {
    for (name, keys) in [("overview", ""), ("item_heyuan", "2 Enter"), ("help", "?")] {
        let text = render(state(Lang::En), (120, 40), keys);
        insta::assert_snapshot!(format!("en_{name}_120x40"), text);
    }
}

#[test]
fn large_screen_uses_the_room() {
    let text = render(state(Lang::Zh), (200, 50), "");
    insta::assert_snapshot!("overview_200x50", text);
}

#[test]
fn withheld_is_shown_as_stars_never_zero() {
    let text = render(state(Lang::Zh), (120, 40), "1");
    let row = text
        .lines()
        .find(|l| l.contains("培训干部"))
        .expect("培训干部 row");
    assert!(row.contains("**人次"), "{row}");
}

#[test]
fn table_columns_stay_aligned_with_long_chinese_labels() {
    use unicode_segmentation::UnicodeSegmentation;
    for cols in [60u16, 80, 100, 120] {
        let text = render(state(Lang::Zh), (cols, 30), "5");
        // Values are right-aligned: on every item row the value column ends at the same display column.
        let (cl, cv, _, _, _, co) = huibao::ui::line::columns(cols as usize - 1);
        // The seed names no owner: the 责任 column gives its room to the label.
        let cl = if co > 0 { cl + co + 1 } else { cl };
        let end = 1 + cl + 1 + cv;
        let mut rows = 0;
        let lines: Vec<&str> = text.lines().collect();
        for row in &lines[4..lines.len() - 1] {
            let mut g = row.graphemes(true);
            let first = g.next().unwrap_or("");
            let second = g.next().unwrap_or("");
            if !(first == " " || first == ">")
                || second == " "
                || second == "〔"
                || second.is_empty()
            {
                continue;
            }
            // The glyph that ends exactly at `end` columns is not a space, and the next one is a space.
            let mut used = 0;
            let mut last = "";
            let mut next = "";
            for gr in row.graphemes(true) {
                if used >= end {
                    next = gr;
                    break;
                }
                used += width(gr);
                last = gr;
            }
            assert_eq!(
                used, end,
                "cols {cols}: a glyph straddles the value column's edge: {row}"
            );
            assert_ne!(
                last, " ",
                "cols {cols}: value does not end at column {end}: {row}"
            );
            assert_eq!(
                next, " ",
                "cols {cols}: value spills past column {end}: {row}"
            );
            rows += 1;
        }
        assert!(rows > 5, "cols {cols}: only {rows} item rows checked");
    }
}

fn history_state() -> State {
    let dir = std::path::Path::new("tests/fixtures/history");
    State::new(
        load::load_dir(dir),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2024, 5, 10).unwrap(),
    )
}

/// Screens of the fictional multi-week history: changes, history, laggards, time travel, carry-forward.
const HISTORY_SCREENS: &[(&str, &str)] = &[
    ("history_overview", ""),
    ("history_line_changes", "1"),
    ("history_item_trend", "1 j j Enter"),
    ("history_laggards", "w"),
    ("history_laggards_detail", "w Enter"),
    ("history_stepped_back", "1 [ [ [ ["),
    ("history_carried_forward", "3"),
    ("history_filter_leader", "f G Enter 2"),
];

#[test]
fn history_screens_at_80x24_and_120x40() {
    for (name, keys) in HISTORY_SCREENS {
        for size in [(80, 24), (120, 40)] {
            let text = render(history_state(), size, keys);
            insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text);
        }
    }
}

/// Over SSH at 80 columns the line panel still names each item: the five projects of 重点项目
/// all begin with 示例, so a label cut to two characters leaves five rows that read the same.
#[test]
fn line_labels_stay_readable_at_80_columns() {
    let text = render(history_state(), (80, 24), "2");
    for label in [
        "示例现代果业",
        "示例白羽鸡养",
        "示例冷链物流园",
        "示例温泉民宿",
        "示例粮食烘干",
    ] {
        assert!(
            text.contains(label),
            "{label} is cut at 80 columns:\n{text}"
        );
    }
    // The percentage stays beside the light.
    let row = text.lines().find(|l| l.contains("示例冷链")).unwrap();
    assert!(row.contains("36%") && row.contains("● 正常"), "{row}");
}

/// The overview card shows the light of a red ledger (an overdue 台账), as the card's count does.
#[test]
fn an_overdue_ledger_shows_its_light_on_the_card() {
    let text = render(history_state(), (80, 24), "");
    let row = text.lines().find(|l| l.contains("7/10处")).unwrap();
    assert!(row.contains("✕") && row.contains("70%"), "{row}");
}

/// An item's detail wraps a long ledger entry rather than cutting its deadline, and says that an
/// open entry past its deadline (at the data's date) is overdue.
#[test]
fn a_ledger_entry_is_never_cut_and_says_when_overdue() {
    let text = render(history_state(), (80, 24), "4 Enter");
    let entry = text.split("YH-2024-003").nth(1).unwrap();
    let entry = entry.split("YH-2024-004").next().unwrap();
    assert!(entry.contains("2024-04-20"), "the deadline is cut:\n{text}");
    assert!(
        entry.contains("逾期"),
        "the open entry is not called overdue:\n{text}"
    );
}

/// A slide too small for big digits writes the percentage and the figures it came from apart:
/// `10%10/100亩` read as one number.
#[test]
fn a_small_slide_keeps_the_percentage_apart_from_its_figures() {
    let mut s = history_state();
    s.start_presenting(None);
    let text = render(s, (80, 24), "");
    for glued in ["100%500", "50%约3000", "10%10/100"] {
        assert!(!text.contains(glued), "{glued}:\n{text}");
    }
    assert!(text.contains("10%  10/100亩"), "{text}");
}

/// A tile with room for a figure written small, but not in big digits below the blank row, writes
/// it small: at 120×46 the 下步工作 tile left seven rows empty and 地方级税收任务 out.
#[test]
fn an_overview_tile_writes_small_a_figure_big_digits_cannot_fit() {
    let mut s = state(Lang::Zh);
    s.start_presenting(None);
    let text = render(s, (120, 46), "");
    assert!(text.contains("地方级税收任务"), "{text}");
    assert!(text.contains("1898万元(目标)"), "{text}");
}

/// At 80 columns the footer of a screen one can go back from shows how: Esc came after w, f and
/// [ ] and fell off the edge.
#[test]
fn the_way_back_is_in_the_footer_at_80_columns() {
    for keys in ["2", "2 Enter", "w", "f"] {
        let text = render(history_state(), (80, 24), keys);
        let footer = text.lines().last().unwrap();
        assert!(footer.contains("Esc"), "{keys}: {footer}");
    }
}

/// With `--lang en` the light's word is never cut: '■ far behind' is wider than '■ 严重滞后'
/// and read '■ far behin' in the laggard list at 80 columns.
#[test]
fn english_light_words_are_whole() {
    for size in [(80, 24), (120, 40)] {
        for keys in ["w", "5"] {
            let mut s = history_state();
            s.lang = Lang::En;
            let text = render(s, size, keys);
            assert!(text.contains("■ far behind"), "{keys} {size:?}:\n{text}");
        }
    }
}

/// On the projector the red 台账 of 安全生产 is shown in big digits like its neighbours: with
/// '处  整改/发现' beside them it did not fit its tile and fell back to small text.
#[test]
fn a_ledger_slide_tile_shows_big_digits() {
    let mut s = history_state();
    s.start_presenting(None);
    let text = render(s, (80, 24), "Space Space Space Space");
    assert!(!text.contains("7/10处"), "small text:\n{text}");
    let row = text
        .lines()
        .find(|l| l.contains(" 处"))
        .expect("unit beside the digits");
    assert!(row.contains('█'), "{row}");
}

/// The filter chooser says how many items each choice keeps, so a leader does not pick 逾期 to
/// find an empty dashboard.
#[test]
fn the_filter_chooser_counts_what_each_choice_keeps() {
    let text = render(history_state(), (80, 24), "f");
    let count = |what: &str| {
        let row = text.lines().find(|l| l.contains(what)).unwrap();
        row.split_whitespace().last().unwrap().to_string()
    };
    assert_eq!(count("✕ 逾期"), "2项", "{text}");
    assert_eq!(count("■ 严重滞后"), "1项", "{text}");
    assert_eq!(count("▲ 滞后"), "0项", "{text}");
    assert_eq!(count("全部"), "27项", "{text}");
}

/// The strip under the cards names what it lists: with the seed (as of 06-30) read on 07-25 it
/// lists milestones of 07-20 that passed since the data's date under a heading that said only
/// 近14天到期.
#[test]
fn the_due_strip_heading_names_deadlines_passed_since_the_data() {
    let head = |d: u32| {
        let day = NaiveDate::from_ymd_opt(2023, 7, d).unwrap();
        let s = State::new(load::load_dir(std::path::Path::new("data")), Lang::Zh, day);
        let text = render(s, (80, 24), "");
        let row = text.lines().find(|l| l.contains("近14天"));
        row.unwrap_or_else(|| panic!("no strip on 07-{d}:\n{text}"))
            .to_string()
    };
    assert!(head(25).contains("数据日后已到期"), "{}", head(25));
    // On 07-10 the 07-20 milestone is ahead: the heading is as before.
    assert!(!head(10).contains("已到期"), "{}", head(10));
}

/// Slides in presenter mode: every slide at 80×24 and 200×50, and one at 120×40 per data set.
#[test]
fn presenter_slides() {
    let n = state(Lang::Zh).slides().len();
    for size in [(80u16, 24u16), (200, 50)] {
        for k in 0..n {
            let mut s = state(Lang::Zh);
            s.start_presenting(None);
            let keys = vec!["Space"; k].join(" ");
            let text = render(s, size, &keys);
            insta::assert_snapshot!(format!("slide_{k}_{}x{}", size.0, size.1), text);
        }
    }
    let mut s = history_state();
    s.start_presenting(Some(30));
    let n = s.slides().len();
    let keys = vec!["Space"; n - 1].join(" ");
    insta::assert_snapshot!("slide_history_laggards_120x40", render(s, (120, 40), &keys));
    let mut s = history_state();
    s.start_presenting(Some(30));
    insta::assert_snapshot!(
        "slide_history_line_120x40",
        render(s, (120, 40), "Space Space")
    );
}

#[test]
fn zoomed_panes() {
    insta::assert_snapshot!(
        "zoom_overview_card_80x24",
        render(state(Lang::Zh), (80, 24), "j z")
    );
    insta::assert_snapshot!("zoom_line_80x24", render(state(Lang::Zh), (80, 24), "2 z"));
}

/// Each theme keeps its colours: snapshots of the ANSI output (the codes a terminal receives).
#[test]
fn themes_in_ansi() {
    use huibao::commands::render::to_ansi;
    use huibao::ui::theme::{ColorDepth, ThemeName};
    for (name, theme, depth) in [
        ("dark16", ThemeName::Dark, ColorDepth::Sixteen),
        ("dark256", ThemeName::Dark, ColorDepth::Palette256),
        ("light16", ThemeName::Light, ColorDepth::Sixteen),
        ("mono", ThemeName::Mono, ColorDepth::Sixteen),
    ] {
        let mut s = history_state();
        s.look = huibao::look::Look {
            theme,
            depth,
            ascii: false,
        };
        let buf = render_buffer(s, (80, 24), "2").unwrap();
        let ansi = to_ansi(&buf);
        if name == "mono" {
            assert!(
                colour_params(&ansi).is_empty(),
                "mono writes colours: {:?}",
                colour_params(&ansi)
            );
            assert!(
                ansi.contains("\x1b[0;7") || ansi.contains(";7m"),
                "reverse video still marks the selection"
            );
        }
        if name == "dark256" {
            assert!(
                !ansi.contains("38;2;") && !ansi.contains("48;2;"),
                "no truecolor in 256 mode"
            );
            assert!(ansi.contains("38;5;"));
        }
        insta::assert_snapshot!(format!("theme_{name}_80x24"), ansi);
    }
}

/// SGR parameters that set a colour (30–37, 38, 40–47, 48, 90–97, 100–107) in ANSI text.
fn colour_params(ansi: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for seq in ansi.split("\x1b[").skip(1) {
        let Some(end) = seq.find('m') else { continue };
        for p in seq[..end].split(';').filter_map(|p| p.parse::<u32>().ok()) {
            if matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107) {
                out.push(p);
            }
        }
    }
    out
}
