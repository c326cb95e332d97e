//! `huibao render --format svg|html`: the overview, a line panel and an item detail rendered in every
//! theme are well-formed XML, carry the screen's Chinese text and keep the theme's colours; mono keeps
//! only the default colours.

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

// ---------------------------------------------------------------------------------------------------
// A small strict XML well-formedness checker (no dependency): one root element, every tag closed in
// order, attributes quoted and unique, only the five XML entities and character references, no raw
// `<`, `&` or `>` in text, comments without `--`, an optional XML declaration and one DOCTYPE before
// the root.

/// What the checker saw, in document order.
#[derive(Debug, Clone, PartialEq)]
enum Event {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':'
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-' || c == '.'
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// Decodes text with entities; errors on anything but &amp; &lt; &gt; &quot; &apos; &#N; &#xH;.
fn decode(s: &str, in_attr: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if !is_xml_char(c) {
            return Err(format!(
                "character U+{:04X} is not allowed in XML",
                c as u32
            ));
        }
        match c {
            '<' => return Err("raw < in text or attribute".into()),
            '>' if !in_attr => return Err(format!("raw > in text near {rest:.20}")),
            '"' if in_attr => return Err("raw \" in attribute".into()),
            '&' => {
                let end = rest
                    .find(';')
                    .ok_or_else(|| format!("unterminated entity near {rest:.20}"))?;
                let ent = &rest[1..end];
                let ch = match ent {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => {
                        let n = if let Some(h) = ent.strip_prefix("#x") {
                            (!h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                                .then(|| u32::from_str_radix(h, 16).ok())
                                .flatten()
                        } else if let Some(d) = ent.strip_prefix('#') {
                            (!d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                                .then(|| d.parse().ok())
                                .flatten()
                        } else {
                            None
                        };
                        n.and_then(char::from_u32)
                            .filter(|c| is_xml_char(*c))
                            .ok_or_else(|| format!("bad entity &{ent};"))?
                    }
                };
                out.push(ch);
                rest = &rest[end + 1..];
                continue;
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(out)
}

fn parse_name(s: &str) -> Result<(String, &str), String> {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start(c) => {}
        _ => return Err(format!("expected a name near {s:.20}")),
    }
    let end = chars
        .find(|(_, c)| !is_name_char(*c))
        .map_or(s.len(), |(i, _)| i);
    Ok((s[..end].to_string(), &s[end..]))
}

/// Checks `doc` and returns its events, or the first problem found.
fn check_xml(doc: &str) -> Result<Vec<Event>, String> {
    let mut events = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut seen_root = false;
    let mut seen_doctype = false;
    let mut rest = doc;
    let mut first = true;
    while !rest.is_empty() {
        let at_start = std::mem::take(&mut first);
        if let Some(r) = rest.strip_prefix("<?xml") {
            if !at_start {
                return Err("XML declaration not at the very start".into());
            }
            let end = r.find("?>").ok_or("unterminated XML declaration")?;
            if !r.starts_with(' ') || !r[..end].contains("version=\"1.0\"") {
                return Err("malformed XML declaration".into());
            }
            rest = &r[end + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or("unterminated comment")?;
            if r[..end].contains("--") || r[..end].ends_with('-') {
                return Err("-- inside a comment".into());
            }
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<!DOCTYPE") {
            if seen_doctype || seen_root {
                return Err("DOCTYPE repeated or after the root element".into());
            }
            seen_doctype = true;
            let end = r.find('>').ok_or("unterminated DOCTYPE")?;
            if r[..end].contains(['<', '[']) || !r.starts_with(' ') {
                return Err("malformed DOCTYPE".into());
            }
            rest = &r[end + 1..];
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            return Err(format!("unsupported markup near {rest:.20}"));
        } else if let Some(r) = rest.strip_prefix("</") {
            let (name, r) = parse_name(r)?;
            let r = r.trim_start_matches([' ', '\t', '\n', '\r']);
            let r = r
                .strip_prefix('>')
                .ok_or(format!("malformed end tag </{name}"))?;
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Err(format!("</{name}> closes <{open}>")),
                None => return Err(format!("</{name}> without a start tag")),
            }
            events.push(Event::End(name));
            rest = r;
        } else if let Some(r) = rest.strip_prefix('<') {
            if stack.is_empty() && seen_root {
                return Err("a second root element".into());
            }
            let (name, mut r) = parse_name(r)?;
            let mut attrs: Vec<(String, String)> = Vec::new();
            let self_closing;
            loop {
                let trimmed = r.trim_start_matches([' ', '\t', '\n', '\r']);
                let had_space = trimmed.len() != r.len();
                r = trimmed;
                if let Some(x) = r.strip_prefix("/>") {
                    self_closing = true;
                    r = x;
                    break;
                }
                if let Some(x) = r.strip_prefix('>') {
                    self_closing = false;
                    r = x;
                    break;
                }
                if !had_space {
                    return Err(format!("no space before an attribute of <{name}>"));
                }
                let (an, x) = parse_name(r)?;
                let x = x
                    .strip_prefix('=')
                    .ok_or(format!("attribute {an} of <{name}> has no ="))?;
                let q = x
                    .chars()
                    .next()
                    .filter(|c| *c == '"' || *c == '\'')
                    .ok_or(format!("attribute {an} of <{name}> is not quoted"))?;
                let x = &x[1..];
                let end = x.find(q).ok_or(format!("unterminated attribute {an}"))?;
                let value = if q == '"' {
                    decode(&x[..end], true)?
                } else {
                    decode(&x[..end].replace('"', "&quot;"), true)?
                };
                if attrs.iter().any(|(n, _)| *n == an) {
                    return Err(format!("attribute {an} repeated on <{name}>"));
                }
                attrs.push((an, value));
                r = &x[end + 1..];
            }
            seen_root = true;
            events.push(Event::Start(name.clone(), attrs));
            if self_closing {
                events.push(Event::End(name));
            } else {
                stack.push(name);
            }
            rest = r;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end], false)?;
            if stack.is_empty() {
                if !text.trim().is_empty() {
                    return Err(format!("text outside the root element: {text:.20}"));
                }
            } else {
                events.push(Event::Text(text));
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    if !seen_root {
        return Err("no root element".into());
    }
    Ok(events)
}

fn well_formed(doc: &str) -> Vec<Event> {
    check_xml(doc).unwrap_or_else(|e| panic!("not well-formed: {e}\n{doc:.2000}"))
}

/// The text inside the first element named `tag`, in order.
fn text_in(events: &[Event], tag: &str) -> String {
    let mut depth = 0;
    let mut out = String::new();
    for e in events {
        match e {
            Event::Start(n, _) if depth == 0 && n == tag => depth = 1,
            Event::Start(..) if depth > 0 => depth += 1,
            Event::End(_) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) if depth > 0 => out.push_str(t),
            _ => {}
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn the_checker_is_strict() {
    let ok = [
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<a x=\"1\" y='2'><!-- c --><b/>t&amp;&#20826;&#x515A;</a>\n",
        "<a><b c=\"&quot;&lt;&gt;\">x</b></a>",
    ];
    for d in ok {
        assert!(check_xml(d).is_ok(), "{d}: {:?}", check_xml(d));
    }
    let ev = check_xml("<a>t&#20826;&#x515A;&amp;</a>").unwrap();
    assert_eq!(text_in(&ev, "a"), "t党党&");
    let bad = [
        "<a><b></a></b>",
        "<a>",
        "</a>",
        "<a></a><b></b>",
        "text<a></a>",
        "<a x=1></a>",
        "<a x=\"1\" x=\"2\"></a>",
        "<a x=\"1\"y=\"2\"></a>",
        "<a>&nbsp;</a>",
        "<a>&amp</a>",
        "<a>& b</a>",
        "<a>a < b</a>",
        "<a>a > b</a>",
        "<a x=\"a<b\"></a>",
        "<a><!-- a -- b --></a>",
        "<a></a><!DOCTYPE html>",
        "<!DOCTYPE html><!DOCTYPE html><a/>",
        "<a/>\n<?xml version=\"1.0\"?>",
        "<a><![CDATA[x]]></a>",
        "<a>\u{1}</a>",
        "<a>&#0;</a>",
        "<1a></1a>",
    ];
    for d in bad {
        assert!(check_xml(d).is_err(), "accepted {d:?}");
    }
}

// ---------------------------------------------------------------------------------------------------
// Rendering

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
    // The grid's size, from the style sheet: repeat(COLS,9px) and repeat(ROWS,18px).
    let css = text_in(&ev, "style");
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
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![None; cols]; rows];
    for (i, e) in ev.iter().enumerate() {
        let Event::Start(n, a) = e else { continue };
        if n != "i" && n != "b" {
            continue;
        }
        let style = attr(a, "style").expect("every cell has a style");
        for decl in style.split(';') {
            let (k, v) = decl.split_once(':').unwrap_or_else(|| panic!("{decl}"));
            match k {
                "grid-area" => {}
                "color" | "background" => assert!(
                    v.len() == 7
                        && v.starts_with('#')
                        && v[1..].chars().all(|c| c.is_ascii_hexdigit()),
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

#[test]
fn every_screen_and_theme_exports_well_formed_svg_and_html() {
    for &(theme, depth) in THEMES {
        for &(name, keys, must) in SCREENS {
            let what = format!("{name} {theme:?} {depth:?}");
            let buf = buffer(theme, depth, keys);
            let text = to_text(&buf);
            assert!(text.contains(must), "{what}: {text}");

            let html = to_html(&buf);
            let screen = html_screen(&html);
            assert!(screen.contains(must), "{what}");
            assert!(screen.contains("党的建设") || name == "item", "{what}");
            // The page shows exactly the screen's characters, row by row (wide glyphs once).
            let rows: Vec<&str> = screen.split('\n').collect();
            assert_eq!(rows.len(), buf.area.height as usize, "{what}");
            let trimmed: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
            assert_eq!(trimmed.join("\n") + "\n", text, "{what}");

            let svg = to_svg(&buf);
            let glyphs = svg_glyphs(&svg);
            let joined = svg_text(&glyphs);
            let compact: String = must.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(joined.contains(&compact), "{what}: {joined:.200}");
        }
    }
}

#[test]
fn wide_glyphs_take_two_cells_once() {
    let buf = buffer(ThemeName::Dark, ColorDepth::Sixteen, "");
    let glyphs = svg_glyphs(&to_svg(&buf));
    // 党的建设 on the first card's title: each glyph two cells (2 × 9 px) after the previous one.
    let at = glyphs
        .windows(4)
        .position(|w| w.iter().map(|g| g.2.as_str()).collect::<String>() == "党的建设")
        .expect("党的建设 in the SVG");
    for k in 0..3 {
        let (a, b) = (&glyphs[at + k], &glyphs[at + k + 1]);
        assert_eq!(a.1, b.1, "same row");
        assert_eq!(b.0 - a.0, 18.0, "{} then {}", a.2, b.2);
    }
    // Hand-made: the cell after a wide glyph is not written again.
    let mut b = Buffer::empty(Rect::new(0, 0, 6, 1));
    b.set_string(0, 0, "党a的", Style::new().fg(Color::Red));
    let screen = html_screen(&to_html(&b));
    assert_eq!(screen, "党a的 ");
    assert_eq!(svg_text(&svg_glyphs(&to_svg(&b))), "党a的");
}

#[test]
fn light_theme_keeps_its_background() {
    for depth in [
        ColorDepth::Sixteen,
        ColorDepth::Palette256,
        ColorDepth::TrueColor,
    ] {
        let buf = buffer(ThemeName::Light, depth, "");
        // White, Indexed(231) and Rgb(255,255,255) are all #ffffff.
        let html = to_html(&buf);
        assert!(html.contains("background:#ffffff"), "{depth:?}");
        // Black text: Black, Indexed(16) and Rgb(0,0,0) are all #000000.
        assert!(html.contains("color:#000000"), "{depth:?}");
        let svg = to_svg(&buf);
        assert!(svg.contains("fill=\"#ffffff\"/>"), "{depth:?}");
        assert!(
            svg.contains(&format!("fill=\"{}\"", "#000000")),
            "{depth:?}"
        );
    }
}

#[test]
fn palette_256_maps_indexed_colours_to_xterm_hex() {
    // The dark theme's header is blue: named Blue (#0000ee in xterm's palette) in 16 colours, xterm 25
    // (#005faf) in 256 colours and #1f5fa8 in truecolor, as the theme table says.
    for (depth, want, not) in [
        (ColorDepth::Sixteen, "#0000ee", "#005faf"),
        (ColorDepth::Palette256, "#005faf", "#0000ee"),
        (ColorDepth::TrueColor, "#1f5fa8", "#005faf"),
    ] {
        let buf = buffer(ThemeName::Dark, depth, "");
        assert_eq!(buf[(0, 0)].bg, huibao::ui::palette::DARK.header.1.at(depth));
        for doc in [to_html(&buf), to_svg(&buf)] {
            let c = colours(&doc);
            assert!(c.iter().any(|x| x == want), "{depth:?} lacks {want}");
            assert!(!c.iter().any(|x| x == not), "{depth:?} has {not}");
        }
        let html = to_html(&buf);
        assert!(
            html.contains(&format!("background:{want}")),
            "{depth:?} header background"
        );
    }
    // The mapping itself: named, cube, grey ramp, RGB.
    assert_eq!(css_color(Color::Reset), None);
    assert_eq!(css_color(Color::Red).as_deref(), Some("#cd0000"));
    assert_eq!(css_color(Color::Indexed(1)).as_deref(), Some("#cd0000"));
    assert_eq!(css_color(Color::Indexed(16)).as_deref(), Some("#000000"));
    assert_eq!(css_color(Color::Indexed(25)).as_deref(), Some("#005faf"));
    assert_eq!(css_color(Color::Indexed(203)).as_deref(), Some("#ff5f5f"));
    assert_eq!(css_color(Color::Indexed(231)).as_deref(), Some("#ffffff"));
    assert_eq!(css_color(Color::Indexed(232)).as_deref(), Some("#080808"));
    assert_eq!(css_color(Color::Indexed(240)).as_deref(), Some("#585858"));
    assert_eq!(css_color(Color::Indexed(255)).as_deref(), Some("#eeeeee"));
    assert_eq!(css_color(Color::Rgb(1, 2, 254)).as_deref(), Some("#0102fe"));
}

#[test]
fn mono_has_only_the_default_colours() {
    for (theme, depth) in [
        (ThemeName::Mono, ColorDepth::TrueColor),
        (ThemeName::Light, ColorDepth::None),
    ] {
        for &(name, keys, _) in SCREENS {
            let buf = buffer(theme, depth, keys);
            for doc in [to_html(&buf), to_svg(&buf)] {
                for c in colours(&doc) {
                    assert!(
                        c == DEFAULT_FG || c == DEFAULT_BG,
                        "{name} {theme:?}: colour {c}"
                    );
                }
            }
            // Reverse video (header, selection) still shows: default colours swapped.
            let html = to_html(&buf);
            assert!(
                html.contains(&format!("background:{DEFAULT_FG}"))
                    && html.contains(&format!("color:{DEFAULT_BG}")),
                "{name}: reverse video"
            );
        }
    }
}

#[test]
fn styles_escape_and_runs() {
    let mut b = Buffer::empty(Rect::new(0, 0, 16, 2));
    b.set_string(0, 0, "a&b", Style::new().fg(Color::Indexed(25)));
    b.set_string(3, 0, "<c>", Style::new().fg(Color::Indexed(25)));
    b.set_string(6, 0, "\"q\"", Style::new().add_modifier(Modifier::BOLD));
    b.set_string(9, 0, "斜", Style::new().add_modifier(Modifier::ITALIC));
    b.set_string(11, 0, "u", Style::new().add_modifier(Modifier::UNDERLINED));
    b.set_string(
        12,
        0,
        "r",
        Style::new()
            .fg(Color::Rgb(1, 2, 3))
            .add_modifier(Modifier::REVERSED),
    );
    b.set_string(0, 1, "x", Style::new().bg(Color::Rgb(250, 0, 1)));
    let html = to_html(&b);
    let screen = html_screen(&html);
    assert_eq!(screen.split('\n').next(), Some("a&b<c>\"q\"斜ur   "));
    // Each glyph is placed at its own column, escaped, with only the style that differs from the page.
    assert!(html.contains("<b style=\"grid-area:1/1/2/2;color:#005faf\">a</b>"));
    assert!(html.contains("<b style=\"grid-area:1/2/2/3;color:#005faf\">&amp;</b>"));
    assert!(html.contains("<b style=\"grid-area:1/4/2/5;color:#005faf\">&lt;</b>"));
    assert!(html.contains("<b style=\"grid-area:1/7/2/8;font-weight:bold\">&quot;</b>"));
    assert!(html.contains("<b style=\"grid-area:1/10/2/12;font-style:italic\">斜</b>"));
    assert!(html.contains("<b style=\"grid-area:1/12/2/13;text-decoration:underline\">u</b>"));
    // Reverse video: the text takes the background (default) and the background the text colour.
    assert!(html.contains(&format!(
        "<b style=\"grid-area:1/13/2/14;color:{DEFAULT_BG}\">r</b>"
    )));
    assert!(html.contains("<i style=\"grid-area:1/13/2/14;background:#010203\"></i>"));
    assert!(html.contains("<i style=\"grid-area:2/1/3/2;background:#fa0001\"></i>"));
    // Backgrounds come before every glyph, so none covers a glyph's edge.
    assert!(html.rfind("<i ").unwrap() < html.find("<b ").unwrap());

    let svg = to_svg(&b);
    well_formed(&svg);
    assert!(svg.contains(">&amp;</text>") && svg.contains(">&lt;</text>"));
    assert!(svg.contains(">&quot;</text>"));
    assert!(svg.contains("fill=\"#005faf\""));
    assert!(
        svg.contains("fill=\"#010203\"/>"),
        "reverse: rect in the text colour"
    );
    assert!(svg.contains("fill=\"#fa0001\"/>"));
    assert!(svg.contains("font-weight=\"bold\">&quot;</text>"));
    assert!(svg.contains("font-style=\"italic\">斜</text>"));
}

/// SVG: a Latin monospace leads the font list; every background comes before every glyph (a later
/// rect cannot clip a glyph's edge: the ● of `● 正常` stays a full disc); every glyph is centred on its
/// cells, and a symbol a CJK font would draw full width (● “ ↓ box drawing) is squeezed to its cells.
#[test]
fn svg_keeps_each_glyph_inside_its_cells() {
    for keys in ["", "2", "2 Enter"] {
        let buf = buffer(ThemeName::Dark, ColorDepth::Palette256, keys);
        let svg = to_svg(&buf);
        let ev = well_formed(&svg);
        let Event::Start(_, root) = &ev[0] else {
            panic!()
        };
        assert!(
            attr(root, "font-family")
                .unwrap()
                .starts_with("'DejaVu Sans Mono'"),
            "Latin monospace first"
        );
        assert_eq!(attr(root, "text-anchor"), Some("middle"));
        let last_rect = ev
            .iter()
            .rposition(|e| matches!(e, Event::Start(n, _) if n == "rect"))
            .unwrap();
        let first_text = ev
            .iter()
            .position(|e| matches!(e, Event::Start(n, _) if n == "text"))
            .unwrap();
        assert!(
            last_rect < first_text,
            "{keys:?}: a background after a glyph"
        );
        let mut squeezed = Vec::new();
        for (i, e) in ev.iter().enumerate() {
            let Event::Start(n, a) = e else { continue };
            if n != "text" {
                continue;
            }
            let Some(Event::Text(t)) = ev.get(i + 1) else {
                panic!()
            };
            let cols = width(t).max(1) as f64;
            let x: f64 = attr(a, "x").unwrap().parse().unwrap();
            let left = (x - cols * 4.5) / 9.0;
            assert!(left.fract() == 0.0 && left >= 0.0, "{t:?} at x={x}");
            let symbol = !t.is_ascii()
                && !t.chars().all(|c| {
                    ('\u{4e00}'..='\u{9fff}').contains(&c)
                        || ('\u{3000}'..='\u{303f}').contains(&c)
                        || ('\u{ff00}'..='\u{ff60}').contains(&c)
                });
            if symbol {
                assert_eq!(
                    attr(a, "textLength"),
                    Some(format!("{}", cols * 9.0).as_str()),
                    "{t:?}"
                );
                assert_eq!(attr(a, "lengthAdjust"), Some("spacingAndGlyphs"));
                squeezed.push(t.clone());
            }
        }
        if keys.is_empty() {
            for s in ["“", "│", "─"] {
                assert!(
                    squeezed.iter().any(|g| g == s),
                    "{s} squeezed: {squeezed:?}"
                );
            }
        }
        if keys == "2" {
            // The breadcrumb's › (the footer's ↓ gave way to w, f and [ ] at 80 columns).
            assert!(squeezed.iter().any(|g| g == "›"), "{squeezed:?}");
        }
    }
}

/// The mono theme exports dark on light (for printing); colour themes export their own page.
#[test]
fn mono_exports_dark_on_light() {
    use huibao::commands::web::{to_html_on, to_svg_on, Page};
    let mono = Page::for_theme(&Theme::new(ThemeName::Mono, ColorDepth::None));
    assert_eq!((mono.fg.as_str(), mono.bg.as_str()), ("#000000", "#ffffff"));
    let buf = buffer(ThemeName::Mono, ColorDepth::None, "2");
    let svg = to_svg_on(&buf, &mono);
    assert!(svg.contains(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));
    assert!(svg.contains(r##"fill="#000000""##));
    let html = to_html_on(&buf, &mono);
    assert!(html.contains("color:#000000;background:#ffffff"));
    html_screen(&html);
    let light = Page::for_theme(&Theme::new(ThemeName::Light, ColorDepth::TrueColor));
    assert_eq!(light.bg, "#ffffff");
}

/// Big digits' full blocks are filled cells in the text colour (no seams between blocks), in both
/// exports.
#[test]
fn full_blocks_are_filled_cells() {
    let mut b = Buffer::empty(Rect::new(0, 0, 6, 1));
    b.set_string(1, 0, "███", Style::new().fg(Color::Indexed(25)));
    let svg = to_svg(&b);
    assert!(!svg.contains(">█</text>"), "{svg}");
    assert!(
        svg.contains(r##"<rect x="9" y="0" width="27" height="18" fill="#005faf"/>"##),
        "{svg}"
    );
    let html = to_html(&b);
    assert!(
        html.contains("<i style=\"grid-area:1/2/2/5;background:#005faf\"></i>"),
        "{html}"
    );
    assert!(!html.contains(">█</b>"));
}
