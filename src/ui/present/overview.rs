//! The overview slide: one tile per work line with its headline figures.

use super::tiles::{figure_rows, tiles, FIGURE_ROWS};
use crate::app::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Every work line as a tile of its headline figures, as many as fit.
pub(super) fn overview(f: &mut Frame, area: Rect, state: &State) {
    let t = &crate::ui::theme::Theme::of(state.look);
    let lang = state.lang;
    let lines = &state.board.lines;
    for (i, (rect, line)) in tiles(area, lines.len(), (area.width / 40).max(1) as usize)
        .into_iter()
        .zip(lines)
        .enumerate()
    {
        let title = format!(
            " {} {} ",
            crate::app::keymap::line_key(i).unwrap_or(' '),
            line.short
        );
        let counts = crate::ui::widgets::line_counts(line, lang, t);
        let block = t
            .block()
            .title(Span::styled(title, t.title))
            .title_top(Line::from(counts).right_aligned());
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let w = inner.width as usize;
        let mut rows: Vec<Line> = Vec::new();
        let mut room = inner.height as usize;
        for it in line.chosen(4).0 {
            // A blank row between figures; a figure that does not fit whole in big digits is
            // written small, and one that does not fit at all is left out (a small projector
            // window shows two where they fit, not one).
            let gap = usize::from(!rows.is_empty());
            let fitting = [room >= FIGURE_ROWS, false].into_iter().find_map(|big| {
                let mut fr = figure_rows(state, it, line.as_of, w, big);
                // No light, change or deadline: no empty row under the figure.
                if fr.last().is_some_and(|l| l.spans.is_empty()) {
                    fr.pop();
                }
                (!fr.is_empty() && gap + fr.len() <= room).then_some(fr)
            });
            let Some(fr) = fitting else { break };
            if gap == 1 {
                rows.push(Line::raw(""));
                room -= 1;
            }
            room -= fr.len();
            rows.extend(fr);
        }
        f.render_widget(Paragraph::new(rows), inner);
    }
}
