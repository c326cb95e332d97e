//! The one theme: every colour and style the screens use, by name, for each theme and colour depth.

pub use crate::look::{detect_depth, ColorChoice, ColorDepth, Look, ThemeName};
use crate::model::Light;
use ratatui::style::{Color, Modifier, Style};

/// Named styles. Lights never rely on colour alone: each also has a symbol and a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True when no colour may be used (selection shown by reverse video and bold).
    pub mono: bool,
    /// Plain text.
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
    /// The 序时进度 marker on a bar.
    pub marker: Style,
    /// A figure that went up.
    pub up: Style,
    /// A figure that went down.
    pub down: Style,
    /// A new item or figure.
    pub new: Style,
    /// Colours of the lights: none, done, on track, behind, severely behind, overdue.
    lights: [Color; 6],
    /// Lights drawn as badges (dark text on the light's colour) rather than coloured text.
    badges: bool,
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

impl Theme {
    /// The default: 16 named colours on a dark terminal.
    pub fn dark() -> Theme {
        Theme {
            mono: false,
            text: Style::new(),
            dim: Style::new().fg(Color::Gray),
            title: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            header: Style::new().fg(Color::White).bg(Color::Blue),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            withheld: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            key: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Black).bg(Color::Yellow),
            error: Style::new().fg(Color::White).bg(Color::Red),
            bar_empty: Style::new().bg(Color::DarkGray),
            marker: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            up: Style::new().fg(Color::LightGreen),
            down: Style::new().fg(Color::LightRed),
            new: Style::new().fg(Color::LightCyan),
            lights: [
                Color::Gray,
                Color::LightBlue,
                Color::Green,
                Color::Yellow,
                Color::LightRed,
                Color::LightRed,
            ],
            badges: false,
        }
    }

    /// Dark text on a light background, strong colours for a washed-out projector.
    pub fn light_bg() -> Theme {
        Theme {
            mono: false,
            text: Style::new().fg(Color::Black).bg(Color::White),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            header: Style::new().fg(Color::White).bg(Color::Blue),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            withheld: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC | Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Black).bg(Color::Yellow),
            error: Style::new().fg(Color::White).bg(Color::Red),
            bar_empty: Style::new().bg(Color::Gray),
            marker: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            up: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            down: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            new: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            lights: [
                Color::Gray,
                Color::Blue,
                Color::Green,
                Color::Yellow,
                Color::Red,
                Color::Red,
            ],
            badges: true,
        }
    }

    /// No colour: reverse video, bold and underline only (NO_COLOR, printing).
    pub fn mono() -> Theme {
        let plain = Style::new();
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
            lights: [Color::Reset; 6],
            badges: false,
        }
    }

    /// The styles for a look (theme name and colour depth) held in the state.
    pub fn of(look: Look) -> Theme {
        Theme::new(look.theme, look.depth)
    }

    /// The theme `name` for a terminal of `depth` colours (no colour at all forces mono).
    pub fn new(name: ThemeName, depth: ColorDepth) -> Theme {
        let base = match (name, depth) {
            (ThemeName::Mono, _) | (_, ColorDepth::None) => return Theme::mono(),
            (ThemeName::Dark, _) => Theme::dark(),
            (ThemeName::Light, _) => Theme::light_bg(),
        };
        base.with_depth(depth)
    }

    /// Re-expresses every colour for the depth: named colours stay for 16, become palette indices for
    /// 256 and RGB for truecolor (softer tones that read better on large screens).
    pub fn with_depth(mut self, depth: ColorDepth) -> Theme {
        let map = |c: Color| map_color(c, depth);
        let restyle = |s: Style| Style {
            fg: s.fg.map(map),
            bg: s.bg.map(map),
            ..s
        };
        for s in [
            &mut self.text,
            &mut self.dim,
            &mut self.title,
            &mut self.header,
            &mut self.selected,
            &mut self.border,
            &mut self.withheld,
            &mut self.key,
            &mut self.warn,
            &mut self.error,
            &mut self.bar_empty,
            &mut self.marker,
            &mut self.up,
            &mut self.down,
            &mut self.new,
        ] {
            *s = restyle(*s);
        }
        self.lights = self.lights.map(map);
        self
    }

    /// The colour of a light (None in mono).
    pub fn light_color(&self, light: Light) -> Option<Color> {
        (!self.mono).then(|| self.lights[light_index(light)])
    }

    /// The style of a light's symbol and word.
    pub fn light(&self, light: Light) -> Style {
        match self.light_color(light) {
            Some(c) if self.badges && light != Light::None => Style::new()
                .fg(map_like(Color::Black, c))
                .bg(c)
                .add_modifier(Modifier::BOLD),
            Some(c) => Style::new().fg(c).add_modifier(Modifier::BOLD),
            None if light.is_laggard() => Style::new().add_modifier(Modifier::BOLD),
            None => Style::new(),
        }
    }

    /// The filled part of a progress bar.
    pub fn bar_fill(&self, light: Light) -> Style {
        match self.light_color(light) {
            Some(c) => Style::new().bg(c),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

/// Black in the same colour space as `like` (so a 256-colour theme writes no named colour codes).
fn map_like(black: Color, like: Color) -> Color {
    match like {
        Color::Indexed(_) => Color::Indexed(16),
        Color::Rgb(..) => Color::Rgb(0, 0, 0),
        _ => black,
    }
}

/// A named colour in the given depth.
pub fn map_color(c: Color, depth: ColorDepth) -> Color {
    let (idx, rgb) = match c {
        Color::Black => (16, (0, 0, 0)),
        Color::Red => (160, (205, 49, 49)),
        Color::Green => (34, (13, 188, 121)),
        Color::Yellow => (178, (229, 192, 16)),
        Color::Blue => (25, (36, 114, 200)),
        Color::Magenta => (133, (188, 63, 188)),
        Color::Cyan => (37, (17, 168, 205)),
        Color::Gray => (250, (192, 192, 192)),
        Color::DarkGray => (240, (88, 88, 88)),
        Color::LightRed => (203, (241, 76, 76)),
        Color::LightGreen => (78, (35, 209, 139)),
        Color::LightYellow => (227, (245, 245, 67)),
        Color::LightBlue => (75, (59, 142, 234)),
        Color::LightMagenta => (177, (214, 112, 214)),
        Color::LightCyan => (80, (41, 184, 219)),
        Color::White => (231, (255, 255, 255)),
        other => return other,
    };
    match depth {
        ColorDepth::None | ColorDepth::Sixteen => c,
        ColorDepth::Palette256 => Color::Indexed(idx),
        ColorDepth::TrueColor => Color::Rgb(rgb.0, rgb.1, rgb.2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn depth_from_the_environment() {
        let auto = ColorChoice::Auto;
        assert_eq!(
            detect_depth(auto, &env(&[("NO_COLOR", "1"), ("TERM", "xterm-256color")])),
            ColorDepth::None
        );
        assert_eq!(
            detect_depth(auto, &env(&[("NO_COLOR", ""), ("TERM", "xterm")])),
            ColorDepth::Sixteen
        );
        assert_eq!(
            detect_depth(auto, &env(&[("TERM", "dumb")])),
            ColorDepth::None
        );
        assert_eq!(
            detect_depth(auto, &env(&[("TERM", "xterm-256color")])),
            ColorDepth::Palette256
        );
        assert_eq!(
            detect_depth(
                auto,
                &env(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")])
            ),
            ColorDepth::TrueColor
        );
        assert_eq!(detect_depth(auto, &env(&[])), ColorDepth::Sixteen);
        assert_eq!(
            detect_depth(ColorChoice::Sixteen, &env(&[("COLORTERM", "truecolor")])),
            ColorDepth::Sixteen
        );
        assert_eq!(
            detect_depth(ColorChoice::Never, &env(&[])),
            ColorDepth::None
        );
    }

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
