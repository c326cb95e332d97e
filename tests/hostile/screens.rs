//! Every screen of the hostile fixture draws no control character and no escape but SGR, and still shows the text.

use super::*;

// ---- every screen ----

const SCREENS: &[&str] = &[
    "",
    "1",
    "1 Enter",
    "1 j Enter",
    "1 j j Enter",
    "1 j j j Enter",
    "1 j j j j Enter",
    "w",
    "/ x",
    "/ 标",
    "?",
];

fn state() -> State {
    State::new(
        hostile(),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2023, 7, 3).expect("date"),
    )
}

/// Checks the escape sequences of `ansi`: every ESC starts an SGR (`ESC [ digits ; … m`); no OSC,
/// DCS or other sequence, no C1 control, no BEL.
fn assert_only_sgr(ansi: &str, what: &str) {
    assert!(!ansi.contains("\x1b]"), "{what}: OSC");
    assert!(!ansi.contains("\x1bP"), "{what}: DCS");
    assert!(!ansi.contains('\u{7}'), "{what}: BEL");
    let c1: Vec<char> = ansi
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(c1.is_empty(), "{what}: C1 controls {c1:?}");
    let mut rest = ansi;
    while let Some(i) = rest.find('\x1b') {
        let seq = &rest[i + 1..];
        let body = seq.strip_prefix('[').unwrap_or_else(|| {
            panic!(
                "{what}: ESC not followed by [: {:?}",
                &seq[..seq.len().min(8)]
            )
        });
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or_else(|| panic!("{what}: unterminated CSI"));
        assert_eq!(&body[end..end + 1], "m", "{what}: a CSI that is not SGR");
        rest = &body[end + 1..];
    }
    for line in ansi.lines() {
        let bad: Vec<char> = line
            .chars()
            .filter(|&c| c != '\x1b' && forbidden(c))
            .collect();
        assert!(bad.is_empty(), "{what}: {bad:?} in {line:?}");
    }
}

#[test]
fn every_screen_draws_no_control_and_no_escape() {
    for keys in SCREENS {
        for size in [(80, 24), (120, 40)] {
            let what = format!("keys {keys:?} at {}x{}", size.0, size.1);
            let buf = render_buffer(state(), size, keys).expect("render");
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let sym = buf[(x, y)].symbol();
                    assert!(
                        !sym.chars().any(forbidden),
                        "{what}: cell ({x}, {y}) holds {sym:?}"
                    );
                }
            }
            assert_only_sgr(&to_ansi(&buf), &what);
        }
    }
}

#[test]
fn the_hostile_text_is_visible_on_screen() {
    let buf = render_buffer(state(), (120, 40), "1").expect("render");
    let text = huibao::commands::render::to_text(&buf);
    assert!(text.contains("␛]0;PWNED␇"), "{text}");
    let buf = render_buffer(state(), (120, 40), "1 Enter").expect("render");
    let text = huibao::commands::render::to_text(&buf);
    assert!(text.contains("␍覆盖"), "{text}");
}
