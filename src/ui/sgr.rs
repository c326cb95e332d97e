//! SGR escape codes for a cell's style, shared by the terminal backend and the ANSI export.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The parts of a cell's style that an SGR sequence sets: the colours and the six attributes
/// written (bold, dim, italic, underlined, reversed, crossed out). Two cells with the same pen get
/// the same sequence, so the backend compares pens and formats a sequence only when the pen changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

/// The attributes an SGR sequence sets, with their codes.
const ATTRIBUTES: [(Modifier, u8); 6] = [
    (Modifier::BOLD, b'1'),
    (Modifier::DIM, b'2'),
    (Modifier::ITALIC, b'3'),
    (Modifier::UNDERLINED, b'4'),
    (Modifier::REVERSED, b'7'),
    (Modifier::CROSSED_OUT, b'9'),
];

impl Pen {
    /// The pen of `cell` (attributes no sequence writes, such as blinking, are left out).
    pub fn of(cell: &Cell) -> Pen {
        let written = ATTRIBUTES
            .iter()
            .fold(Modifier::empty(), |m, (flag, _)| m | *flag);
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier & written,
        }
    }

    /// Appends the one escape sequence that resets and sets this whole pen: `ESC[0;1;31;44m`.
    pub fn push_to(self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"\x1b[0");
        for (flag, code) in ATTRIBUTES {
            if self.modifier.contains(flag) {
                out.extend_from_slice(&[b';', code]);
            }
        }
        push_color(out, self.fg, 30);
        push_color(out, self.bg, 40);
        out.push(b'm');
    }

    /// Appends the shortest sequence that takes the terminal from pen `from` (None: not known) to
    /// this one: the attributes added and the colours that differ (`39`/`49` back to the
    /// default), or, when an attribute goes, the whole pen from a reset ([`Pen::push_to`]);
    /// nothing when the pen stays. Text whose colour changes on a coloured card then repeats no
    /// background.
    pub fn push_change(self, from: Option<Pen>, out: &mut Vec<u8>) {
        let Some(from) = from.filter(|f| (f.modifier - self.modifier).is_empty()) else {
            return self.push_to(out);
        };
        if from == self {
            return;
        }
        out.extend_from_slice(b"\x1b[");
        let first = out.len();
        for (flag, code) in ATTRIBUTES {
            if self.modifier.contains(flag) && !from.modifier.contains(flag) {
                out.extend_from_slice(&[b';', code]);
            }
        }
        for (now, was, base) in [(self.fg, from.fg, 30), (self.bg, from.bg, 40)] {
            if now != was {
                match now {
                    Color::Reset => out.extend_from_slice(&[b';', b'0' + base / 10, b'9']),
                    c => push_color(out, c, base),
                }
            }
        }
        // Each parameter was written after a `;`: the first needs none.
        out.remove(first);
        out.push(b'm');
    }
}

