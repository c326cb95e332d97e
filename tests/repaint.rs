//! The terminal backend replayed through a terminal emulator (vt100): after every frame of a key
//! sequence, every cell on the emulated screen shows what the frame holds — no stale cell is left where
//! a narrow cell overwrote half of a wide (CJK) glyph.

use chrono::NaiveDate;
use huibao::app::tty::{draw_cells, ScreenModel};
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
    s.theme = Theme::new(theme, depth);
    s
}

/// A ratatui colour as the vt100 crate reports it.
fn vt_color(c: Color) -> vt100::Color {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        c => vt100::Color::Idx(named.iter().position(|n| *n == c).unwrap() as u8),
    }
}

/// Every cell where the emulated screen differs from the frame: (x, y, what the frame holds, what the
/// screen shows). Compares the glyph and the background (reverse video applied), which is what a stale
/// cell shows.
fn mismatches(parser: &vt100::Parser, buf: &Buffer) -> Vec<String> {
    let screen = parser.screen();
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let want = &buf[(x, y)];
            let w = huibao::text::width(want.symbol()).max(1) as u16;
            let got = screen.cell(y, x).unwrap();
            let want_bg = if want.modifier.contains(Modifier::REVERSED) {
                vt_color(want.fg)
            } else {
                vt_color(want.bg)
            };
            let got_bg = if got.inverse() {
                got.fgcolor()
            } else {
                got.bgcolor()
            };
            let want_sym = want.symbol().trim();
            let got_sym = got.contents();
            if want_sym != got_sym.trim() || want_bg != got_bg {
                out.push(format!(
                    "({x},{y}) frame {want_sym:?} {want_bg:?}, screen {got_sym:?} {got_bg:?}"
                ));
            }
            // The columns under a wide glyph must show its continuation, nothing else.
            for k in 1..w {
                if let Some(c) = screen.cell(y, x + k) {
                    if !c.is_wide_continuation() {
                        out.push(format!("({},{y}) not covered by {want_sym:?}", x + k));
                    }
                }
            }
            x += w;
        }
    }
    out
}

/// Replays the frames after each key of `keys` through the backend and an emulated terminal, checking
/// the screen after every frame.
fn replay(state: impl Fn() -> State, size: (u16, u16), keys: &[&str]) {
    let mut parser = vt100::Parser::new(size.1, size.0, 0);
    let mut model = ScreenModel::default();
    let mut prev = Buffer::empty(ratatui::layout::Rect::new(0, 0, size.0, size.1));
    for n in 0..=keys.len() {
        let next = render_buffer(state(), size, &keys[..n].join(" ")).unwrap();
        let mut bytes = Vec::new();
        draw_cells(&mut bytes, &mut model, prev.diff(&next).into_iter()).unwrap();
        parser.process(&bytes);
        let bad = mismatches(&parser, &next);
        assert!(
            bad.is_empty(),
            "after {:?}: {} stale cells:\n{}",
            &keys[..n],
            bad.len(),
            bad[..bad.len().min(10)].join("\n")
        );
        prev = next;
    }
}

/// The case seen in xterm: at 80×24, `2 j j Enter` on the seed left a grey cell on the item screen
/// (a bar cell written over the left half of a CJK glyph blanks the right half in the bar's colour).
#[test]
fn item_screen_after_2_j_j_enter_has_no_stale_cell() {
    replay(
        || seed(ThemeName::Dark, ColorDepth::Sixteen),
        (80, 24),
        &["2", "j", "j", "Enter"],
    );
}

/// A walk through every screen, in every theme and colour depth, at two sizes: the emulated screen
/// equals each frame.
#[test]
fn every_screen_in_every_theme_leaves_no_stale_cell() {
    let walk = [
        "2", "j", "j", "Enter", "Esc", "j", "j", "j", "Enter", "Esc", "Esc", "l", "l", "Enter",
        "k", "Enter", "Esc", "Esc", "w", "j", "j", "Enter", "Esc", "Esc", "/", "禾", "Esc", "?",
        "Esc", "4", "Enter", "Esc", "Esc", "6", "j", "Esc",
    ];
    for (theme, depth) in [
        (ThemeName::Dark, ColorDepth::Sixteen),
        (ThemeName::Dark, ColorDepth::Palette256),
        (ThemeName::Light, ColorDepth::TrueColor),
        (ThemeName::Mono, ColorDepth::None),
    ] {
        for size in [(80, 24), (120, 40)] {
            replay(|| seed(theme, depth), size, &walk);
        }
    }
}
