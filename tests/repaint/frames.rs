//! Key sequences and screen-over-screen draws through the emulated terminal leave no stale cell.

use super::*;

/// The case seen in xterm: at 80×24, `2 j j Enter` on the seed left a grey cell on the item screen
/// (a bar cell written over the left half of a CJK glyph blanks the right half in the bar's colour).
#[test]
fn item_screen_after_2_j_j_enter_has_no_stale_cell() {
    live(
        seed(ThemeName::Dark, ColorDepth::Sixteen),
        (80, 24),
        &["2", "j", "j", "Enter"],
    );
}

/// A walk through every screen, in every theme and colour depth, at two sizes: the emulated screen
/// equals each frame.
#[test]
fn every_screen_in_every_theme_leaves_no_stale_cell() {
    let walk = [
        "2", "j", "j", "Enter", "Esc", "j", "j", "j", "Enter", "Esc", "Esc", "l", "l", "Enter",
        "k", "Enter", "Esc", "Esc", "w", "j", "j", "Enter", "Esc", "Esc", "/", "禾", "Esc", "?",
        "Esc", "4", "Enter", "Esc", "Esc", "6", "j", "Esc",
    ];
    for (theme, depth) in [
        (ThemeName::Dark, ColorDepth::Sixteen),
        (ThemeName::Dark, ColorDepth::Palette256),
        (ThemeName::Light, ColorDepth::TrueColor),
        (ThemeName::Mono, ColorDepth::None),
    ] {
        for size in [(80, 24), (120, 40)] {
            live(seed(theme, depth), size, &walk);
        }
    }
}

/// The case seen in a real xterm with a white background (history fixture, dark theme): after `2`
/// the cell right of 持平 showed the terminal's white.
#[test]
fn the_event_loop_frames_leave_no_stale_cell() {
    let history = |theme, depth| {
        let mut s = State::new(
            load::load_dir(std::path::Path::new("tests/fixtures/history")),
            Lang::Zh,
            NaiveDate::from_ymd_opt(2024, 5, 10).unwrap(),
        );
        s.look = huibao::look::Look {
            theme,
            depth,
            ascii: false,
        };
        s
    };
    let walk = [
        "2", "Enter", "Esc", "j", "Enter", "Esc", "Esc", "w", "j", "Enter", "Esc", "Esc", "1",
        "Enter",
    ];
    for (theme, depth) in [
        (ThemeName::Dark, ColorDepth::Sixteen),
        (ThemeName::Light, ColorDepth::Palette256),
        (ThemeName::Mono, ColorDepth::None),
    ] {
        live(history(theme, depth), (80, 24), &walk);
        live(seed(theme, depth), (80, 24), &walk);
        live(history(theme, depth), (120, 40), &walk);
    }
}

/// Any screen of the seed's walk drawn over any other (keys can arrive faster than frames, so the
/// terminal may go from any screen to any later one, or back): the emulated screen equals the frame.
#[test]
fn any_screen_over_any_other_leaves_no_stale_cell() {
    use huibao::app::update::press_keys;
    let walk = [
        "2", "j", "j", "Enter", "Esc", "Esc", "w", "Esc", "1", "Enter", "Esc", "Esc", "4",
    ];
    let size = (80, 24);
    let mut states = Vec::new();
    let mut state = seed(ThemeName::Dark, ColorDepth::Sixteen);
    huibao::app::update(&mut state, huibao::app::Action::Resize(size.0, size.1));
    states.push(state.clone());
    for k in walk {
        press_keys(&mut state, k).unwrap();
        states.push(state.clone());
    }
    for (i, a) in states.iter().enumerate() {
        for (j, b) in states.iter().enumerate() {
            let backend = Emulated {
                parser: vt100::Parser::new(size.1, size.0, 0),
                model: ScreenModel::default(),
                size,
            };
            let mut term = ratatui::Terminal::new(backend).unwrap();
            term.draw(|f| huibao::app::tty::draw_frame(f, a)).unwrap();
            let done = term.draw(|f| huibao::app::tty::draw_frame(f, b)).unwrap();
            let buf = done.buffer.clone();
            let bad = mismatches(term.backend().parser.screen(), &buf);
            assert!(
                bad.is_empty(),
                "screen {j} over screen {i}: {}",
                bad[..bad.len().min(10)].join("\n")
            );
        }
    }
}

#[test]
fn the_screen_model_is_given_whole_characters() {
    // vt100 loses the byte after a character split between two reads: the PTY tests' readers
    // hold a cut character back (`common::whole_chars`) until the rest arrives.
    let bytes = "\x1b[37m· 经营".as_bytes();
    let split = 6;
    assert_eq!(common::whole_chars(&bytes[..split]), 5, "the cut · waits");
    assert_eq!(common::whole_chars(bytes), bytes.len());
    assert_eq!(common::whole_chars("经".as_bytes()), 3);
    assert_eq!(common::whole_chars(&"经".as_bytes()[..2]), 0);
    assert_eq!(common::whole_chars(&"a👍".as_bytes()[..4]), 1);
    let mut whole = vt100::Parser::new(1, 10, 0);
    let cut = common::whole_chars(&bytes[..split]);
    whole.process(&bytes[..cut]);
    whole.process(&bytes[cut..]);
    assert_eq!(whole.screen().contents(), "· 经营");
}
