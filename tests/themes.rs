//! Themes as drawn: every colour theme paints its own background under every cell of every screen (so
//! a white- or black-background terminal shows the same picture), and the focus is visible without
//! colour.

use chrono::NaiveDate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::render_buffer;
use huibao::model::load;
use huibao::ui::theme::{ColorDepth, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn seed(theme: ThemeName, depth: ColorDepth) -> State {
    let mut s = State::new(
        load::load_dir(std::path::Path::new("data")),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(),
    );
    s.look = huibao::look::Look {
        theme,
        depth,
        ascii: false,
    };
    s
}

const SCREENS: &[&str] = &[
    "", "1", "2", "2 Enter", "4 Enter", "w", "/ 禾", "f", "?", "2 z", "z",
];

/// The cells a terminal shows (the cell hidden behind a wide glyph is skipped).
fn shown(buf: &Buffer) -> Vec<(u16, u16, &ratatui::buffer::Cell)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let c = &buf[(x, y)];
            out.push((x, y, c));
            x += huibao::text::width(c.symbol()).max(1) as u16;
        }
    }
    out
}

#[test]
fn colour_themes_paint_every_cell_background() {
    for theme in [ThemeName::Auto, ThemeName::Dark, ThemeName::Light] {
        for depth in [
            ColorDepth::Sixteen,
            ColorDepth::Palette256,
            ColorDepth::TrueColor,
        ] {
            for keys in SCREENS {
                for size in [(80, 24), (120, 40)] {
                    let buf = render_buffer(seed(theme, depth), size, keys).unwrap();
                    for (x, y, c) in shown(&buf) {
                        assert!(
                            c.bg != Color::Reset && c.fg != Color::Reset,
                            "{theme:?} {depth:?} {keys:?} {size:?}: ({x},{y}) {:?} has the \
                             terminal's default colour",
                            c.symbol()
                        );
                    }
                }
            }
            // Presenter slides too.
            for n in 0..4 {
                let mut s = seed(theme, depth);
                s.start_presenting(None);
                let keys = vec!["Space"; n].join(" ");
                let buf = render_buffer(s, (120, 40), &keys).unwrap();
                for (x, y, c) in shown(&buf) {
                    assert!(c.bg != Color::Reset, "{theme:?} slide {n}: ({x},{y})");
                    // Big digits never take the colour of what is behind them.
                    if c.symbol() == "█" {
                        assert_ne!(c.fg, c.bg, "{theme:?} {depth:?} slide {n}: ({x},{y})");
                    }
                }
            }
        }
    }
}

/// The row or card that has the focus, found by its `>` marker, is marked by more than colour in
/// mono (reverse video) and by a background of its own in 16 colours.
#[test]
fn focus_is_visible_in_mono_and_16_colours() {
    for (theme, depth) in [
        (ThemeName::Mono, ColorDepth::None),
        (ThemeName::Dark, ColorDepth::Sixteen),
        (ThemeName::Light, ColorDepth::Sixteen),
    ] {
        let plain = Theme::new(theme, depth).text;
        for keys in ["", "2", "2 j", "1 j j"] {
            let buf = render_buffer(seed(theme, depth), (80, 24), keys).unwrap();
            let marker = shown(&buf)
                .into_iter()
                .filter(|(_, y, _)| *y >= 2)
                .find(|(_, _, c)| c.symbol() == ">")
                .unwrap_or_else(|| panic!("{theme:?} {keys:?}: no focus marker"));
            let c = marker.2;
            if theme == ThemeName::Mono {
                assert!(c.modifier.contains(Modifier::REVERSED), "{keys:?}");
            } else {
                assert_ne!(
                    Some(c.bg),
                    plain.bg,
                    "{theme:?} {keys:?}: selection background"
                );
            }
        }
    }
}

/// Light-theme badges carry no bold: xterm and PuTTY would show bold black as grey.
#[test]
fn light_badges_do_not_rely_on_bold() {
    use huibao::model::Light;
    for depth in [
        ColorDepth::Sixteen,
        ColorDepth::Palette256,
        ColorDepth::TrueColor,
    ] {
        let t = Theme::new(ThemeName::Light, depth);
        for l in [
            Light::Done,
            Light::OnTrack,
            Light::Behind,
            Light::SeverelyBehind,
            Light::Overdue,
        ] {
            let s = t.light(l);
            assert!(s.bg.is_some(), "{l:?} is a badge");
            assert!(!s.add_modifier.contains(Modifier::BOLD), "{depth:?} {l:?}");
            assert_ne!(t.digits(l).fg, t.digits(l).bg);
        }
    }
}

