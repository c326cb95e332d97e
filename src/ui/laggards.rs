//! 滞后清单: every amber, red or overdue item across all lines, worst first, with its owner.

use super::table::{Cell, Column, Row, Table};
use super::widgets::{due_text, light_span_on, owner_text, percent};
use crate::app::State;
use crate::model::board::{ItemBoard, LineBoard};
use crate::text::pad;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the laggard list.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let title = Line::from(Span::styled(
        pad(
            &format!(
                " {} ({})",
                lang.pick("滞后清单", "Laggard list"),
                state.laggards.len()
            ),
            w,
        ),
        t.title,
    ));
    // At 80 columns the owner still shows (the meeting asks who is responsible): narrower columns.
    let (cg, cline, cprog, cdue) = if w >= 100 {
        (12, 10, 18, 15)
    } else {
        (11, 8, 12, 15)
    };
    let cg = cg.max(super::widgets::light_width(lang));
    let cown = if w >= 100 { 20 } else { 12 };
    let clabel = w
        .saturating_sub(cg + cline + cprog + cdue + cown + 6)
        .max(8);
    let mut columns = vec![
        Column::left(cg + 1),
        Column::left(cline),
        Column::label(clabel),
        Column::left_whole(cprog),
        Column::left_whole(cdue),
    ];
    let mut head = vec![
        Cell::text(format!(" {}", lang.pick("状态", "Status")), t.dim),
        Cell::text(lang.pick("工作线", "Line"), t.dim),
        Cell::text(lang.pick("事项", "Item"), t.dim),
        Cell::text(lang.pick("进度/序时", "progress/time"), t.dim),
        Cell::text(lang.pick("期限", "Due"), t.dim),
    ];
    if cown > 0 {
        columns.push(Column::left(cown));
        head.push(Cell::text(lang.pick("责任", "Owner"), t.dim));
    }
    let mut table = Table::new(columns).header(Row::Cells(head, t.dim));
    if state.laggards.is_empty() {
        table = table.header(Row::Across(Line::from(Span::styled(
            lang.pick(
                "  暂无滞后、严重滞后或逾期事项",
                "  No item is behind, far behind or overdue",
            ),
            t.dim,
        ))));
    }
    let selected = state.screens.laggards.selected;
    for (pos, r) in state.laggards.iter().enumerate() {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let cells = laggard_cells(state, line, it, pos == selected, cown);
        table.push(Row::Cells(cells, Style::new()));
    }
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(title), top);
    let sel = (!state.laggards.is_empty()).then_some(selected);
    f.render_widget(table.select(sel, t.selected), rest);
}

/// The cells of one laggard: mark and light, line, item, progress against 序时进度, due, owner.
fn laggard_cells<'a>(
    state: &State,
    line: &LineBoard,
    it: &ItemBoard,
    selected: bool,
    cown: usize,
) -> Vec<Cell<'a>> {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let j = &it.judgement;
    let base = if selected { t.selected } else { t.text };
    let prog = match (j.progress_raw, j.time_progress) {
        (Some(p), Some(tp)) => format!("{}/{}", percent(p), percent(tp)),
        (Some(p), None) => percent(p),
        _ => String::new(),
    };
    let prog = match crate::model::status::shown_gap(j) {
        Some(g) if g > 0 => format!("{prog} -{g}"),
        _ => prog,
    };
    let owner = if cown >= 20 {
        owner_text(it, line)
    } else {
        crate::model::wording::owner_short(it, line)
    };
    let mark = Span::styled(if selected { ">" } else { " " }, base);
    vec![
        Cell::Spans(Line::from(vec![
            mark,
            light_span_on(j.light, lang, t, selected),
        ])),
        Cell::text(line.short.clone(), base),
        Cell::text(it.item.label.clone(), base),
        Cell::text(prog, base),
        Cell::text(due_text(j, line.as_of, state.today, lang), base),
        Cell::text(owner, t.dim),
    ]
}
