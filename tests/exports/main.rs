//! `huibao render --format svg|html`: the overview, a line panel and an item detail rendered in every
//! theme are well-formed XML, carry the screen's Chinese text and keep the theme's colours; mono keeps
//! only the default colours.

mod cells;
mod themes;
mod xml;

use chrono::NaiveDate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{css_color, render_buffer, to_text, DEFAULT_BG, DEFAULT_FG};
use huibao::commands::web::{to_html, to_svg};
use huibao::model::load;
use huibao::text::width;
use huibao::ui::theme::{ColorDepth, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use xml::{attr, text_in, well_formed, Event};

fn state(theme: ThemeName, depth: ColorDepth) -> State {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut s = State::new(
        load::load_dir(&dir),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(),
    );
    s.look = huibao::look::Look {
        theme,
        depth,
        ascii: false,
    };
    s
}

/// (name, keys, text the screen must show).
const SCREENS: &[(&str, &str, &str)] = &[
    ("overview", "", "党的建设"),
    ("line", "1", "加强思想政治建设，实现党建工作新突破"),
    ("item", "2 Enter", "禾源白羽鸡养殖项目"),
];

const THEMES: &[(ThemeName, ColorDepth)] = &[
    (ThemeName::Dark, ColorDepth::Sixteen),
    (ThemeName::Dark, ColorDepth::Palette256),
    (ThemeName::Dark, ColorDepth::TrueColor),
    (ThemeName::Light, ColorDepth::Sixteen),
    (ThemeName::Light, ColorDepth::Palette256),
    (ThemeName::Light, ColorDepth::TrueColor),
    (ThemeName::Mono, ColorDepth::Sixteen),
    (ThemeName::Dark, ColorDepth::None),
];

fn buffer(theme: ThemeName, depth: ColorDepth, keys: &str) -> Buffer {
    render_buffer(state(theme, depth), (100, 30), keys).unwrap()
}

/// Every `#rrggbb` in the document, lower case.
fn colours(doc: &str) -> Vec<String> {
    let b = doc.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if b[i] == b'#' && i + 7 <= b.len() && b[i + 1..i + 7].iter().all(u8::is_ascii_hexdigit) {
            out.push(doc[i..i + 7].to_ascii_lowercase());
        }
    }
    out
}

/// A `grid-area:r1/c1/r2/c2` declaration as (row, column, columns spanned), 0-based.
fn grid_area(style: &str) -> (usize, usize, usize) {
    let decl = style
        .split(';')
        .find_map(|d| d.strip_prefix("grid-area:"))
        .unwrap_or_else(|| panic!("no grid-area in {style}"));
    let n: Vec<usize> = decl.split('/').map(|v| v.parse().unwrap()).collect();
    assert_eq!(n.len(), 4, "{decl}");
    assert_eq!(n[2], n[0] + 1, "one row: {decl}");
    assert!(n[3] > n[1], "{decl}");
    (n[0] - 1, n[1] - 1, n[3] - n[1])
}

/// Checks the HTML page's structure — a grid of cells, every glyph placed at its own row and column,
/// spanning its display width — and returns the screen it shows, one line per row.
fn html_screen(doc: &str) -> String {
    assert!(doc.starts_with("<!DOCTYPE html>\n"), "{doc:.100}");
    let ev = well_formed(doc);
    check_html_elements(&ev);
    let (cols, rows) = html_grid_size(&ev);
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![None; cols]; rows];
    for (i, e) in ev.iter().enumerate() {
        let Event::Start(n, a) = e else { continue };
        if n != "i" && n != "b" {
            continue;
        }
        let style = attr(a, "style").expect("every cell has a style");
        check_cell_style(style);
        let (y, x, span) = grid_area(style);
        assert!(
            y < rows && x + span <= cols,
            "{style} outside {cols}x{rows}"
        );
        if n == "i" {
            assert!(style.contains("background:"), "{style}");
            continue;
        }
        let Some(Event::Text(t)) = ev.get(i + 1) else {
            panic!("empty glyph cell")
        };
        assert_eq!(width(t).max(1), span, "{t:?} spans its display width");
        for k in 0..span {
            assert!(grid[y][x + k].is_none(), "({x},{y}) placed twice");
            grid[y][x + k] = Some(if k == 0 { t.clone() } else { String::new() });
        }
    }
    grid.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| c.unwrap_or_else(|| " ".into()))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The page's elements: an XHTML root, head, meta, title, style, body and the grid's div, then only
