//! Search across every line, and the filter chooser.

use super::scroll_to;
use super::widgets::light_span;
use crate::app::State;
use crate::text::{pad, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the search box and its hits.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let mut rows = vec![
        Line::from(vec![
            Span::styled(format!(" {} / ", lang.pick("搜索", "Search")), t.title),
            Span::styled(format!("{}_", state.screens.search.query), t.selected),
        ]),
        Line::from(Span::styled(
            pad(
                &format!(
                    " {} {}",
                    state.screens.search.hits.len(),
                    lang.pick(
                        "个结果 (按事项、责任人、单位或原文)",
                        "hits (label, owner, office or source text)"
                    )
                ),
                w,
            ),
            t.dim,
        )),
    ];
    let height = (area.height as usize).saturating_sub(rows.len());
    let first = scroll_to(
        state.screens.search.selected,
        state.screens.search.hits.len(),
        height,
    );
    for (pos, r) in state
        .screens
        .search
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
    {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let selected = pos == state.screens.search.selected;
        let base = if selected { t.selected } else { t.text };
        let head = format!(
            "{}{} › {} ",
            if selected { ">" } else { " " },
            line.short,
            it.item.label
        );
        let rest = w.saturating_sub(width(&head));
        rows.push(Line::from(vec![
            Span::styled(head, base),
            Span::styled(truncate(&it.item.source, rest), t.dim),
        ]));
    }
    f.render_widget(Paragraph::new(rows), area);
}

/// Draws the filter chooser.
pub fn draw_filter(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let mut rows = vec![Line::from(Span::styled(
        pad(
            lang.pick(
                " 筛选：按灯、责任领导或责任单位",
                " Filter by light, leader or office",
            ),
            w,
        ),
        t.title,
    ))];
    let choices = state.filter_choices();
    let height = (area.height as usize).saturating_sub(1);
    let first = scroll_to(state.screens.filter.selected, choices.len(), height);
    for (pos, c) in choices.iter().enumerate().skip(first).take(height) {
        let selected = pos == state.screens.filter.selected;
        let base = if selected { t.selected } else { t.text };
        let active = if *c == state.filter { "*" } else { " " };
        let mut spans = vec![Span::styled(
            format!("{}{active} ", if selected { ">" } else { " " }),
            base,
        )];
        match c {
            None => spans.push(Span::styled(
                lang.pick("全部 (清除筛选)", "all (clear the filter)"),
                base,
            )),
            Some(crate::app::Filter::Light(l)) => spans.push(light_span(*l, lang, t)),
            Some(other) => spans.push(Span::styled(super::filter_text(other, lang), base)),
        }
        rows.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(rows), area);
}
