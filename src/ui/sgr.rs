//! SGR escape codes for a cell's style, shared by the terminal backend and the ANSI export.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The SGR parameter of a colour (`31`, `38;5;208`, `48;2;1;2;3`), None for the terminal's default.
pub fn color_param(c: Color, fg: bool) -> Option<String> {
    let base: u16 = if fg { 30 } else { 40 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => format!("{base}"),
        Color::Red => format!("{}", base + 1),
        Color::Green => format!("{}", base + 2),
        Color::Yellow => format!("{}", base + 3),
        Color::Blue => format!("{}", base + 4),
        Color::Magenta => format!("{}", base + 5),
        Color::Cyan => format!("{}", base + 6),
        Color::Gray => format!("{}", base + 7),
        Color::DarkGray => format!("{}", base + 60),
        Color::LightRed => format!("{}", base + 61),
        Color::LightGreen => format!("{}", base + 62),
        Color::LightYellow => format!("{}", base + 63),
        Color::LightBlue => format!("{}", base + 64),
        Color::LightMagenta => format!("{}", base + 65),
        Color::LightCyan => format!("{}", base + 66),
        Color::White => format!("{}", base + 67),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    })
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
        let mut codes: Vec<String> = Vec::new();
        for (flag, code) in MODIFIERS {
            if self.modifier.contains(flag) && !from.modifier.contains(flag) {
                codes.push(code.into());
            }
        }
        if self.fg != from.fg {
            codes.push(color_param(self.fg, true).unwrap_or_else(|| "39".into()));
        }
        if self.bg != from.bg {
            codes.push(color_param(self.bg, false).unwrap_or_else(|| "49".into()));
        }
        if codes.is_empty() {
            return String::new();
        }
        format!("\x1b[{}m", codes.join(";"))
    }

    /// One escape sequence that resets and sets the whole pen: `ESC[0;1;31;44m`.
    pub fn full(self) -> String {
        let mut codes = vec!["0".to_string()];
        for (flag, code) in MODIFIERS {
            if self.modifier.contains(flag) {
                codes.push(code.into());
            }
        }
        codes.extend(color_param(self.fg, true));
        codes.extend(color_param(self.bg, false));
        format!("\x1b[{}m", codes.join(";"))
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
