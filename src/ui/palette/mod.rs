//! The theme table: every colour of every theme, given for each colour depth, and contrast maths.
//!
//! Each role has a named ANSI colour (16 colours, designed against xterm's default palette), an
//! xterm-256 index and a 24-bit value. [`super::theme::Theme`] builds its styles from this table alone,
//! and the tests below check every text colour against the background it is drawn on.

mod colors;

pub use colors::{contrast, is_light_background, named_index, rgb, xterm_rgb, XTERM16};
use ratatui::style::Color;

/// One colour of the table in the three depths: named ANSI colour, xterm-256 index, 24-bit RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tone(pub Color, pub u8, pub u32);

impl Tone {
    /// The colour to write at `depth`.
    pub fn at(self, depth: crate::look::ColorDepth) -> Color {
        use crate::look::ColorDepth;
        match depth {
            ColorDepth::None => Color::Reset,
            ColorDepth::Sixteen => self.0,
            ColorDepth::Palette256 => Color::Indexed(self.1),
            ColorDepth::TrueColor => {
                let [_, r, g, b] = self.2.to_be_bytes();
                Color::Rgb(r, g, b)
            }
        }
    }
}

/// How a light is drawn: `ink` for its symbol, word, percentage and big digits on the page; `fill` for
/// bars and badges, with `on_fill` for text and the 序时进度 marker drawn on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LightTones {
    /// Text colour on the page background.
    pub ink: Tone,
    /// Bar and badge background.
    pub fill: Tone,
    /// Text on `fill`.
    pub on_fill: Tone,
}

/// The colours of one theme, by role. `(fg, bg)` pairs are drawn together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The background painted under everything.
    pub page: Tone,
    /// Plain text.
    pub text: Tone,
    /// Secondary text (labels, units, hints, group rows).
    pub dim: Tone,
    /// Titles and headings.
    pub title: Tone,
    /// Keys in the hints.
    pub key: Tone,
    /// A withheld `**` figure.
    pub withheld: Tone,
    /// A figure that went up.
    pub up: Tone,
    /// A figure that went down.
    pub down: Tone,
    /// A new item or figure.
    pub new: Tone,
    /// Borders (a graphic: 3:1 is enough).
    pub border: Tone,
    /// The header bar.
    pub header: (Tone, Tone),
    /// The selected row or card title.
    pub selected: (Tone, Tone),
    /// A warning banner.
    pub warn: (Tone, Tone),
    /// An error banner.
    pub error: (Tone, Tone),
    /// The empty part of a bar.
    pub bar_empty: Tone,
    /// The 序时进度 marker on the empty part of a bar.
    pub marker: Tone,
    /// Lights: none, done, on track, behind, severely behind, overdue.
    pub lights: [LightTones; 6],
    /// Each light's symbol and word on the selected row (on `selected.1`), where its own ink would
    /// fade: a darker shade of the light, or the selection's ink where no shade reads (16 colours).
    /// Unused when the lights are badges, which keep their own background.
    pub lights_selected: [Tone; 6],
    /// Light words drawn as badges (text on the light's fill) rather than coloured text.
    pub badges: bool,
}

const fn t(c: Color, i: u8, rgb: u32) -> Tone {
    Tone(c, i, rgb)
}

const fn light(ink: Tone, fill: Tone, on_fill: Tone) -> LightTones {
    LightTones { ink, fill, on_fill }
}

use Color::{
    Black, Blue, Cyan, DarkGray, Gray, Green, LightCyan, LightGreen, LightMagenta, LightRed,
    LightYellow, Magenta, Red, White, Yellow,
};

const D_PAGE: Tone = t(Black, 235, 0x1e1e1e);
const D_INK: Tone = t(Black, 16, 0x000000);
const D_RED: Tone = t(LightRed, 203, 0xff6b6b);

