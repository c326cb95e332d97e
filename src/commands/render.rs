//! `huibao render`: draws any state of the dashboard without a terminal, as text, ANSI, SVG or HTML.

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

/// The escape codes a terminal would receive for the screen (SGR colours, one line per row).
pub fn to_ansi(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut last = String::new();
        for (sym, cell) in row_cells(buf, y) {
            let sgr = crate::ui::sgr::sgr(cell);
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

/// The colour of a screen without any style: light grey text on a dark background.
pub const DEFAULT_FG: &str = "#d4d4d4";
/// The background of a screen without any style.
pub const DEFAULT_BG: &str = "#1e1e1e";

/// An entry of the xterm 256-colour palette as RGB (0–15 with xterm's default colours, the ones the
/// themes' contrast is measured with).
pub use crate::ui::palette::xterm_rgb;

/// A colour as CSS hex (`#2472c8`): named, palette-indexed and RGB colours alike; None for the
/// terminal's default (Reset).
pub fn css_color(c: Color) -> Option<String> {
    let named = |i: u8| Some(xterm_rgb(i));
    let (r, g, b) = match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => named(i),
        Color::Rgb(r, g, b) => Some((r, g, b)),
    }?;
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// A cell's text and background colours as CSS hex, reverse video applied. The background is None
/// when the cell leaves it to the screen's default.
fn cell_colors(cell: &ratatui::buffer::Cell) -> (String, Option<String>) {
    let fg = css_color(cell.fg);
    let bg = css_color(cell.bg);
    if cell.modifier.contains(Modifier::REVERSED) {
        (
            bg.unwrap_or_else(|| DEFAULT_BG.into()),
            Some(fg.unwrap_or_else(|| DEFAULT_FG.into())),
        )
    } else {
        (fg.unwrap_or_else(|| DEFAULT_FG.into()), bg)
    }
}

/// Escapes text for XML (SVG, XHTML); control characters XML cannot carry become U+FFFD.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An SVG picture of the screen keeping colours, bold, italic and reverse video.
pub fn to_svg(buf: &Buffer) -> String {
    let (cw, ch) = (9.0_f64, 18.0_f64);
    let (w, h) = (buf.area.width as f64 * cw, buf.area.height as f64 * ch);
    let default_bg = DEFAULT_BG;
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
            let (fg, bg) = cell_colors(cell);
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
                let underline = if cell.modifier.contains(Modifier::UNDERLINED) {
                    r#" text-decoration="underline""#
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    r#"<text x="{px}" y="{}" fill="{fg}"{weight}{style}{underline}>{}</text>"#,
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

/// The CSS of one cell against the page's colours: only what differs from the page, so runs of plain
/// text need no span at all.
fn cell_css(cell: &ratatui::buffer::Cell, page_fg: &str, page_bg: &str) -> String {
    let (fg, bg) = cell_colors(cell);
    let mut css = Vec::new();
    if fg != page_fg {
        css.push(format!("color:{fg}"));
    }
    if let Some(bg) = bg.filter(|b| b != page_bg) {
        css.push(format!("background:{bg}"));
    }
    let m = cell.modifier;
    if m.contains(Modifier::BOLD) {
        css.push("font-weight:bold".into());
    }
    if m.contains(Modifier::ITALIC) {
        css.push("font-style:italic".into());
    }
    if m.contains(Modifier::DIM) {
        css.push("opacity:0.7".into());
    }
    let deco: Vec<&str> = [
        (Modifier::UNDERLINED, "underline"),
        (Modifier::CROSSED_OUT, "line-through"),
    ]
    .into_iter()
    .filter(|(f, _)| m.contains(*f))
    .map(|(_, d)| d)
    .collect();
    if !deco.is_empty() {
        css.push(format!("text-decoration:{}", deco.join(" ")));
    }
    css.join(";")
}

/// The most frequent value, the first seen winning a tie (so the result never depends on hashing).
fn most_common(values: impl Iterator<Item = String>, default: &str) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(c, _)| *c == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let mut best: Option<&(String, usize)> = None;
    for c in &counts {
        if best.is_none_or(|b| c.1 > b.1) {
            best = Some(c);
        }
    }
    best.map_or_else(|| default.to_string(), |(c, _)| c.clone())
}

/// An HTML page of the screen keeping colours and styles (well-formed XHTML).
///
/// The screen is one `<pre>` in the colours most of its cells have; every run of cells that differs
/// (colour, reverse video, bold, italic, underline) is one `<span style="…">`. The cell hidden behind a
/// wide (CJK) glyph is skipped, as in [`to_text`].
pub fn to_html(buf: &Buffer) -> String {
    let rows: Vec<Vec<(&str, &ratatui::buffer::Cell)>> =
        (0..buf.area.height).map(|y| row_cells(buf, y)).collect();
    let all = || rows.iter().flatten().map(|(_, c)| cell_colors(c));
    let page_fg = most_common(all().map(|(fg, _)| fg), DEFAULT_FG);
    let page_bg = most_common(
        all().map(|(_, bg)| bg.unwrap_or_else(|| DEFAULT_BG.into())),
        DEFAULT_BG,
    );
    let title = rows
        .first()
        .map(|r| r.iter().map(|(s, _)| *s).collect::<String>())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "huibao".into());
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n");
    s.push_str("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n");
    s.push_str("<head>\n<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(s, "<title>{}</title>", xml_escape(&title));
    let _ = writeln!(
        s,
        "<style>body{{margin:0;background:{page_bg};}}pre{{margin:0;padding:0.5em;color:{page_fg};background:{page_bg};font-family:'Sarasa Mono SC','Noto Sans Mono CJK SC',monospace;font-size:15px;line-height:1.2;}}</style>"
    );
    s.push_str("</head>\n<body>\n");
    let _ = write!(s, "<pre style=\"color:{page_fg};background:{page_bg}\">");
    for (y, row) in rows.iter().enumerate() {
        let mut run_css = String::new();
        let mut run_text = String::new();
        let flush = |s: &mut String, css: &str, text: &str| {
            if text.is_empty() {
                return;
            }
            if css.is_empty() {
                s.push_str(&xml_escape(text));
            } else {
                let _ = write!(s, "<span style=\"{css}\">{}</span>", xml_escape(text));
            }
        };
        for (sym, cell) in row {
            let css = cell_css(cell, &page_fg, &page_bg);
            if css != run_css {
                flush(&mut s, &run_css, &run_text);
                run_text.clear();
                run_css = css;
            }
            run_text.push_str(if sym.is_empty() { " " } else { sym });
        }
        flush(&mut s, &run_css, &run_text);
        if y + 1 < rows.len() {
            s.push('\n');
        }
    }
    s.push_str("</pre>\n</body>\n</html>\n");
    s
}
