//! The terminal backend: crossterm's, with a leaner `draw` for wide text over slow links.
//!
//! ratatui's crossterm backend moves the cursor after every double-width glyph (about 8 bytes per
//! Chinese character) and writes colours and attributes as separate sequences. This backend tracks
//! where the cursor will be after each glyph by its display width and writes an SGR sequence only
//! where the pen changes ([`super::cells`]), so a Chinese screen costs about half the bytes.
//! Everything else is delegated.

use super::frame::FrameWriter;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};

/// The dashboard's backend.
pub struct Tty {
    inner: CrosstermBackend<FrameWriter>,
    model: ScreenModel,
    /// Write an ASCII stand-in for every ambiguous-width symbol (`--borders ascii`).
    narrow: bool,
}

impl Tty {
    /// Wraps crossterm's backend writing to `out`; with `narrow`, every ambiguous-width symbol is
    /// written as an ASCII stand-in (see [`narrow_symbol`]).
    pub fn new(out: FrameWriter, narrow: bool) -> Tty {
        Tty {
            inner: CrosstermBackend::new(out),
            model: ScreenModel::default(),
            narrow,
        }
    }

    /// Writes ambiguous-width symbols as ASCII stand-ins from now on, or not.
    pub fn set_narrow(&mut self, narrow: bool) {
        self.narrow = narrow;
    }

    /// The writer, to send a finished frame.
    pub fn writer_mut(&mut self) -> &mut FrameWriter {
        self.inner.writer_mut()
    }
}

impl Write for Tty {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.writer_mut().write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.writer_mut().flush()
    }
}

pub use super::cells::{draw_cells, draw_frame, hide_under_wide_glyphs, ScreenModel};

/// An ASCII stand-in for a symbol of ambiguous East Asian width (one column here, two in PuTTY's
/// "CJK ambiguous as wide", `xterm -cjk_width`, VTE "wide"): borders, lights, arrows, quotes, middle
/// dots, blocks. None for a symbol every terminal draws as ratatui measures it.
pub fn narrow_symbol(sym: &str) -> Option<&'static str> {
    use unicode_width::UnicodeWidthStr;
    if sym.is_ascii() || sym.width_cjk() <= sym.width() {
        return None;
    }
    let c = sym.chars().next()?;
    Some(match c {
        '─' | '━' | '┄' | '┈' | '╌' | '═' | '—' | '–' | '―' | '‐' => "-",
        '│' | '┃' | '┆' | '┊' | '╎' | '║' => "|",
        '\u{2500}'..='\u{257f}' => "+",
        '█' | '▇' | '▉' | '▊' => "#",
        '▅' | '▆' => "=",
        '▃' | '▄' => "-",
        '▁' | '▂' => "_",
        '●' | '◉' | '◎' => "o",
        '○' | '◯' => ".",
        '▲' | '△' | '↑' => "^",
        '▼' | '▽' | '↓' => "v",
        '■' | '□' | '◆' | '◇' => "#",
        '✓' | '✔' | '√' => "v",
        '✕' | '✗' | '×' => "x",
        '→' | '›' | '»' | '▶' => ">",
        '←' | '‹' | '«' | '◀' => "<",
        '·' | '•' | '…' | '‥' | '∙' => ".",
        '“' | '”' | '„' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '±' => "+",
        '‰' => "%",
        '℃' => "C",
        '÷' => "/",
        '°' => "o",
        '²' => "2",
        '³' => "3",
        '¹' => "1",
        '①'..='⑨' => {
            return Some(["1", "2", "3", "4", "5", "6", "7", "8", "9"][c as usize - '①' as usize])
        }
        _ => "?",
    })
}

impl Backend for Tty {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.narrow {
            let mapped: Vec<(u16, u16, Cell)> = content
                .map(|(x, y, c)| {
                    let mut c = c.clone();
                    if let Some(a) = narrow_symbol(c.symbol()) {
                        c.set_symbol(a);
                    }
                    (x, y, c)
                })
                .collect();
            return draw_cells(
                self.inner.writer_mut(),
                &mut self.model,
                mapped.iter().map(|(x, y, c)| (*x, *y, c)),
            );
        }
        draw_cells(self.inner.writer_mut(), &mut self.model, content)
    }
    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.model.reset();
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // ratatui clears the whole screen (resize, full redraw); a partial clear only makes cells
        // blank and narrow, which forgetting the model errs towards.
        self.model.reset();
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_symbols_have_ascii_stand_ins() {
        use unicode_width::UnicodeWidthStr;
        for s in [
            "─", "│", "┌", "●", "▲", "■", "↓", "·", "“", "”", "█", "○", "▁", "②", "…", "×",
            // The dash before an item's source file (— data/…json), 千分比 and 摄氏度.
            "—", "–", "‰", "℃",
        ] {
            let a = narrow_symbol(s).unwrap_or_else(|| panic!("{s}"));
            assert!(a.is_ascii() && a.width() == 1, "{s} -> {a}");
            assert_ne!(a, "?", "{s} has a proper stand-in");
        }
        for s in ["党", "，", "a", "、", "（", "👍", "✓", "✕", "›"] {
            assert_eq!(narrow_symbol(s), None, "{s}");
        }
    }
}
