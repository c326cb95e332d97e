//! SVG and HTML pictures of a screen: every glyph placed at its own column, so they align in any font.
//!
//! A browser's CJK monospace fonts draw box drawing, ● ✓ and “ ” full width, and a `<pre>` then drifts.
//! Both exports place each glyph by its column on a grid of fixed cells (9 × 18 px), centred in its
//! cells; backgrounds come first, glyphs after, so no background covers a glyph's edge. A Latin
//! monospace leads the font list so ASCII and symbols get one-cell glyphs; in SVG, a symbol that a font
//! draws wider than its cells is squeezed to them (`textLength`).

use super::render::{css_color, row_cells, DEFAULT_BG, DEFAULT_FG};
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Modifier;
use std::fmt::Write;

/// Cell width and height in pixels, and the font size.
const CW: f64 = 9.0;
const CH: f64 = 18.0;
const FONT_PX: u32 = 15;

/// The font list: a Latin monospace first (one-cell ASCII, box drawing and symbols), then CJK.
pub const FONTS: &str = "'DejaVu Sans Mono','Menlo','Consolas','Liberation Mono','Noto Sans Mono CJK SC','Sarasa Mono SC','Microsoft YaHei','PingFang SC',monospace";

/// The colours a cell without colours is drawn in: the terminal's default, which the export has to
/// choose. Dark (light grey on near black) by default; mono exports as black on white, for printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Text colour, CSS hex.
    pub fg: String,
    /// Background colour, CSS hex.
    pub bg: String,
}

impl Default for Page {
    fn default() -> Page {
        Page {
            fg: DEFAULT_FG.into(),
            bg: DEFAULT_BG.into(),
        }
    }
}

impl Page {
    /// The page for a theme: mono is dark on light; colour themes paint their own page, used for any
    /// cell left in the default colours.
    pub fn for_theme(theme: &crate::ui::theme::Theme) -> Page {
        if theme.mono {
            return Page {
                fg: "#000000".into(),
                bg: "#ffffff".into(),
            };
        }
        let d = Page::default();
        Page {
            fg: theme.text.fg.and_then(css_color).unwrap_or(d.fg),
            bg: theme.text.bg.and_then(css_color).unwrap_or(d.bg),
        }
    }
}

/// A cell's text and background colours as CSS hex, reverse video applied. The background is None
/// when the cell leaves it to the page.
fn cell_colors(cell: &Cell, page: &Page) -> (String, Option<String>) {
    let fg = css_color(cell.fg);
    let bg = css_color(cell.bg);
    if cell.modifier.contains(Modifier::REVERSED) {
        (
            bg.unwrap_or_else(|| page.bg.clone()),
            Some(fg.unwrap_or_else(|| page.fg.clone())),
        )
    } else {
        (fg.unwrap_or_else(|| page.fg.clone()), bg)
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

/// One glyph or background run of the screen, at a column and row, `cols` cells wide.
struct Placed<'a> {
    x: u16,
    y: u16,
    cols: u16,
    sym: &'a str,
    cell: &'a Cell,
}

/// A background run: row, first column, columns, CSS colour.
type Run = (u16, u16, u16, String);

/// Background runs (same colour, side by side) and the glyphs of the screen, each with its column.
fn layout<'a>(buf: &'a Buffer, page: &Page) -> (Vec<Run>, Vec<Placed<'a>>) {
    let mut runs: Vec<Run> = Vec::new();
    let mut glyphs = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0u16;
        for (sym, cell) in row_cells(buf, y) {
            let cols = crate::text::width(sym).max(1) as u16;
            let (fg, bg) = cell_colors(cell, page);
            // A full block (big digits) is a cell filled in its text colour: drawn as a background,
            // it leaves no seam between blocks whatever the font's block glyph measures.
            let solid = sym == "█";
            let fill = if solid { Some(fg) } else { bg };
            if let Some(bg) = fill.filter(|b| *b != page.bg) {
                match runs.last_mut() {
                    Some((ry, rx, rw, rbg)) if *ry == y && *rx + *rw == x && *rbg == bg => {
                        *rw += cols
                    }
                    _ => runs.push((y, x, cols, bg)),
                }
            }
            if !sym.trim().is_empty() && !solid {
                glyphs.push(Placed {
                    x,
                    y,
                    cols,
                    sym,
                    cell,
                });
            }
            x += cols;
        }
    }
    (runs, glyphs)
}

/// True for a glyph every CJK font draws exactly two cells wide (so it needs no squeezing).
fn is_cjk(sym: &str) -> bool {
    sym.chars().next().is_some_and(|c| {
        matches!(c as u32, 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF01..=0xFF60 | 0x20000..=0x3FFFD)
    })
}

