//! The real binary on a pseudo-terminal, walked through the seed's and the history's screens, leaves no stale cell.

use super::*;

/// The real binary on a pseudo-terminal (dark theme, 16 colours, 80×24), walked through the screens
/// of the seed and of the history fixture: after each key, once the text is the expected screen's,
/// every cell below the header (which holds the clock) has the glyph and background the same state
/// renders.
#[test]
fn the_binary_in_a_pty_leaves_no_stale_cell() {
    let walk = [
        "2", "j", "j", "Enter", "Esc", "Esc", "w", "Esc", "1", "Enter", "Esc", "Esc", "4",
    ];
    pty_walk("data", "2023-07-03", &walk);
    let walk = [
        "2", "Enter", "Esc", "j", "Enter", "Esc", "Esc", "w", "j", "Enter", "Esc", "Esc",
    ];
    pty_walk("tests/fixtures/history", "2024-05-10", &walk);
}

fn pty_walk(data: &str, today: &str, walk: &[&str]) {
    use huibao::commands::render::{render_buffer, to_text};
    // The data folder by a relative path, as the state below loads it (the item screen shows it).
    let args = [
        "--data",
        data,
        "--today",
        today,
        "--theme",
        "dark",
        "--color",
        "16",
        "--borders",
        "unicode",
    ];
    let mut p = common::Pty::spawn(args, 80, 24);
    for n in 0..=walk.len() {
        if n > 0 {
            let key = match walk[n - 1] {
                "Enter" => "\r",
                "Esc" => "\x1b",
                k => k,
            };
            p.send(key.as_bytes());
        }
        let keys = walk[..n].join(" ");
        let mut state = State::new(
            load::load_dir(std::path::Path::new(data)),
            Lang::Zh,
            NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap(),
        );
        state.look = huibao::look::Look {
            theme: ThemeName::Dark,
            depth: ColorDepth::Sixteen,
            ascii: false,
        };
        let want = render_buffer(state, (80, 24), &keys).unwrap();
        let text = to_text(&want);
        let body: Vec<&str> = text.lines().skip(1).collect();
        let got = p.wait_for(
            |s| s.lines().skip(1).map(str::trim_end).collect::<Vec<_>>() == body,
            common::TIMEOUT,
        );
        if got.is_err() {
            let screen = p.screen_text();
            let rows: Vec<&str> = screen.lines().skip(1).collect();
            for (i, (a, b)) in rows.iter().zip(&body).enumerate() {
                assert_eq!(a.trim_end(), *b, "{data} after {keys:?}, row {}", i + 1);
            }
            panic!(
                "{data} after {keys:?}: {} rows, want {}",
                rows.len(),
                body.len()
            );
        }
        let mut bad = mismatches(p.screen(), &want);
        bad.retain(|m| !m.contains(",0)"));
        assert!(
            bad.is_empty(),
            "{data} after {keys:?}: {}",
            bad[..bad.len().min(10)].join("\n")
        );
    }
    p.send(b"q");
    assert!(p.wait_exit(common::TIMEOUT).is_some());
}
