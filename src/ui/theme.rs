//! The one theme: every colour and style the screens use, by name, for each theme and colour depth.

use super::palette::{LightTones, Palette, Tone};
pub use crate::look::{detect_depth, BorderChoice, ColorChoice, ColorDepth, Look, ThemeName};
use crate::model::Light;
use ratatui::style::{Color, Modifier, Style};

/// How a light is drawn at the theme's depth (see [`LightTones`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LightColors {
    ink: Color,
    fill: Color,
    on_fill: Color,
    on_selection: Color,
}

/// Named styles, built from the theme table ([`super::palette`]). Lights never rely on colour alone:
/// each also has a symbol and a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True when no colour may be used (selection shown by reverse video and bold).
    pub mono: bool,
    /// Plain text, on the page background the theme paints under everything.
    pub text: Style,
    /// Secondary text (labels, units, hints).
    pub dim: Style,
    /// Titles and headings.
    pub title: Style,
    /// The header bar.
    pub header: Style,
    /// The selected row or card.
    pub selected: Style,
    /// Borders.
    pub border: Style,
    /// A withheld `**` figure.
    pub withheld: Style,
    /// A key in the hints and help.
    pub key: Style,
    /// A warning banner.
    pub warn: Style,
    /// An error banner.
    pub error: Style,
    /// The empty part of a progress bar.
    pub bar_empty: Style,
    /// The 序时进度 marker on the empty part of a bar (no background: it is drawn over the bar's).
    pub marker: Style,
    /// A figure that went up.
    pub up: Style,
    /// A figure that went down.
    pub down: Style,
    /// A new item or figure.
    pub new: Style,
    /// Colours of the lights: none, done, on track, behind, severely behind, overdue.
    lights: [LightColors; 6],
    /// Lights drawn as badges (text on the light's colour) rather than coloured text.
    badges: bool,
    /// ASCII borders and big digits (`--borders ascii`), for terminals that draw box drawing and
    /// other ambiguous-width symbols two columns wide.
    pub ascii: bool,
}

fn light_index(l: Light) -> usize {
    match l {
        Light::None => 0,
        Light::Done => 1,
        Light::OnTrack => 2,
        Light::Behind => 3,
        Light::SeverelyBehind => 4,
        Light::Overdue => 5,
    }
}

/// True for the eight dark ANSI colours, which xterm and PuTTY brighten when bold ("bold as bright").
fn brightened_by_bold(c: Option<Color>) -> bool {
    match c {
        Some(Color::Indexed(i)) => i < 8,
        Some(c) => super::palette::named_index(c).is_some_and(|i| i < 8),
        None => false,
    }
}

/// Bold only where it cannot change the colour: never on the eight dark ANSI colours.
fn bold_safe(s: Style) -> Style {
    if brightened_by_bold(s.fg) {
        s.remove_modifier(Modifier::BOLD)
    } else {
        s
    }
}

impl Theme {
    /// The dark theme in 16 colours (the start-up default before the command line is read).
    pub fn dark() -> Theme {
        Theme::from_palette(&super::palette::DARK, ColorDepth::Sixteen)
    }

    /// Builds the styles of a theme table at a colour depth.
    pub fn from_palette(p: &Palette, depth: ColorDepth) -> Theme {
        let c = |t: Tone| t.at(depth);
        let page = c(p.page);
        let on_page = |t: Tone| Style::new().fg(c(t)).bg(page);
        let pair = |(fg, bg): (Tone, Tone)| Style::new().fg(c(fg)).bg(c(bg));
        let bold = Modifier::BOLD;
        let mut theme = Theme {
            mono: false,
            text: on_page(p.text),
            dim: on_page(p.dim),
            title: on_page(p.title).add_modifier(bold),
            header: pair(p.header),
            selected: pair(p.selected),
            border: on_page(p.border),
            withheld: on_page(p.withheld).add_modifier(Modifier::ITALIC),
            key: on_page(p.key).add_modifier(bold),
            warn: pair(p.warn),
            error: pair(p.error),
            bar_empty: Style::new().bg(c(p.bar_empty)),
            marker: Style::new().fg(c(p.marker)),
            up: on_page(p.up),
            down: on_page(p.down),
            new: on_page(p.new),
            lights: std::array::from_fn(|i| {
                let l: LightTones = p.lights[i];
                LightColors {
                    ink: c(l.ink),
                    fill: c(l.fill),
                    on_fill: c(l.on_fill),
                    on_selection: c(p.lights_selected[i]),
                }
            }),
            badges: p.badges,
            ascii: false,
        };
        for s in [
            &mut theme.title,
            &mut theme.key,
            &mut theme.selected,
            &mut theme.header,
        ] {
            *s = bold_safe(*s);
        }
        theme
    }

    /// Dark text on a light background, strong colours for a washed-out projector (16 colours).
    pub fn light_bg() -> Theme {
        Theme::from_palette(&super::palette::LIGHT, ColorDepth::Sixteen)
    }

