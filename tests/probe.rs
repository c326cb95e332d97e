//! The questions the dashboard asks its terminal before the first frame (`--theme auto`,
//! `--borders auto`), answered as a light, dark, ambiguous-wide or silent terminal would: the real
//! binary on a pseudo-terminal, its screen read through `vt100`.

mod common;

use common::{huibao_args, Pty, TIMEOUT};
use std::time::{Duration, Instant};

const COLS: u16 = 100;
const ROWS: u16 = 30;
const DA1: &[u8] = b"\x1b[c";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Starts the dashboard with `extra` options, waits for its questions and answers with `reply`.
fn answered(extra: &[&str], reply: &[u8]) -> Pty {
    let mut p = asked(extra);
    p.send(reply);
    whole_overview(&mut p);
    p
}

/// Starts the dashboard with `extra` options and waits for its questions.
fn asked(extra: &[&str]) -> Pty {
    let mut args = huibao_args();
    args.extend(extra.iter().map(|a| a.into()));
    let mut p = Pty::spawn(args, COLS, ROWS);
    let deadline = Instant::now() + TIMEOUT;
    while !contains(p.raw_bytes(), DA1) {
        assert!(Instant::now() < deadline, "no questions:\n{}", p.describe());
        let _ = p.wait_for(|_| false, Duration::from_millis(20));
    }
    p
}

/// The row of the screen's text (0-based), trimmed.
fn row(screen: &str, n: usize) -> String {
    screen.lines().nth(n).unwrap_or("").trim().to_string()
}

/// Waits for the overview's whole first frame: its cards and the key hints on the last row.
fn whole_overview(p: &mut Pty) {
    p.expect("the overview", |s| {
        s.contains("党的建设") && s.contains("q/Ctrl-C")
    });
}

/// The background of the cell under the first `总` of the breadcrumbs (row 1).
fn page_background(p: &Pty) -> vt100::Color {
    p.screen().cell(1, 1).unwrap().bgcolor()
}

#[test]
fn a_white_terminal_gets_the_light_theme() {
    let mut p = answered(
        &[],
        b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;2R\x1b[?62;22c",
    );
    assert!(
        contains(p.raw_bytes(), b"\x1b]11;?"),
        "asked for the background"
    );
    // TERM=xterm-256color: the light theme's page is xterm 231 (white).
    assert_eq!(
        page_background(&p),
        vt100::Color::Idx(231),
        "{}",
        p.describe()
    );
    let text = p.screen_text();
    assert!(text.contains('┌') || text.contains('─'), "box drawing kept");
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn a_dark_terminal_keeps_the_dark_theme() {
    let mut p = answered(&[], b"\x1b]11;rgb:0000/0000/0000\x07\x1b[?62c");
    assert_eq!(page_background(&p), vt100::Color::Idx(235));
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn an_ambiguous_wide_terminal_gets_ascii_borders() {
    let mut p = answered(&[], b"\x1b[1;3R\x1b[?62c");
    assert!(
        contains(p.raw_bytes(), "●\x1b[6n".as_bytes()),
        "asked where ● ends"
    );
    let text = p.screen_text();
    assert!(!text.contains('─') && !text.contains('│'), "{text}");
    assert!(text.contains("+--") && text.contains("--+"), "{text}");
    // No symbol such a terminal would draw two columns wide: · “ ” ● ▲ ■ ↓ get ASCII stand-ins.
    use unicode_width::UnicodeWidthChar;
    let wide: Vec<char> = text
        .chars()
        .filter(|c| c.width_cjk().unwrap_or(0) > c.width().unwrap_or(0))
        .collect();
    assert!(wide.is_empty(), "{wide:?}\n{text}");
    assert!(text.contains("还有8项 . 共14项 . 截至"), "{text}");
    // No answer about the background: dark, painted.
    assert_eq!(page_background(&p), vt100::Color::Idx(235));
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn a_silent_terminal_gets_dark_after_the_timeout() {
    let mut p = Pty::spawn(huibao_args(), COLS, ROWS);
    whole_overview(&mut p);
    assert_eq!(page_background(&p), vt100::Color::Idx(235));
    assert!(p.screen_text().contains('─'));
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn explicit_options_ask_nothing() {
    let mut args = huibao_args();
    args.extend(["--theme", "light", "--borders", "ascii"].map(Into::into));
    let mut p = Pty::spawn(args, COLS, ROWS);
    whole_overview(&mut p);
    assert!(!contains(p.raw_bytes(), DA1), "no questions asked");
    assert!(!p.screen_text().contains('─'));
    assert_eq!(page_background(&p), vt100::Color::Idx(231));
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn keys_typed_before_or_with_the_answers_are_not_lost() {
    // `w` (the laggard list) typed before the terminal answers: the dashboard reads it while it
    // waits for the answers, so it must hand it on rather than drop it.
    let mut p = asked(&[]);
    p.send(b"w");
    p.send(b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;2R\x1b[?62;22c");
    p.expect("the laggard list", |s| {
        row(s, 1).starts_with("总览 › 滞后清单")
    });
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
    // `?` arriving in the same read as the last answer.
    let mut p = asked(&[]);
    p.send(b"\x1b]11;rgb:0000/0000/0000\x07\x1b[1;2R\x1b[?62;22c?");
    p.expect("the help screen", |s| row(s, 1).starts_with("总览 › 帮助"));
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

#[test]
fn an_answer_after_the_timeout_is_no_keys_and_still_sets_the_theme() {
    // A slow link: the answers come after the first frame was drawn without them (dark).
    let p = Pty::spawn(huibao_args(), COLS, ROWS);
    late_white(p, b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;2R\x1b[?62;22c");
    // A terminal answering out of order: DA1 at once, the background later.
    let mut p = asked(&[]);
    p.send(b"\x1b[1;2R\x1b[?62;22c");
    late_white(p, b"\x1b]11;rgb:ffff/ffff/ffff\x07");
}

/// Waits for the first frame (dark), sends `late`, which says the background is white, and checks
/// the same screen turns light and takes keys as before.
fn late_white(mut p: Pty, late: &[u8]) {
    let before = whole_screen(&mut p);
    assert_eq!(page_background(&p), vt100::Color::Idx(235));
    p.send(late);
    let deadline = Instant::now() + TIMEOUT;
    while page_background(&p) != vt100::Color::Idx(231) {
        assert!(
            Instant::now() < deadline,
            "the light theme after the late answer\n{}",
            p.describe()
        );
        let _ = p.wait_for(|_| false, Duration::from_millis(20));
    }
    // Read as keys, `]` would have paged to the next week, `/` opened the search and `g` gone to the
    // top; none of that happened: the same screen in other colours.
    let after = whole_screen(&mut p);
    assert_eq!(row(&after, 1), row(&before, 1), "{after}");
    assert!(!after.contains("搜索"), "{after}");
    assert_eq!(after.lines().nth(2), before.lines().nth(2), "{after}");
    // Keys are keys again at once.
    p.send(b"w");
    p.expect("the laggard list", |s| {
        row(s, 1).starts_with("总览 › 滞后清单")
    });
    p.send(b"q");
    assert!(p.wait_exit(TIMEOUT).is_some());
}

/// The overview's whole frame, once drawn.
fn whole_screen(p: &mut Pty) -> String {
    p.expect("the overview", |s| {
        s.contains("党的建设") && s.contains("q/Ctrl-C")
    })
}
