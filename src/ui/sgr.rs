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

/// One escape sequence that resets and sets the whole style of `cell`: `ESC[0;1;31;44m`.
pub fn sgr(cell: &Cell) -> String {
    let mut codes = vec!["0".to_string()];
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if cell.modifier.contains(flag) {
            codes.push(code.into());
        }
    }
    codes.extend(color_param(cell.fg, true));
    codes.extend(color_param(cell.bg, false));
    format!("\x1b[{}m", codes.join(";"))
}