    /// No colour: reverse video, bold and underline only (NO_COLOR, printing).
    pub fn mono() -> Theme {
        let plain = Style::new();
        let ink = LightColors {
            ink: Color::Reset,
            fill: Color::Reset,
            on_fill: Color::Reset,
            on_selection: Color::Reset,
        };
        Theme {
            mono: true,
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::REVERSED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: plain,
            withheld: plain.add_modifier(Modifier::ITALIC),
            key: plain.add_modifier(Modifier::BOLD),
            warn: plain.add_modifier(Modifier::REVERSED),
            error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            bar_empty: plain,
            marker: plain.add_modifier(Modifier::BOLD),
            up: plain.add_modifier(Modifier::BOLD),
            down: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            new: plain.add_modifier(Modifier::UNDERLINED),
            lights: [ink; 6],
            badges: false,
            ascii: false,
        }
    }

    /// The styles for a look held in the state: theme name, colour depth and borders.
    pub fn of(look: Look) -> Theme {
        let mut t = Theme::new(look.theme, look.depth);
        t.ascii = look.ascii;
        t
    }

    /// The theme `name` for a terminal of `depth` colours (no colour at all forces mono). `Auto` that
    /// was not resolved against the terminal is dark.
    pub fn new(name: ThemeName, depth: ColorDepth) -> Theme {
        match (name, depth) {
            (ThemeName::Mono, _) | (_, ColorDepth::None) => Theme::mono(),
            (ThemeName::Dark | ThemeName::Auto, _) => {
                Theme::from_palette(&super::palette::DARK, depth)
            }
            (ThemeName::Light, _) => Theme::from_palette(&super::palette::LIGHT, depth),
        }
    }

    /// The colour of a light's ink (None in mono).
    pub fn light_color(&self, light: Light) -> Option<Color> {
        (!self.mono).then(|| self.lights[light_index(light)].ink)
    }

    /// The style of a light's symbol and word: a badge (text on the light's colour, never bold) in the
    /// light theme, coloured text on the page otherwise.
    pub fn light(&self, light: Light) -> Style {
        let l = self.lights[light_index(light)];
        if self.mono {
            return if light.is_laggard() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
        }
        if self.badges && light != Light::None {
            return Style::new().fg(l.on_fill).bg(l.fill);
        }
        let s = Style::new().fg(l.ink).bg(self.page());
        if light == Light::None {
            s
        } else {
            bold_safe(s.add_modifier(Modifier::BOLD))
        }
    }

    /// A light's symbol and word on the selected row: a shade of the light that reads on the
    /// selection's background (the light's own ink may not), or the badge where lights are badges.
    pub fn light_selected(&self, light: Light) -> Style {
        if self.mono || self.badges {
            return self.light(light);
        }
        let fg = self.lights[light_index(light)].on_selection;
        Style::new()
            .fg(fg)
            .bg(self.selected.bg.unwrap_or(self.page()))
    }

    /// The style of big digits on a slide: the light's ink on the page, never the colour of a badge
    /// behind them.
    pub fn digits(&self, light: Light) -> Style {
        if self.mono {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        Style::new()
            .fg(self.lights[light_index(light)].ink)
            .bg(self.page())
    }

    /// The filled part of a progress bar.
    pub fn bar_fill(&self, light: Light) -> Style {
        if self.mono {
            return Style::new().add_modifier(Modifier::REVERSED);
        }
        Style::new().bg(self.lights[light_index(light)].fill)
    }

    /// The 序时进度 marker drawn on the filled part of a bar of `light`.
    pub fn marker_on_fill(&self, light: Light) -> Style {
        if self.mono {
            return self.marker;
        }
        Style::new().fg(self.lights[light_index(light)].on_fill)
    }

    /// A block with borders all round in the theme's border style and set (ASCII with `--borders ascii`).
    pub fn block(&self) -> ratatui::widgets::Block<'static> {
        let block = ratatui::widgets::Block::bordered().border_style(self.border);
        if self.ascii {
            block.border_set(ASCII_BORDERS)
        } else {
            block
        }
    }

    /// A row of big digits in the theme's pixels: `█` or, with ASCII borders, `#`.
    pub fn pixels(&self, row: String) -> String {
        if self.ascii {
            row.replace('█', "#")
        } else {
            row
        }
    }

    /// A horizontal rule piece: `──` or `--`.
    pub fn rule(&self) -> &'static str {
        if self.ascii {
            "--"
        } else {
            "──"
        }
    }

    /// The page background the theme paints (Reset in mono).
    pub fn page(&self) -> Color {
        self.text.bg.unwrap_or(Color::Reset)
    }
}

/// Borders in plain ASCII: `+`, `-`, `|`.
const ASCII_BORDERS: ratatui::symbols::border::Set = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_256_has_no_rgb_and_mono_has_no_colour() {
        let t = Theme::new(ThemeName::Dark, ColorDepth::Palette256);
        let styles = [
            t.text, t.dim, t.title, t.header, t.withheld, t.key, t.warn, t.error, t.up, t.down,
        ];
        for s in styles {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(matches!(c, Color::Indexed(_) | Color::Reset), "{c:?}");
            }
        }
        for l in [Light::Behind, Light::Overdue, Light::Done] {
            assert!(matches!(t.light_color(l), Some(Color::Indexed(_))));
        }
        let m = Theme::new(ThemeName::Dark, ColorDepth::None);
        assert!(m.mono);
        assert!(
            m.selected.add_modifier.contains(Modifier::REVERSED),
            "selection visible without colour"
        );
        assert_eq!(m.light_color(Light::Overdue), None);
    }
}