/// Light text on a dark background painted by the theme itself (so a white-background terminal shows
/// the same screen).
pub const DARK: Palette = Palette {
    page: D_PAGE,
    text: t(White, 255, 0xe6e6e6),
    dim: t(Gray, 248, 0xa8a8a8),
    title: t(LightCyan, 117, 0x6cc6ff),
    key: t(LightYellow, 229, 0xf5e56b),
    withheld: t(LightMagenta, 213, 0xe08ee0),
    up: t(LightGreen, 114, 0x5fd38d),
    down: D_RED,
    new: t(LightCyan, 117, 0x6cc6ff),
    border: t(DarkGray, 244, 0x7a7a7a),
    header: (t(White, 231, 0xffffff), t(Blue, 25, 0x1f5fa8)),
    // Grey, unlike every light's fill, so a bar keeps its colour on the selected row.
    selected: (D_INK, t(Gray, 252, 0xd0d0d0)),
    warn: (D_INK, t(Yellow, 220, 0xe5c010)),
    error: (t(White, 231, 0xffffff), t(Red, 160, 0xc62828)),
    bar_empty: t(DarkGray, 244, 0x7a7a7a),
    marker: D_INK,
    lights: [
        light(t(Gray, 248, 0xa8a8a8), t(Gray, 248, 0xa8a8a8), D_INK),
        light(t(Cyan, 75, 0x5ea8ff), t(Cyan, 75, 0x5ea8ff), D_INK),
        light(t(Green, 71, 0x3cc47c), t(Green, 71, 0x3cc47c), D_INK),
        light(t(Yellow, 178, 0xe5c010), t(Yellow, 178, 0xe5c010), D_INK),
        light(D_RED, D_RED, D_INK),
        light(D_RED, D_RED, D_INK),
    ],
    // On the light grey selection: blue, green, amber and red darkened; in 16 colours only blue and
    // red read on grey, the others take the selection's black (their symbol still tells them apart).
    lights_selected: [
        D_INK,
        t(Blue, 18, 0x1a4a8a),
        t(Black, 22, 0x155d2e),
        t(Black, 52, 0x6b4500),
        t(Red, 88, 0xa01010),
        t(Red, 88, 0xa01010),
    ],
    badges: false,
};

const L_PAGE: Tone = t(White, 231, 0xffffff);
const L_INK: Tone = t(Black, 16, 0x1a1a1a);
const L_BLUE: Tone = t(Blue, 25, 0x0b57a4);
const L_RED: Tone = t(Red, 124, 0xc62828);
const L_WHITE: Tone = t(White, 231, 0xffffff);
const L_BLACK: Tone = t(Black, 16, 0x000000);

