//! Writing a frame's changed cells to the terminal: cursor moves only where needed, an SGR
//! sequence only where the pen changes, and a model of wide glyphs to repaint what a terminal blanks.

use crate::ui::sgr::Pen;
use crossterm::cursor::MoveTo;
use crossterm::queue;
use ratatui::buffer::Cell;
use std::io::{self, Write};

/// What the terminal shows, as far as glyph extents go: for each cell, the width of the glyph that
/// starts there, or 0 for a column covered by the wide glyph to its left; and the style each wide
/// glyph was written in.
///
/// A terminal that prints a narrow glyph over one half of a wide one erases the whole wide glyph, and
/// blanks its other half with the *current* background (xterm, VTE, tmux, vt100 alike). ratatui's diff
/// does not know that: when the blanked column holds the same cell in both frames it is never written
/// again, and a bar cell over the left half of 项 leaves a grey cell beside it (ratatui #2652, #2738; not
/// in a release as of ratatui 0.30.2). [`draw_cells`] uses this model to repaint such columns.
#[derive(Debug, Default, Clone)]
pub struct ScreenModel {
    width: usize,
    spans: Vec<Vec<u8>>,
    /// For each cell where a wide glyph starts, the pen it was written with.
    wide_pens: Vec<Vec<Option<Pen>>>,
}

impl ScreenModel {
    /// Forgets everything: the screen was cleared (every cell blank and narrow).
    pub fn reset(&mut self) {
        self.width = 0;
        self.spans.clear();
        self.wide_pens.clear();
    }

    fn row(&mut self, x: u16, y: u16) -> (&mut Vec<u8>, &mut Vec<Option<Pen>>) {
        let (x, y) = (x as usize, y as usize);
        if x >= self.width {
            self.width = x + 1;
        }
        if y >= self.spans.len() {
            self.spans.resize(y + 1, Vec::new());
            self.wide_pens.resize(y + 1, Vec::new());
        }
        let (row, pens) = (&mut self.spans[y], &mut self.wide_pens[y]);
        if row.len() < self.width {
            row.resize(self.width, 1);
            pens.resize(self.width, None);
        }
        (row, pens)
    }

    /// Records a glyph `w` columns wide written at (x, y) with `pen`; returns the columns of wide
    /// glyphs it cut in half (which the terminal has blanked), each with the pen of the glyph that
    /// covered it.
    fn put(&mut self, x: u16, y: u16, w: u16, pen: Pen) -> Vec<(u16, Pen)> {
        if w == 1 {
            // Most cells: a narrow glyph over a narrow glyph cuts nothing.
            let (row, pens) = self.row(x, y);
            if row[x as usize] == 1 {
                pens[x as usize] = None;
                return Vec::new();
            }
        }
        let end = x + w;
        self.row(end.saturating_sub(1).max(x), y);
        let (row, pens) = self.row(x, y);
        let xs = x as usize;
        let mut cut: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        // Cut on the left: the glyph covering x starts further left.
        if row[xs] == 0 {
            let lead = (0..xs).rev().find(|&c| row[c] != 0).unwrap_or(0);
            row[lead..xs].fill(1);
            cut.push((lead, lead..xs));
        }
        // Cut on the right: a glyph starting under the new one reaches past its end.
        for c in xs..(end as usize).min(row.len()) {
            let reach = (c + row[c] as usize).min(row.len());
            if reach > end as usize {
                row[end as usize..reach].fill(1);
                cut.push((c, end as usize..reach));
            }
        }
        for c in xs..(end as usize).min(row.len()) {
            row[c] = if c == xs { w as u8 } else { 0 };
        }
        let mut orphans = Vec::new();
        for (lead, cols) in cut {
            let covered = pens[lead].take().unwrap_or_default();
            orphans.extend(cols.map(|c| (c as u16, covered)));
        }
        pens[xs..end as usize].fill(None);
        if w > 1 {
            pens[xs] = Some(pen);
        }
        orphans
    }
}