/// Appends `;` and the SGR parameter of a colour (`31`, `38;5;208`, `48;2;1;2;3`) with `base` 30
/// (foreground) or 40 (background); nothing for the terminal's default.
fn push_color(out: &mut Vec<u8>, c: Color, base: u8) {
    let named = |out: &mut Vec<u8>, offset: u8| {
        out.push(b';');
        push_number(out, base + offset);
    };
    match c {
        Color::Reset => {}
        Color::Black => named(out, 0),
        Color::Red => named(out, 1),
        Color::Green => named(out, 2),
        Color::Yellow => named(out, 3),
        Color::Blue => named(out, 4),
        Color::Magenta => named(out, 5),
        Color::Cyan => named(out, 6),
        Color::Gray => named(out, 7),
        Color::DarkGray => named(out, 60),
        Color::LightRed => named(out, 61),
        Color::LightGreen => named(out, 62),
        Color::LightYellow => named(out, 63),
        Color::LightBlue => named(out, 64),
        Color::LightMagenta => named(out, 65),
        Color::LightCyan => named(out, 66),
        Color::White => named(out, 67),
        Color::Indexed(i) => {
            named(out, 8);
            out.extend_from_slice(b";5;");
            push_number(out, i);
        }
        Color::Rgb(r, g, b) => {
            named(out, 8);
            out.extend_from_slice(b";2");
            for v in [r, g, b] {
                out.push(b';');
                push_number(out, v);
            }
        }
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut Vec<u8>, n: u8) {
    if n >= 100 {
        out.push(b'0' + n / 100);
    }
    if n >= 10 {
        out.push(b'0' + n / 10 % 10);
    }
    out.push(b'0' + n % 10);
}

/// One escape sequence that resets and sets the whole style of `cell`: `ESC[0;1;31;44m`.
pub fn sgr(cell: &Cell) -> String {
    let mut out = Vec::with_capacity(24);
    Pen::of(cell).push_to(&mut out);
    String::from_utf8(out).expect("an escape sequence is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(fg: Color, bg: Color, modifier: Modifier) -> Cell {
        let mut c = Cell::default();
        c.set_fg(fg).set_bg(bg);
        c.modifier = modifier;
        c
    }

    #[test]
    fn every_kind_of_colour_and_attribute() {
        let none = Modifier::empty();
        for (c, want) in [
            (cell(Color::Reset, Color::Reset, none), "\x1b[0m"),
            (cell(Color::Black, Color::Red, none), "\x1b[0;30;41m"),
            (cell(Color::Gray, Color::DarkGray, none), "\x1b[0;37;100m"),
            (cell(Color::White, Color::LightCyan, none), "\x1b[0;97;106m"),
            (
                cell(Color::Indexed(7), Color::Indexed(208), none),
                "\x1b[0;38;5;7;48;5;208m",
            ),
            (
                cell(Color::Rgb(0, 10, 255), Color::Reset, none),
                "\x1b[0;38;2;0;10;255m",
            ),
            (
                cell(Color::Reset, Color::Blue, Modifier::all()),
                "\x1b[0;1;2;3;4;7;9;44m",
            ),
            (
                cell(
                    Color::Yellow,
                    Color::Reset,
                    Modifier::BOLD | Modifier::SLOW_BLINK,
                ),
                "\x1b[0;1;33m",
            ),
        ] {
            assert_eq!(sgr(&c), want);
        }
    }

    #[test]
    fn cells_with_the_same_sequence_have_the_same_pen() {
        let a = cell(Color::Red, Color::Reset, Modifier::BOLD);
        let b = cell(Color::Red, Color::Reset, Modifier::BOLD | Modifier::HIDDEN);
        assert_eq!(Pen::of(&a), Pen::of(&b));
        assert_ne!(
            Pen::of(&a),
            Pen::of(&cell(Color::Red, Color::Reset, none()))
        );
    }

    fn none() -> Modifier {
        Modifier::empty()
    }

    /// The attributes and colours of cell (0, col) after the terminal got `bytes`.
    fn seen(bytes: &[u8], col: u16) -> String {
        let mut p = vt100::Parser::new(1, 8, 0);
        p.process(bytes);
        let c = p.screen().cell(0, col).expect("a cell").clone();
        format!(
            "{:?} {:?} b{} i{} u{} r{} d{}",
            c.fgcolor(),
            c.bgcolor(),
            c.bold(),
            c.italic(),
            c.underline(),
            c.inverse(),
            c.dim()
        )
    }

    #[test]
    fn a_change_of_pen_leaves_the_terminal_as_the_whole_pen_does() {
        let colours = [
            Color::Reset,
            Color::Red,
            Color::LightCyan,
            Color::DarkGray,
            Color::Indexed(236),
            Color::Indexed(9),
            Color::Rgb(250, 128, 0),
        ];
        let modifiers = [
            none(),
            Modifier::BOLD,
            Modifier::DIM | Modifier::REVERSED,
            Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC,
        ];
        let mut pens = Vec::new();
        for &fg in &colours {
            for &bg in &colours {
                for &m in &modifiers {
                    pens.push(Pen::of(&cell(fg, bg, m)));
                }
            }
        }
        // Every pair among a spread of the pens (all of them pairwise is 38,000 terminals).
        for (i, &from) in pens.iter().enumerate() {
            for &to in pens.iter().skip(i % 7).step_by(7) {
                let mut whole = Vec::new();
                to.push_to(&mut whole);
                whole.push(b'y');
                let mut changed = Vec::new();
                from.push_to(&mut changed);
                changed.push(b'x');
                let before = changed.len();
                to.push_change(Some(from), &mut changed);
                assert!(
                    from != to || changed.len() == before,
                    "{from:?} wrote for nothing"
                );
                changed.push(b'y');
                assert_eq!(seen(&changed, 1), seen(&whole, 0), "{from:?} -> {to:?}");
            }
        }
        let card = Pen::of(&cell(Color::White, Color::Indexed(236), none()));
        let red = Pen::of(&cell(Color::Red, Color::Indexed(236), none()));
        let mut out = Vec::new();
        red.push_change(Some(card), &mut out);
        assert_eq!(out, b"\x1b[31m", "the background is not repeated");
        out.clear();
        Pen::default().push_change(Some(red), &mut out);
        assert_eq!(out, b"\x1b[39;49m");
    }
}
