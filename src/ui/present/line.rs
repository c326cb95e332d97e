//! A work line's slide: its headline figures as tiles, its laggards with their owners, its other figures.

use super::tiles::{tile, tiles, FIGURE_ROWS};
use crate::app::State;
use crate::model::board::{ItemBoard, LineBoard};
use crate::text::{pad, width};
use crate::ui::theme::Theme;
use crate::ui::widgets::{due_text, light_span, main_value, owner_text};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// A line's slide: its figures as tiles, its laggards with their owners, its other figures.
pub(super) fn line(f: &mut Frame, area: Rect, state: &State, line: &LineBoard) {
    let t = &Theme::of(state.look);
    f.render_widget(
        Paragraph::new(head(state, line, t)),
        Rect { height: 1, ..area },
    );
    let heads = line.chosen(4).0;
    let tiles_area = draw_tiles(f, area, state, line, &heads);
    let mut rows = lagging_rows(state, line, t);
    rows.extend(other_rows(state, line, &heads, area.width, t));
    let list = Rect {
        y: tiles_area.y + tiles_area.height + 1,
        height: area.height.saturating_sub(tiles_area.height + 2),
        ..area
    };
    f.render_widget(Paragraph::new(rows), list);
}

/// The slide's first row: the line's title (and the date it was last updated, when carried over)
/// and its red and amber counts.
fn head(state: &State, line: &LineBoard, t: &Theme) -> Line<'static> {
    let lang = state.lang;
    let mut title = line.title.clone();
    if line.carried {
        title.push_str(&format!(
            "  {}{})",
            lang.pick("未更新 (截至 ", "not updated (as of "),
            line.as_of
        ));
    }
    Line::from(vec![
        Span::styled(format!(" {title}  "), t.title),
        Span::styled(
            format!(
                "{}{} {}{}",
                lang.pick("红灯 ", "red "),
                line.red(),
                lang.pick("黄灯 ", "amber "),
                line.amber()
            ),
            crate::ui::widgets::counts_style(line, t),
        ),
    ])
}

/// Draws the headline figures as tiles under the head row; returns the area they take.
fn draw_tiles(
    f: &mut Frame,
    area: Rect,
    state: &State,
    line: &LineBoard,
    heads: &[&ItemBoard],
) -> Rect {
    let max_cols = if area.width >= 160 { 4 } else { 2 };
    let cols = max_cols.clamp(1, heads.len().max(1));
    let tile_rows = heads.len().div_ceil(cols) as u16;
    let tile_h = (FIGURE_ROWS as u16 + 2).min(area.height.saturating_sub(2) / tile_rows.max(1));
    let tiles_area = Rect {
        y: area.y + 1,
        height: tile_h * tile_rows,
        ..area
    };
    for (rect, it) in tiles(tiles_area, heads.len(), max_cols)
        .into_iter()
        .zip(heads.iter())
    {
        tile(f, rect, state, it, line.as_of);
    }
    tiles_area
}

/// The line's lagging items with their deadlines and owners, under a heading (or a row saying
/// that nothing lags).
fn lagging_rows(state: &State, line: &LineBoard, t: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang;
    let lagging: Vec<&ItemBoard> = line
        .items
        .iter()
        .filter(|i| i.judgement.light.is_laggard())
        .collect();
    let mut rows = vec![Line::from(Span::styled(
        format!(" {}", lang.pick("滞后事项", "Lagging items")),
        t.title,
    ))];
    if lagging.is_empty() {
        rows[0] = Line::from(Span::styled(
            format!(
                " {}",
                lang.pick("本条线无滞后事项", "Nothing lags on this line")
            ),
            t.dim,
        ));
    }
    for it in lagging {
        rows.push(Line::from(vec![
            Span::raw(" "),
            light_span(it.judgement.light, lang, t),
            Span::styled(
                format!(
                    "  {}  {}  {}",
                    it.item.label,
                    due_text(&it.judgement, line.as_of, state.today, lang),
                    owner_text(it, line)
                ),
                t.text,
            ),
        ]));
    }
    rows
}

/// The line's other figures, two to a row, under a heading; nothing when it has none.
fn other_rows(
    state: &State,
    line: &LineBoard,
    heads: &[&ItemBoard],
    area_width: u16,
    t: &Theme,
) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mut rows = Vec::new();
    let others: Vec<&ItemBoard> = line
        .items
        .iter()
        .filter(|i| !heads.iter().any(|h| std::ptr::eq(*h, *i)))
        .filter(|i| i.item.has_figures())
        .collect();
    if !others.is_empty() {
        rows.push(Line::raw(""));
        rows.push(Line::from(Span::styled(
            format!(" {}", lang.pick("其他数据", "Other figures")),
            t.title,
        )));
        let half = (area_width as usize).saturating_sub(2) / 2;
        for pair in others.chunks(2) {
            let mut spans = vec![Span::raw(" ")];
            for it in pair {
                let v = main_value(it, lang, false);
                let lw = half.saturating_sub(width(&v) + 2);
                spans.push(Span::styled(pad(&it.item.label, lw), t.text));
                spans.push(Span::styled(format!(" {v} "), t.title));
            }
            rows.push(Line::from(spans));
        }
    }
    rows
}