/// Writes the changed cells: a cursor move only where the next cell is not where the cursor already is
/// (counting wide glyphs as two columns), an SGR sequence only where the pen changes, holding only
/// what changes ([`Pen::push_change`]; the first of a frame sets the whole pen), styles reset at
/// the end.
/// Columns of a wide glyph that a narrower cell cut in half, and that the frame does not write, are
/// repainted as blanks in the pen of the glyph that covered them: the cell ratatui's buffer holds
/// under a wide glyph is never sent, and it carries the glyph's background.
pub fn draw_cells<'a, W: Write>(
    out: &mut W,
    model: &mut ScreenModel,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let mut cursor: Option<(u16, u16)> = None;
    let mut pen: Option<Pen> = None;
    let mut sequence = Vec::with_capacity(64);
    let mut set_pen = |out: &mut W, next: Pen, pen: &mut Option<Pen>| {
        if *pen != Some(next) {
            sequence.clear();
            next.push_change(*pen, &mut sequence);
            *pen = Some(next);
            return out.write_all(&sequence);
        }
        Ok(())
    };
    let mut blanked: Vec<(u16, u16, Pen)> = Vec::new();
    for (x, y, cell) in content {
        if cursor != Some((x, y)) {
            queue!(out, MoveTo(x, y))?;
        }
        let next = Pen::of(cell);
        set_pen(out, next, &mut pen)?;
        let sym = cell.symbol();
        out.write_all(sym.as_bytes())?;
        let w = symbol_width(sym);
        if !blanked.is_empty() {
            blanked.retain(|(bx, by, _)| *by != y || *bx < x || *bx >= x + w);
        }
        let orphans = model.put(x, y, w, next);
        blanked.extend(orphans.into_iter().map(|(bx, p)| (bx, y, p)));
        // Trust the width of plain text and CJK; after an emoji or another wide cluster, whose width
        // terminals disagree on, move the cursor explicitly before the next cell.
        cursor = (w == 1 || is_plain_wide(sym)).then(|| (x.saturating_add(w), y));
    }
    blanked.sort_by_key(|(x, y, _)| (*y, *x));
    blanked.dedup_by_key(|(x, y, _)| (*x, *y));
    for (x, y, covered) in blanked {
        if cursor != Some((x, y)) {
            queue!(out, MoveTo(x, y))?;
        }
        set_pen(out, covered, &mut pen)?;
        out.write_all(b" ")?;
        model.put(x, y, 1, covered);
        cursor = Some((x + 1, y));
    }
    if pen.is_some() {
        out.write_all(b"\x1b[0m")?;
    }
    Ok(())
}

/// Draws the state into the frame as the terminal will get it: the view, then every cell hidden
/// under a wide glyph given that glyph's style. The hidden cell is never sent, but when a later frame
/// cuts the glyph in half and leaves that cell unchanged, [`draw_cells`] repaints it from the glyph's
/// style; this makes that repaint exactly what the buffer holds.
pub fn draw_frame(f: &mut ratatui::Frame, state: &crate::app::State) {
    crate::ui::draw(f, state);
    hide_under_wide_glyphs(f.buffer_mut());
}

/// Gives each cell covered by a wide glyph the glyph's style.
pub fn hide_under_wide_glyphs(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let w = symbol_width(buf[(x, y)].symbol());
            if w > 1 {
                let style = buf[(x, y)].style();
                for k in 1..w {
                    if let Some(c) = buf.cell_mut((x + k, y)) {
                        c.set_style(style);
                    }
                }
            }
            x += w;
        }
    }
}

/// The columns a cell's symbol takes on the terminal: at least one (a blank or zero-width symbol
/// still fills its cell).
fn symbol_width(sym: &str) -> u16 {
    if sym.len() == 1 {
        return 1;
    }
    crate::text::width(sym).max(1) as u16
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn frame(prev: &Buffer, next: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        let mut model = ScreenModel::default();
        // What `prev` put on the screen, then the diff.
        draw_cells(
            &mut out,
            &mut model,
            Buffer::empty(prev.area).diff(prev).into_iter(),
        )
        .unwrap();
        out.clear();
        draw_cells(&mut out, &mut model, prev.diff(next).into_iter()).unwrap();
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

    #[test]
    fn a_narrow_cell_over_half_a_wide_glyph_clears_the_other_half() {
        // A grey bar cell over the left half of 项: the terminal blanks the right half in grey, and the
        // diff does not write it (it holds the same blank in both frames).
        let area = Rect::new(0, 0, 6, 1);
        let mut a = Buffer::empty(area);
        a.set_string(0, 0, "项目", Style::new());
        let mut b = a.clone();
        b[(2, 0)].set_symbol(" ").set_bg(Color::DarkGray);
        let mut parser = vt100::Parser::new(1, 6, 0);
        let mut model = ScreenModel::default();
        let mut out = Vec::new();
        draw_cells(
            &mut out,
            &mut model,
            Buffer::empty(area).diff(&a).into_iter(),
        )
        .unwrap();
        draw_cells(&mut out, &mut model, a.diff(&b).into_iter()).unwrap();
        parser.process(&out);
        let right_half = parser.screen().cell(0, 3).unwrap().bgcolor();
        assert_eq!(right_half, vt100::Color::Default, "{out:?}");
        // And a wide glyph over the right half of another clears that glyph's left half.
        let mut c = Buffer::empty(area);
        c.set_string(1, 0, "党", Style::new());
        let mut out = Vec::new();
        let mut model = ScreenModel::default();
        draw_cells(
            &mut out,
            &mut model,
            Buffer::empty(area).diff(&a).into_iter(),
        )
        .unwrap();
        draw_cells(&mut out, &mut model, a.diff(&c).into_iter()).unwrap();
        let mut parser = vt100::Parser::new(1, 6, 0);
        parser.process(&out);
        assert_eq!(parser.screen().contents().trim_end(), " 党");
    }
}