/// `--borders ascii`: no box drawing or block glyph on any screen or slide, and the screen keeps
/// its layout (same text once the borders are mapped back).
#[test]
fn ascii_borders_leave_no_ambiguous_width_glyph() {
    use huibao::commands::render::to_text;
    let ambiguous = ['─', '│', '┌', '┐', '└', '┘', '█'];
    let ascii = |mut s: State| {
        s.look.ascii = true;
        s
    };
    for keys in SCREENS {
        let plain = to_text(
            &render_buffer(seed(ThemeName::Dark, ColorDepth::Sixteen), (80, 24), keys).unwrap(),
        );
        let text = to_text(
            &render_buffer(
                ascii(seed(ThemeName::Dark, ColorDepth::Sixteen)),
                (80, 24),
                keys,
            )
            .unwrap(),
        );
        assert!(!text.contains(ambiguous), "{keys:?}:\n{text}");
        let mapped: String = plain
            .chars()
            .map(|c| match c {
                '─' => '-',
                '│' => '|',
                '┌' | '┐' | '└' | '┘' => '+',
                c => c,
            })
            .collect();
        assert_eq!(text, mapped, "{keys:?}");
    }
    for n in 0..4 {
        let mut s = ascii(seed(ThemeName::Light, ColorDepth::TrueColor));
        s.start_presenting(None);
        let keys = vec!["Space"; n].join(" ");
        let text = to_text(&render_buffer(s, (120, 40), &keys).unwrap());
        assert!(!text.contains(ambiguous), "slide {n}:\n{text}");
    }
}

/// On the selected row of every table, a light keeps a word that reads: its symbol and word have at
/// least 4.5:1 against the background they are drawn on, in every theme and colour depth (the red
/// `✕ 逾期` used to turn into the selection's black, or stay light red on light grey).
#[test]
fn light_words_read_on_the_selected_row() {
    use huibao::model::Light;
    use huibao::ui::palette::{contrast, rgb};
    const LIGHTS: [Light; 5] = [
        Light::Done,
        Light::OnTrack,
        Light::Behind,
        Light::SeverelyBehind,
        Light::Overdue,
    ];
    let history = || load::load_dir(std::path::Path::new("tests/fixtures/history"));
    for theme in [ThemeName::Dark, ThemeName::Light] {
        for depth in [
            ColorDepth::Sixteen,
            ColorDepth::Palette256,
            ColorDepth::TrueColor,
        ] {
            // The laggard list (an overdue ledger first), line 5 (a severely behind target) and
            // line 2 on its overdue project.
            for keys in ["w", "w j j", "2 j"] {
                let mut s = State::new(
                    history(),
                    Lang::Zh,
                    NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(),
                );
                s.look = huibao::look::Look {
                    theme,
                    depth,
                    ascii: false,
                };
                let buf = render_buffer(s, (120, 40), keys).unwrap();
                let cells = shown(&buf);
                let (_, row, _) = *cells
                    .iter()
                    .find(|(_, y, c)| *y >= 2 && c.symbol() == ">")
                    .unwrap_or_else(|| panic!("{keys}: no selected row"));
                // The light's symbol, then its word after a space (`✕ 逾期`).
                let on_row: Vec<_> = cells.iter().filter(|(_, y, _)| *y == row).collect();
                let at = on_row
                    .iter()
                    .position(|(_, _, c)| "✕■▲●✓".contains(c.symbol()))
                    .unwrap_or_else(|| panic!("{theme:?} {depth:?} {keys}: no light"));
                let words: Vec<_> = [at, at + 2, at + 3]
                    .into_iter()
                    .filter_map(|i| on_row.get(i).copied())
                    .collect();
                assert!(
                    words.len() >= 2,
                    "{theme:?} {depth:?} {keys}: a light on the row"
                );
                // The light keeps its own shade for the selection (not the selection's ink).
                let light = LIGHTS
                    .into_iter()
                    .find(|l| l.symbol() == words[0].2.symbol())
                    .expect("the light's symbol first");
                let want = Theme::new(theme, depth).light_selected(light).fg;
                for (x, _, c) in &words {
                    assert_eq!(
                        Some(c.fg),
                        want,
                        "{theme:?} {depth:?} {keys} x={x}: {light:?}"
                    );
                }
                for (x, _, c) in words {
                    let (Some(f), Some(b)) = (rgb(c.fg), rgb(c.bg)) else {
                        panic!("{theme:?} {depth:?} {keys} x={x}: no colour");
                    };
                    let ratio = contrast(f, b);
                    assert!(
                        ratio >= 4.5,
                        "{theme:?} {depth:?} {keys}: {} at x={x} has {ratio:.2}:1 ({:?} on {:?})",
                        c.symbol(),
                        c.fg,
                        c.bg
                    );
                }
            }
        }
    }
}
