//! Lines of styled text drawn straight into the buffer, as ratatui's `Paragraph` draws them.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

/// Draws `lines` over `area` exactly as `Paragraph::new(lines).style(style)` does (no wrapping:
/// each line ends at the last glyph that fits whole, placed as the line's alignment asks), but
/// cuts text into glyphs with [`crate::text::glyphs`], which runs the segmentation rules only for
/// text that needs them: the overview's first frame spent a third of its drawing in them.
pub fn put_lines<'a>(
    buf: &mut Buffer,
    area: Rect,
    style: Style,
    lines: impl IntoIterator<Item = &'a Line<'a>>,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, style);
    let max = area.width;
    let mut glyphs: Vec<(&str, Style, u16)> = Vec::new();
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        glyphs.clear();
        let mut used: u16 = 0;
        let line_style = Style::default().patch(line.style);
        'spans: for span in &line.spans {
            let span_style = line_style.patch(span.style);
            for g in crate::text::glyphs(&span.content) {
                if g.contains(char::is_control) {
                    continue;
                }
                let w = g.cell_width();
                if w > max {
                    continue;
                }
                if used + w > max {
                    break 'spans;
                }
                used += w;
                glyphs.push((g, span_style, w));
            }
        }
        let mut x = area.left()
            + match line.alignment.unwrap_or(Alignment::Left) {
                Alignment::Center => (max / 2).saturating_sub(used / 2),
                Alignment::Right => max.saturating_sub(used),
                Alignment::Left => 0,
            };
        for &(g, s, w) in &glyphs {
            if w == 0 {
                continue;
            }
            buf[(x, y)].set_symbol(g).set_style(s);
            x += w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::{Paragraph, Widget};

    /// Both ways of drawing `lines` over a buffer already holding text, in areas of many widths.
    fn same_as_paragraph(lines: &[Line<'static>], style: Style) {
        for width in 0..24 {
            for height in 0..4 {
                let whole = Rect::new(0, 0, 26, 5);
                let mut want = Buffer::empty(whole);
                want.set_string(0, 0, "旧的内容 old text 旧的内容 old", Style::new().red());
                let mut got = want.clone();
                let area = Rect::new(1, 1, width, height);
                Paragraph::new(lines.to_vec())
                    .style(style)
                    .render(area, &mut want);
                put_lines(&mut got, area, style, lines);
                assert_eq!(got, want, "{width}x{height}: {lines:?}");
            }
        }
    }

    #[test]
    fn draws_what_a_paragraph_draws() {
        let lines = vec![
            Line::from(vec![
                Span::styled("党建引领 ", Style::new().bold()),
                Span::styled("12个", Style::new().fg(Color::Cyan)),
                Span::raw(" ok"),
            ]),
            Line::from("禾源白羽鸡养殖项目 1.2亿元·完成 85%").style(Style::new().dim()),
            Line::from("right 右").right_aligned(),
            Line::from("中 center")
                .centered()
                .style(Style::new().on_blue()),
            Line::from("👨‍👩‍👧 e\u{301} 한국어 ｶﾞ tab\tend"),
            Line::raw(""),
        ];
        same_as_paragraph(&lines, Style::new());
        same_as_paragraph(
            &lines,
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::REVERSED),
        );
        same_as_paragraph(&lines[1..2], Style::new().bg(Color::Black));
    }
}
