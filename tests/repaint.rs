//! The terminal backend replayed through a terminal emulator (vt100), frames made as the event loop
//! makes them (one `Terminal`, the clock ticking between keys): after every frame of a key sequence,
//! every cell on the emulated screen shows what the frame holds — no stale cell is left where a narrow
//! cell overwrote half of a wide (CJK) glyph.

mod common;

use chrono::NaiveDate;
use huibao::app::tty::{draw_cells, ScreenModel};
use huibao::app::State;
use huibao::cli::Lang;
use huibao::model::load;
use huibao::ui::theme::{ColorDepth, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn seed(theme: ThemeName, depth: ColorDepth) -> State {
    let mut s = State::new(
        load::load_dir(std::path::Path::new("data")),
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

/// A ratatui colour as the vt100 crate reports it.
fn vt_color(c: Color) -> vt100::Color {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        c => vt100::Color::Idx(named.iter().position(|n| *n == c).unwrap() as u8),
    }
}

/// Every cell where the emulated screen differs from the frame: (x, y, what the frame holds, what the
/// screen shows). Compares the glyph and the background (reverse video applied), which is what a stale
/// cell shows.
fn mismatches(screen: &vt100::Screen, buf: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let want = &buf[(x, y)];
            let w = huibao::text::width(want.symbol()).max(1) as u16;
            let got = screen.cell(y, x).unwrap();
            let want_bg = if want.modifier.contains(Modifier::REVERSED) {
                vt_color(want.fg)
            } else {
                vt_color(want.bg)
            };
            let got_bg = if got.inverse() {
                got.fgcolor()
            } else {
                got.bgcolor()
            };
            let want_sym = want.symbol().trim();
            let got_sym = got.contents();
            if want_sym != got_sym.trim() || want_bg != got_bg {
                out.push(format!(
                    "({x},{y}) frame {want_sym:?} {want_bg:?}, screen {got_sym:?} {got_bg:?}"
                ));
            }
            // The columns under a wide glyph must show its continuation, nothing else.
            for k in 1..w {
                if let Some(c) = screen.cell(y, x + k) {
                    if !c.is_wide_continuation() {
                        out.push(format!("({},{y}) not covered by {want_sym:?}", x + k));
                    }
                }
            }
            x += w;
        }
    }
    out
}

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

/// A backend that writes frames with the dashboard's own [`draw_cells`] into an emulated terminal,
/// so that ratatui's `Terminal` keeps its buffers as in the real loop.
struct Emulated {
    parser: vt100::Parser,
    model: ScreenModel,
    size: (u16, u16),
}

impl ratatui::backend::Backend for Emulated {
    type Error = std::io::Error;
    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        let mut out = Vec::new();
        draw_cells(&mut out, &mut self.model, content)?;
        self.parser.process(&out);
        Ok(())
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> std::io::Result<ratatui::layout::Position> {
        Ok(ratatui::layout::Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        _: P,
    ) -> std::io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.model.reset();
        self.parser.process(b"\x1b[2J");
        Ok(())
    }
    fn clear_region(&mut self, _: ratatui::backend::ClearType) -> std::io::Result<()> {
        self.clear()
    }
    fn size(&self) -> std::io::Result<ratatui::layout::Size> {
        Ok(ratatui::layout::Size::new(self.size.0, self.size.1))
    }
    fn window_size(&mut self) -> std::io::Result<ratatui::backend::WindowSize> {
        Ok(ratatui::backend::WindowSize {
            columns_rows: self.size().unwrap(),
            pixels: ratatui::layout::Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// As the event loop runs it: one `Terminal`, the clock ticking between keys, the state updated in
/// place; after every frame the emulated screen equals the frame.
fn live(mut state: State, size: (u16, u16), keys: &[&str]) {
    use huibao::app::{keymap, update, Action};
    let backend = Emulated {
        parser: vt100::Parser::new(size.1, size.0, 0),
        model: ScreenModel::default(),
        size,
    };
    let mut term = ratatui::Terminal::new(backend).unwrap();
    update(&mut state, Action::Resize(size.0, size.1));
    let tick = |s: &mut State, n: u32| {
        update(
            s,
            Action::Tick(huibao::app::action::Now {
                clock: chrono::NaiveTime::from_hms_opt(11, 39, n % 60).unwrap(),
                mono: std::time::Duration::from_secs(n as u64),
            }),
        )
    };
    tick(&mut state, 0);
    let mut frame = |state: &State, what: &str| {
        let done = term
            .draw(|f| huibao::app::tty::draw_frame(f, state))
            .unwrap();
        let buf = done.buffer.clone();
        if buf.area.width == 80 {
            eprintln!(
                "{what}: (35,5) {:?} (36,5) {:?}",
                buf[(35, 5)],
                buf[(36, 5)]
            );
        }
        let bad = mismatches(term.backend().parser.screen(), &buf);
        assert!(
            bad.is_empty(),
            "after {what}: {}",
            bad[..bad.len().min(10)].join("\n")
        );
    };
    frame(&state, "start");
    for (n, k) in keys.iter().enumerate() {
        tick(&mut state, n as u32 + 1);
        frame(&state, "tick");
        for ev in keymap::parse_keys(k).unwrap() {
            if let Some(a) = keymap::action_for(&state, &ev) {
                update(&mut state, a);
            }
        }
        frame(&state, k);
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
