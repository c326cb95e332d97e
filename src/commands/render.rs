//! `huibao render`: draws any state of the dashboard without a terminal, as text, ANSI, SVG or HTML.

use crate::app::{keymap, update, State};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::Terminal;

/// Replays `keys` through the keymap and `update`, then draws the state into a buffer of `size`.
pub fn render_buffer(mut state: State, size: (u16, u16), keys: &str) -> Result<Buffer, String> {
    update(&mut state, crate::app::Action::Resize(size.0, size.1));
    for k in keymap::parse_keys(keys)? {
        if let Some(a) = keymap::action_for(&state, &k) {
            for e in update(&mut state, a).iter() {
                if let crate::app::Effect::LoadTown(t) = e {
                    load_town_now(&mut state, t);
                }
            }
        }
    }
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).map_err(|e| e.to_string())?;
    term.draw(|f| crate::ui::draw(f, &state))
        .map_err(|e| e.to_string())?;
    Ok(term.backend().buffer().clone())
}

/// What the dashboard does off the UI thread when a county's town opens, done at once: its whole
/// history replaces the board it opened with, so a render shows the settled screen.
fn load_town_now(state: &mut State, t: usize) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let Some(town) = c.county.towns.get(t) else {
        return;
    };
    let full = crate::model::county::load_town(&town.dir, c.county.thresholds, 0);
    state.replace_data(full);
}

/// Cells of a row as (symbol, cell), skipping the cells hidden behind a wide glyph.
pub(crate) fn row_cells(buf: &Buffer, y: u16) -> Vec<(&str, &ratatui::buffer::Cell)> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = cell.symbol();
        skip = crate::text::width(sym).saturating_sub(1);
        out.push((sym, cell));
    }
    out
}

/// The screen's characters, one line per row, trailing spaces trimmed.
pub fn to_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let line: String = row_cells(buf, y).into_iter().map(|(sym, _)| sym).collect();
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// The escape codes a terminal would receive for the screen (SGR colours, one line per row).
pub fn to_ansi(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut last = String::new();
        for (sym, cell) in row_cells(buf, y) {
            let sgr = crate::ui::sgr::sgr(cell);
            if sgr != last {
                s.push_str(&sgr);
                last = sgr;
            }
            s.push_str(sym);
        }
        s.push_str("\x1b[0m\n");
    }
    s
}

/// The colour of a screen without any style: light grey text on a dark background.
pub const DEFAULT_FG: &str = "#d4d4d4";
/// The background of a screen without any style.
pub const DEFAULT_BG: &str = "#1e1e1e";

/// An entry of the xterm 256-colour palette as RGB (0–15 with xterm's default colours, the ones the
/// themes' contrast is measured with).
pub use crate::ui::palette::xterm_rgb;

/// A colour as CSS hex (`#2472c8`): named, palette-indexed and RGB colours alike; None for the
/// terminal's default (Reset).
pub fn css_color(c: Color) -> Option<String> {
    let named = |i: u8| Some(xterm_rgb(i));
    let (r, g, b) = match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => named(i),
        Color::Rgb(r, g, b) => Some((r, g, b)),
    }?;
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}
