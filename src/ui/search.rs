//! Search across every line, and the filter chooser.

use super::scroll_to;
use super::table::{Align, Cell, Column, Row, Table};
use super::widgets::light_span;
use crate::app::State;
use crate::text::{pad, truncate, width};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the search box and its hits.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let rows = vec![
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
    // One column across the screen: the hit's line and label, then as much of its source sentence as fits.
    let mut table = Table::new(vec![Column {
        width: Constraint::Fill(1),
        align: Align::Left,
        whole: false,
        gives: false,
    }]);
    let selected = state.screens.search.selected;
    let query = &state.screens.search.query;
    let mut last_source: Option<(usize, &str)> = None;
    for (pos, r) in state.screens.search.hits.iter().enumerate() {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let base = if pos == selected { t.selected } else { t.text };
        let mark = if pos == selected { ">" } else { " " };
        // Hits from one report sentence are grouped under it: the sentence shows once.
        let same = last_source == Some((r.line, it.item.source.as_str()));
        let head = if same {
            format!("{mark}  ↳ {} ", it.item.label)
        } else {
            format!("{mark}{} › {} ", line.short, it.item.label)
        };
        let rest = w.saturating_sub(width(&head));
        let mut spans = vec![Span::styled(head, base)];
        if !same {
            spans.extend(why(state, line, it, query, rest, t));
        }
        last_source = Some((r.line, it.item.source.as_str()));
        table.push(Row::Cells(
            vec![Cell::Spans(Line::from(spans))],
            Style::new(),
        ));
    }
    let [top, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(rows), top);
    let sel = (!table.is_empty()).then_some(selected);
    f.render_widget(table.select(sel, t.selected), rest);
}

/// Why the item matched, in `room` columns: the report sentence around the match with the match
/// highlighted, else the owner or office that matched (the label itself is on the row already).
fn why(
    state: &State,
    line: &crate::model::board::LineBoard,
    it: &crate::model::board::ItemBoard,
    query: &str,
    room: usize,
    t: &super::theme::Theme,
) -> Vec<Span<'static>> {
    let lang = state.lang;
    let x = &it.item;
    let owners = [
        (
            lang.pick("责任领导：", "leader: "),
            x.leader.as_deref().or(line.leader.as_deref()),
        ),
        (
            lang.pick("责任单位：", "office: "),
            x.office.as_deref().or(line.office.as_deref()),
        ),
    ];
    let found = super::snippet::snippet(&x.source, query, room).map(|s| ("", s));
    let found = found.or_else(|| {
        owners.iter().find_map(|(name, v)| {
            let v = (*v)?;
            super::snippet::snippet(v, query, room.saturating_sub(width(name))).map(|s| (*name, s))
        })
    });
    match found {
        Some((name, s)) => vec![
            Span::styled(format!("{name}{}", s.before), t.dim),
            Span::styled(s.hit, t.selected.patch(t.title)),
            Span::styled(s.after, t.dim),
        ],
        None => vec![Span::styled(truncate(&x.source, room), t.dim)],
    }
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
        spans.push(Span::styled(
            format!("  {}", kept_text(state, c.as_ref())),
            t.dim,
        ));
        rows.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(rows), area);
}

/// How many items a filter choice keeps, over every line of the date shown (`2项`).
fn kept_text(state: &State, filter: Option<&crate::app::Filter>) -> String {
    let n: usize = state
        .all
        .lines
        .iter()
        .map(|l| {
            let keeps = |i: &&crate::model::board::ItemBoard| filter.is_none_or(|f| f.keeps(l, i));
            l.items.iter().filter(keeps).count()
        })
        .sum();
    format!("{n}{}", state.lang.pick("项", " items"))
}