/// cells (`<i>` for a background, `<b>` for a glyph); the page says it is UTF-8.
fn check_html_elements(ev: &[Event]) {
    let Event::Start(root, attrs) = &ev[0] else {
        panic!("first event {:?}", ev[0])
    };
    assert_eq!(root, "html");
    assert_eq!(attr(attrs, "xmlns"), Some("http://www.w3.org/1999/xhtml"));
    let names: Vec<&str> = ev
        .iter()
        .filter_map(|e| match e {
            Event::Start(n, _) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        &names[..7],
        ["html", "head", "meta", "title", "style", "body", "div"]
    );
    assert!(
        names[7..].iter().all(|n| ["i", "b"].contains(n)),
        "{names:?}"
    );
    let meta = ev
        .iter()
        .find_map(|e| match e {
            Event::Start(n, a) if n == "meta" => Some(a),
            _ => None,
        })
        .unwrap();
    assert_eq!(attr(meta, "charset"), Some("utf-8"));
}

/// The grid's columns and rows, from the style sheet, which puts a Latin monospace font first.
fn html_grid_size(ev: &[Event]) -> (usize, usize) {
    // The grid's size, from the style sheet: repeat(COLS,9px) and repeat(ROWS,18px).
    let css = text_in(ev, "style");
    assert!(css.contains("display:grid"), "{css}");
    let repeat = |key: &str| -> usize {
        let at = css.find(key).unwrap_or_else(|| panic!("{key} in {css}")) + key.len();
        css[at..].split(',').next().unwrap().parse().unwrap()
    };
    let (cols, rows) = (
        repeat("grid-template-columns:repeat("),
        repeat("grid-template-rows:repeat("),
    );
    assert!(
        css.contains("font-family:'DejaVu Sans Mono'"),
        "Latin monospace first: {css}"
    );
    (cols, rows)
}

/// Checks a cell's style: only its place, hex colours, bold, italic, dim and lines.
fn check_cell_style(style: &str) {
    for decl in style.split(';') {
        let (k, v) = decl.split_once(':').unwrap_or_else(|| panic!("{decl}"));
        match k {
            "grid-area" => {}
            "color" | "background" => assert!(
                v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit()),
                "{decl}"
            ),
            "font-weight" => assert_eq!(v, "bold"),
            "font-style" => assert_eq!(v, "italic"),
            "opacity" => assert_eq!(v, "0.7"),
            "text-decoration" => assert!(
                v.split(' ')
                    .all(|d| d == "underline" || d == "line-through"),
                "{decl}"
            ),
            _ => panic!("unexpected CSS {decl}"),
        }
    }
}

/// Checks the SVG's structure and returns the glyphs of its `<text>` elements, in order.
fn svg_glyphs(doc: &str) -> Vec<(f64, f64, String)> {
    let ev = well_formed(doc);
    let Event::Start(root, attrs) = &ev[0] else {
        panic!()
    };
    assert_eq!(root, "svg");
    assert_eq!(attr(attrs, "xmlns"), Some("http://www.w3.org/2000/svg"));
    let mut out = Vec::new();
    for (i, e) in ev.iter().enumerate() {
        if let Event::Start(n, a) = e {
            assert!(n == "svg" || n == "rect" || n == "text", "element {n}");
            if n == "text" {
                let Some(Event::Text(t)) = ev.get(i + 1) else {
                    panic!("empty text element")
                };
                let x: f64 = attr(a, "x").unwrap().parse().unwrap();
                let y: f64 = attr(a, "y").unwrap().parse().unwrap();
                out.push((x, y, t.clone()));
            }
        }
    }
    out
}

fn svg_text(glyphs: &[(f64, f64, String)]) -> String {
    glyphs.iter().map(|(_, _, t)| t.as_str()).collect()
}
