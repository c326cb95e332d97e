//! xterm's palette as RGB, and the WCAG contrast maths the themes are checked with.

use ratatui::style::Color;

/// xterm's default 16-colour palette (what `xterm` shows without resources), index 0–15.
pub const XTERM16: [u32; 16] = [
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f,
    0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];

/// An entry of the xterm 256-colour palette as RGB: 0–15 the named colours, 16–231 the 6×6×6 cube,
/// 232–255 the grey ramp.
pub fn xterm_rgb(i: u8) -> (u8, u8, u8) {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => {
            let [_, r, g, b] = XTERM16[i as usize].to_be_bytes();
            (r, g, b)
        }
        16..=231 => {
            let n = i - 16;
            (
                LEVELS[(n / 36) as usize],
                LEVELS[(n / 6 % 6) as usize],
                LEVELS[(n % 6) as usize],
            )
        }
        _ => {
            let g = 8 + 10 * (i - 232);
            (g, g, g)
        }
    }
}

/// The palette index of a named colour (Black 0 … White 15); None for others.
pub fn named_index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => return None,
    })
}

/// A colour as RGB with xterm's default palette; None for the terminal's default.
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    match c {
        Color::Reset => None,
        Color::Indexed(i) => Some(xterm_rgb(i)),
        Color::Rgb(r, g, b) => Some((r, g, b)),
        named => named_index(named).map(xterm_rgb),
    }
}

/// WCAG relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The background to assume from the terminal's reply to OSC 11: light when its luminance is above
/// the middle grey's.
pub fn is_light_background(c: (u8, u8, u8)) -> bool {
    luminance(c) > 0.18
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xterm_palette_and_contrast() {
        assert_eq!(xterm_rgb(4), (0, 0, 0xee));
        assert_eq!(xterm_rgb(196), (255, 0, 0));
        assert_eq!(xterm_rgb(244), (128, 128, 128));
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!(is_light_background((255, 255, 255)));
        assert!(!is_light_background((0x1e, 0x1e, 0x1e)));
    }
}
