//! Cell geometry of the exports: wide glyphs, style runs and escaping, glyphs inside their cells, full blocks.

use super::*;

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
