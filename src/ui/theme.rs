//! The one theme: every colour and style the screens use, by name.

use crate::model::Light;
use ratatui::style::{Color, Modifier, Style};

/// Named styles. `dark` uses the 16 named colours only; `mono` uses no colour at all.
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
        }
    }

    /// The colour of a light (None in mono).
    pub fn light_color(&self, light: Light) -> Option<Color> {
        if self.mono {
            return None;
        }
        Some(match light {
            Light::None => Color::Gray,
            Light::Done => Color::LightBlue,
            Light::OnTrack => Color::Green,
            Light::Behind => Color::Yellow,
            Light::SeverelyBehind | Light::Overdue => Color::LightRed,
        })
    }

    /// The style of a light's symbol and word.
    pub fn light(&self, light: Light) -> Style {
        match self.light_color(light) {
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
