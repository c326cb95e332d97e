//! Every screen in every theme exports well-formed SVG and HTML with the theme's colours; mono keeps only the defaults.

use super::*;

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