/// An SVG picture of the screen with the default page colours.
pub fn to_svg(buf: &Buffer) -> String {
    to_svg_on(buf, &Page::default())
}

/// An SVG picture of the screen keeping colours, bold, italic, underline and reverse video.
pub fn to_svg_on(buf: &Buffer, page: &Page) -> String {
    let (w, h) = (buf.area.width as f64 * CW, buf.area.height as f64 * CH);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONTS}" font-size="{FONT_PX}" text-anchor="middle">"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        page.bg
    );
    let (runs, glyphs) = layout(buf, page);
    for (y, x, cols, bg) in runs {
        let _ = writeln!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{CH}" fill="{bg}"/>"#,
            x as f64 * CW,
            y as f64 * CH,
            cols as f64 * CW
        );
    }
    for g in glyphs {
        let (fg, _) = cell_colors(g.cell, page);
        let m = g.cell.modifier;
        let mut attrs = String::new();
        if m.contains(Modifier::BOLD) {
            attrs.push_str(r#" font-weight="bold""#);
        }
        if m.contains(Modifier::ITALIC) {
            attrs.push_str(r#" font-style="italic""#);
        }
        if m.contains(Modifier::UNDERLINED) {
            attrs.push_str(r#" text-decoration="underline""#);
        }
        let width = g.cols as f64 * CW;
        if !g.sym.is_ascii() && !is_cjk(g.sym) {
            // A symbol some fonts draw wider than its cells (● “ ↓ █ box drawing): squeezed to fit.
            let _ = write!(
                attrs,
                r#" textLength="{width}" lengthAdjust="spacingAndGlyphs""#
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" fill="{fg}"{attrs}>{}</text>"#,
            g.x as f64 * CW + width / 2.0,
            g.y as f64 * CH + CH - 4.0,
            xml_escape(g.sym)
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The CSS of one glyph against the page: only what differs from it.
fn glyph_css(cell: &Cell, page: &Page) -> String {
    let (fg, _) = cell_colors(cell, page);
    let mut css = Vec::new();
    if fg != page.fg {
        css.push(format!("color:{fg}"));
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

/// An HTML page of the screen with the default page colours.
pub fn to_html(buf: &Buffer) -> String {
    to_html_on(buf, &Page::default())
}

/// An HTML page of the screen (well-formed XHTML): a CSS grid of fixed cells, one `<i>` per background
/// run and one `<b>` per glyph, each placed at its row and column (`grid-area`), so columns stay
/// aligned whatever width the browser's font gives a glyph. The first row is the page's title.
pub fn to_html_on(buf: &Buffer, page: &Page) -> String {
    let (cols, rows) = (buf.area.width, buf.area.height);
    let title = (0..rows.min(1))
        .map(|y| {
            row_cells(buf, y)
                .into_iter()
                .map(|(s, _)| s)
                .collect::<String>()
        })
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| "huibao".into());
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n");
    s.push_str("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n");
    s.push_str("<head>\n<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(s, "<title>{}</title>", xml_escape(&title));
    let _ = writeln!(
        s,
        "<style>body{{margin:0;background:{bg};}}\
         .screen{{display:grid;grid-template-columns:repeat({cols},{CW}px);\
         grid-template-rows:repeat({rows},{CH}px);width:max-content;padding:8px;\
         color:{fg};background:{bg};font-family:{FONTS};font-size:{FONT_PX}px;line-height:{CH}px;}}\
         .screen b{{font-weight:normal;white-space:pre;text-align:center;overflow:visible;}}</style>",
        bg = page.bg,
        fg = page.fg,
    );
    s.push_str("</head>\n<body>\n<div class=\"screen\">\n");
    let (runs, glyphs) = layout(buf, page);
    for (y, x, w, bg) in runs {
        let _ = writeln!(
            s,
            "<i style=\"grid-area:{}/{}/{}/{};background:{bg}\"></i>",
            y + 1,
            x + 1,
            y + 2,
            x + 1 + w
        );
    }
    for g in glyphs {
        let css = glyph_css(g.cell, page);
        let sep = if css.is_empty() { "" } else { ";" };
        let _ = writeln!(
            s,
            "<b style=\"grid-area:{}/{}/{}/{}{sep}{css}\">{}</b>",
            g.y + 1,
            g.x + 1,
            g.y + 2,
            g.x + 1 + g.cols,
            xml_escape(g.sym)
        );
    }
    s.push_str("</div>\n</body>\n</html>\n");
    s
}