/// Dark text on white, strong colours for a washed-out projector. With 16 colours only black, blue, red
/// and magenta read on white, so green and amber lights are badges and their ink is black.
pub const LIGHT: Palette = Palette {
    page: L_PAGE,
    text: L_INK,
    dim: t(Black, 240, 0x5c5c5c),
    title: L_BLUE,
    key: L_BLUE,
    withheld: t(Magenta, 127, 0x9c27b0),
    up: t(Blue, 28, 0x1b7f3b),
    down: L_RED,
    new: t(Magenta, 25, 0x0b57a4),
    border: t(DarkGray, 245, 0x8a8a8a),
    header: (L_WHITE, L_BLUE),
    selected: (L_BLACK, t(Cyan, 153, 0xbcdcff)),
    warn: (L_BLACK, t(Yellow, 220, 0xf2c200)),
    error: (L_WHITE, L_RED),
    bar_empty: t(Gray, 250, 0xd0d0d0),
    marker: L_BLACK,
    lights: [
        light(t(Black, 240, 0x5c5c5c), t(Gray, 250, 0xd0d0d0), L_BLACK),
        light(L_BLUE, t(Blue, 25, 0x2f6fd0), L_WHITE),
        light(t(Black, 28, 0x1b7f3b), t(Green, 34, 0x2fa862), L_BLACK),
        light(t(Black, 130, 0x8a5a00), t(Yellow, 220, 0xf2c200), L_BLACK),
        light(L_RED, t(Red, 160, 0xd32f2f), L_WHITE),
        light(L_RED, t(Red, 160, 0xd32f2f), L_WHITE),
    ],
    lights_selected: [L_BLACK, L_BLUE, L_BLACK, L_BLACK, L_RED, L_RED],
    badges: true,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Light;
    use crate::ui::theme::{ColorDepth, Theme, ThemeName};
    use ratatui::style::{Modifier, Style};

    const LIGHTS: [Light; 6] = [
        Light::None,
        Light::Done,
        Light::OnTrack,
        Light::Behind,
        Light::SeverelyBehind,
        Light::Overdue,
    ];

    /// Every (what, foreground, background, minimum ratio) a theme draws: text 4.5:1, graphics (borders,
    /// the bar marker) 3:1.
    fn pairs(t: &Theme) -> Vec<(String, Style, Color, f64)> {
        let page = t.page();
        let on = |s: Style| s.bg.unwrap_or(page);
        let mut out = Vec::new();
        for (name, s) in [
            ("text", t.text),
            ("dim", t.dim),
            ("title", t.title),
            ("key", t.key),
            ("withheld", t.withheld),
            ("up", t.up),
            ("down", t.down),
            ("new", t.new),
            ("header", t.header),
            ("header title", t.header.patch(t.title).patch(t.header)),
            ("selected", t.selected),
            ("warn", t.warn),
            ("error", t.error),
        ] {
            out.push((name.to_string(), s, on(s), 4.5));
        }
        out.push(("border".into(), t.border, on(t.border), 3.0));
        let empty = t.bar_empty.bg.unwrap_or(page);
        out.push(("marker on bar".into(), t.marker, empty, 3.0));
        for l in LIGHTS {
            let s = t.light(l);
            out.push((format!("light {l:?}"), s, on(s), 4.5));
            let sel = t.light_selected(l);
            out.push((
                format!("light {l:?} on the selected row"),
                sel,
                on(sel),
                4.5,
            ));
            let d = t.digits(l);
            out.push((format!("digits {l:?}"), d, on(d), 4.5));
            let fill = t.bar_fill(l).bg.unwrap_or(page);
            out.push((
                format!("marker on {l:?} bar"),
                t.marker_on_fill(l),
                fill,
                3.0,
            ));
        }
        out
    }

    /// The foreground a terminal shows for a style: with BOLD, xterm and PuTTY show the eight dark
    /// ANSI colours bright.
    fn shown_fg(s: Style) -> Color {
        let fg = s.fg.unwrap_or(Color::Reset);
        match named_index(fg).or(match fg {
            Color::Indexed(i) if i < 8 => Some(i),
            _ => None,
        }) {
            Some(i) if i < 8 && s.add_modifier.contains(Modifier::BOLD) => Color::Indexed(i + 8),
            _ => fg,
        }
    }

    /// Every text colour of every theme at every depth has at least 4.5:1 on its background (16
    /// colours measured with xterm's default palette), graphics 3:1; prints the lowest per theme.
    #[test]
    fn every_text_colour_has_enough_contrast() {
        let mut failures = Vec::new();
        for name in [ThemeName::Dark, ThemeName::Light] {
            for depth in [
                ColorDepth::Sixteen,
                ColorDepth::Palette256,
                ColorDepth::TrueColor,
            ] {
                let t = Theme::new(name, depth);
                let mut lowest = (f64::MAX, String::new());
                for (what, style, bg, min) in pairs(&t) {
                    let fg = shown_fg(style);
                    let (Some(f), Some(b)) = (rgb(fg), rgb(bg)) else {
                        failures.push(format!("{name:?} {depth:?} {what}: no colour"));
                        continue;
                    };
                    let ratio = contrast(f, b);
                    if ratio < min {
                        failures.push(format!(
                            "{name:?} {depth:?} {what}: {ratio:.2} ({fg:?} on {bg:?})"
                        ));
                    }
                    if min > 4.0 && ratio < lowest.0 {
                        lowest = (ratio, what);
                    }
                }
                println!(
                    "{name:?} {depth:?}: lowest text contrast {:.2}:1 ({})",
                    lowest.0, lowest.1
                );
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A bar keeps its colour on the selected row: the selection's background is no light's fill and
    /// not the empty part's.
    #[test]
    fn selection_differs_from_every_bar_colour() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            for depth in [
                ColorDepth::Sixteen,
                ColorDepth::Palette256,
                ColorDepth::TrueColor,
            ] {
                let t = Theme::new(name, depth);
                let sel = t.selected.bg;
                assert_ne!(sel, t.bar_empty.bg, "{name:?} {depth:?}");
                // A bar without a light is drawn as on track.
                for l in &LIGHTS[1..] {
                    assert_ne!(sel, t.bar_fill(*l).bg, "{name:?} {depth:?} {l:?}");
                }
            }
        }
    }

    /// Mono draws in the terminal's own colours; exported, it is black on white.
    #[test]
    fn mono_uses_no_colour_and_no_bold_on_dark_colours_anywhere() {
        let m = Theme::new(ThemeName::Mono, ColorDepth::TrueColor);
        for (what, s, _, _) in pairs(&m) {
            assert!(s.fg.is_none_or(|c| c == Color::Reset), "{what}");
        }
        for name in [ThemeName::Dark, ThemeName::Light] {
            for depth in [ColorDepth::Sixteen, ColorDepth::Palette256] {
                for (what, s, _, _) in pairs(&Theme::new(name, depth)) {
                    assert_eq!(shown_fg(s), s.fg.unwrap_or(Color::Reset), "{name:?} {what}");
                }
            }
        }
    }
}
