//! The terminal backend: crossterm's, with a leaner `draw` for wide text over slow links.
//!
//! ratatui's crossterm backend moves the cursor after every double-width glyph (about 8 bytes per
//! Chinese character) and writes colours and attributes as separate sequences. This backend tracks where
//! the cursor will be after each glyph by its display width and writes one SGR sequence per style change,
//! so a Chinese screen costs about half the bytes. Everything else is delegated.

use super::frame::FrameWriter;
use crossterm::cursor::MoveTo;
use crossterm::queue;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};

/// The dashboard's backend.
pub struct Tty {
    inner: CrosstermBackend<FrameWriter>,
}

impl Tty {
    /// Wraps crossterm's backend writing to `out`.
    pub fn new(out: FrameWriter) -> Tty {
        Tty {
            inner: CrosstermBackend::new(out),
        }
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

/// Writes the changed cells: a cursor move only where the next cell is not where the cursor already is
/// (counting wide glyphs as two columns), one SGR sequence per style change, styles reset at the end.
pub fn draw_cells<'a, W: Write>(
    out: &mut W,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let mut cursor: Option<(u16, u16)> = None;
    let mut style: Option<String> = None;
    for (x, y, cell) in content {
        if cursor != Some((x, y)) {
            queue!(out, MoveTo(x, y))?;
        }
        let sgr = crate::ui::sgr::sgr(cell);
        if style.as_deref() != Some(sgr.as_str()) {
            out.write_all(sgr.as_bytes())?;
            style = Some(sgr);
        }
        let sym = cell.symbol();
        out.write_all(sym.as_bytes())?;
        let w = crate::text::width(sym).max(1) as u16;
        // Trust the width of plain text and CJK; after an emoji or another wide cluster, whose width
        // terminals disagree on, move the cursor explicitly before the next cell.
        cursor = (w == 1 || is_plain_wide(sym)).then(|| (x.saturating_add(w), y));
    }
    if style.is_some() {
        out.write_all(b"\x1b[0m")?;
    }
    Ok(())
}

/// A single CJK character (ideograph, kana, hangul, fullwidth form or CJK punctuation): two columns on
/// every terminal.
fn is_plain_wide(sym: &str) -> bool {
    let mut chars = sym.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

impl Backend for Tty {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        draw_cells(self.inner.writer_mut(), content)
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
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
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
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn frame(prev: &Buffer, next: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        draw_cells(&mut out, prev.diff(next).into_iter()).unwrap();
        out
    }

    #[test]
    fn wide_glyphs_need_no_cursor_moves() {
        let area = Rect::new(0, 0, 20, 1);
        let empty = Buffer::empty(area);
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "党风廉政建设", Style::new());
        let bytes = frame(&empty, &next);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text.matches("\x1b[").filter(|_| true).count(),
            3,
            "one move, one style, one reset: {text:?}"
        );
        assert!(text.contains("党风廉政建设"));
    }

    #[test]
    fn after_an_emoji_the_cursor_is_placed_again() {
        let area = Rect::new(0, 0, 20, 1);
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "👨‍👩‍👧a党b", Style::new());
        let text = String::from_utf8(frame(&Buffer::empty(area), &next)).unwrap();
        // One move at the start and one after the emoji; none after 党.
        assert_eq!(text.matches('H').count(), 2, "{text:?}");
    }

    #[test]
    fn an_identical_frame_writes_nothing() {
        let area = Rect::new(0, 0, 40, 3);
        let mut a = Buffer::empty(area);
        a.set_string(
            0,
            0,
            "禾源白羽鸡养殖项目 1.2亿元",
            Style::new().fg(Color::Cyan),
        );
        assert!(frame(&a, &a.clone()).is_empty());
    }

    #[test]
    fn replaying_through_a_terminal_gives_the_screen_and_no_stale_cells() {
        // Draw 你好，世界！ then Hello over it: no half glyph or stale cell may remain.
        let area = Rect::new(0, 0, 16, 2);
        let mut parser = vt100::Parser::new(2, 16, 0);
        let screen = |p: &vt100::Parser| -> String {
            p.screen()
                .rows(0, 16)
                .map(|r| r.trim_end().to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let empty = Buffer::empty(area);
        let mut a = Buffer::empty(area);
        a.set_string(0, 0, "你好，世界！", Style::new().fg(Color::Red));
        a.set_string(0, 1, "汇报 huibao", Style::new());
        parser.process(&frame(&empty, &a));
        assert_eq!(screen(&parser), "你好，世界！\n汇报 huibao");
        let mut b = Buffer::empty(area);
        b.set_string(0, 0, "Hello", Style::new());
        b.set_string(0, 1, "汇报 huibao", Style::new());
        parser.process(&frame(&a, &b));
        assert_eq!(screen(&parser), "Hello\n汇报 huibao");
        let mut c = Buffer::empty(area);
        c.set_string(1, 0, "报表", Style::new());
        c.set_string(0, 1, "a汇报 huibao", Style::new());
        parser.process(&frame(&b, &c));
        assert_eq!(screen(&parser), " 报表\na汇报 huibao");
    }
}
