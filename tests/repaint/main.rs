//! The terminal backend replayed through a terminal emulator (vt100), frames made as the event loop
//! makes them (one `Terminal`, the clock ticking between keys): after every frame of a key sequence,
//! every cell on the emulated screen shows what the frame holds — no stale cell is left where a narrow
//! cell overwrote half of a wide (CJK) glyph.

#[path = "../common/mod.rs"]
mod common;

mod binary;
mod frames;

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
