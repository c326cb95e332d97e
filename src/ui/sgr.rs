//! SGR escape codes for a cell's style, shared by the terminal backend and the ANSI export.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The SGR parameter of a colour (`31`, `38;5;208`, `48;2;1;2;3`), None for the terminal's default.
pub fn color_param(c: Color, fg: bool) -> Option<String> {
    let mut out = String::new();
    push_color(&mut out, c, fg).then_some(out)
}

/// Appends the SGR parameter of a colour to `out` (see [`color_param`]); false, appending nothing,
/// for the terminal's default. No allocation: a frame writes one per change of pen.
fn push_color(out: &mut String, c: Color, fg: bool) -> bool {
    use std::fmt::Write;
    let base: u16 = if fg { 30 } else { 40 };
    let offset = match c {
        Color::Reset => return false,
        Color::Indexed(i) => {
            let _ = write!(out, "{};5;{i}", base + 8);
            return true;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "{};2;{r};{g};{b}", base + 8);
            return true;
        }
        // The sixteen named colours: 30–37 (40–47), then the bright ones at 90–97 (100–107).
        named => match super::palette::named_index(named) {
            Some(i) if i < 8 => u16::from(i),
            Some(i) => 60 + u16::from(i - 8),
            None => return false,
        },
    };
    let _ = write!(out, "{}", base + offset);
    true
}

/// Appends the separator before a parameter of the sequence `out`, which starts `ESC[`.
fn next_param(out: &mut String) {
    if !out.ends_with('[') {
        out.push(';');
    }
}

/// The SGR codes of the modifiers the terminal backend and the ANSI export write.
const MODIFIERS: [(Modifier, &str); 6] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::REVERSED, "7"),
    (Modifier::CROSSED_OUT, "9"),
];

/// What of a cell's style SGR sequences carry: modifiers, foreground, background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    modifier: Modifier,
    fg: Color,
    bg: Color,
}

impl Pen {
    /// The pen `cell` is drawn with.
    pub fn of(cell: &Cell) -> Pen {
        let mask = MODIFIERS.iter().fold(Modifier::empty(), |m, (f, _)| m | *f);
        Pen {
            modifier: cell.modifier & mask,
            fg: cell.fg,
            bg: cell.bg,
        }
    }

    /// The shortest sequence this file writes that changes the terminal from pen `from` (None:
    /// unknown) to this one: only the colours that differ and the modifiers added, or, when a
    /// modifier goes, a full reset like [`sgr`]. Runs of cells that differ only in the foreground
    /// (text on a coloured card) then repeat no background.
    pub fn from(self, from: Option<Pen>) -> String {
        let Some(from) = from.filter(|f| f.modifier - self.modifier == Modifier::empty()) else {
            return self.full();
        };
        let mut out = String::from("\x1b[");
        for (flag, code) in MODIFIERS {
            if self.modifier.contains(flag) && !from.modifier.contains(flag) {
                next_param(&mut out);
                out.push_str(code);
            }
        }
        if self.fg != from.fg {
            next_param(&mut out);
            if !push_color(&mut out, self.fg, true) {
                out.push_str("39");
            }
        }
        if self.bg != from.bg {
            next_param(&mut out);
            if !push_color(&mut out, self.bg, false) {
                out.push_str("49");
            }
        }
        if out.len() == 2 {
            return String::new();
        }
        out.push('m');
        out
    }

    /// One escape sequence that resets and sets the whole pen: `ESC[0;1;31;44m`.
    pub fn full(self) -> String {
        let mut out = String::from("\x1b[0");
        for (flag, code) in MODIFIERS {
            if self.modifier.contains(flag) {
                out.push(';');
                out.push_str(code);
            }
        }
        for (color, fg) in [(self.fg, true), (self.bg, false)] {
            let mark = out.len();
            out.push(';');
            if !push_color(&mut out, color, fg) {
                out.truncate(mark);
            }
        }
        out.push('m');
        out
    }
}

/// One escape sequence that resets and sets the whole style of `cell`: `ESC[0;1;31;44m`.
pub fn sgr(cell: &Cell) -> String {
    Pen::of(cell).full()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        let mut c = Cell::default();
        c.set_fg(fg).set_bg(bg);
        c.modifier = modifier;
        Pen::of(&c)
    }

    #[test]
    fn the_sixteen_named_colours_and_the_rest_have_their_codes() {
        let p = |c, fg| color_param(c, fg);
        assert_eq!(p(Color::Black, true).as_deref(), Some("30"));
        assert_eq!(p(Color::Gray, false).as_deref(), Some("47"));
        assert_eq!(p(Color::DarkGray, true).as_deref(), Some("90"));
        assert_eq!(p(Color::White, false).as_deref(), Some("107"));
        assert_eq!(p(Color::Indexed(208), true).as_deref(), Some("38;5;208"));
        assert_eq!(p(Color::Rgb(1, 2, 3), false).as_deref(), Some("48;2;1;2;3"));
        assert_eq!(p(Color::Reset, true), None);
    }

    #[test]
    fn a_pen_change_writes_only_what_differs() {
        let card = pen(Color::White, Color::Indexed(236), Modifier::empty());
        let red = pen(Color::Red, Color::Indexed(236), Modifier::empty());
        assert_eq!(card.from(None), "\x1b[0;97;48;5;236m");
        assert_eq!(red.from(Some(card)), "\x1b[31m", "the background stays");
        assert_eq!(red.from(Some(red)), "");
        let bold = pen(Color::Red, Color::Reset, Modifier::BOLD);
        assert_eq!(bold.from(Some(red)), "\x1b[1;49m");
        // A modifier that goes needs the reset.
        assert_eq!(red.from(Some(bold)), red.full());
        assert_eq!(
            pen(Color::Reset, Color::Reset, Modifier::empty()).from(Some(card)),
            "\x1b[39;49m"
        );
    }
}
