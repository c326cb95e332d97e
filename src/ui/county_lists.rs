//! The county's lists across towns: the laggard list (`w`) with town, line and owner, and search.

use super::table::{Cell, Column, Row, Table};
use super::theme::Theme;
use super::widgets::light_span_on;
use crate::app::State;
use crate::model::county_rank::TownItem;
use crate::model::wording::{due_text, owner_short, owner_text};
use crate::model::Lang;
use crate::text::pad;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the laggard list across every town.
pub fn draw_laggards(f: &mut Frame, area: Rect, state: &State) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let lang = state.lang;
    let title = format!(
        " {} ({})",
        lang.pick("全县滞后清单", "County laggard list"),
        c.laggards.len()
    );
    let empty = lang.pick(
        "  各镇暂无滞后、严重滞后或逾期事项",
        "  No town has an item behind, far behind or overdue",
    );
    list(f, area, state, &title, &c.laggards, c.lag_selected, empty);
}

/// Draws the search box across every town and its hits.
pub fn draw_search(f: &mut Frame, area: Rect, state: &State) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let lang = state.lang;
    let title = format!(
        " {}: {}▏ ({})",
        lang.pick("全县搜索", "Search every town"),
        c.query,
        c.hits.len()
    );
    let empty = if c.query.is_empty() {
        lang.pick(
            "  输入事项、责任人、单位或原文中的字词",
            "  Type words of an item, owner, office or source sentence",
        )
    } else {
        lang.pick("  没有找到", "  Nothing found")
    };
    list(f, area, state, &title, &c.hits, c.hit_selected, empty);
}

/// A list of items across towns under its title: light, town, line, item, deadline and owner; the
/// `empty` note when there is none.
fn list(
    f: &mut Frame,
    area: Rect,
    state: &State,
    title: &str,
    rows: &[TownItem],
    selected: usize,
    empty: &str,
) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let t = &Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let wide = w >= 100;
    let (columns, head) = list_columns(w, lang, t);
    let mut table = Table::new(columns).header(Row::Cells(head, t.dim));
    if rows.is_empty() {
        table = table.header(Row::Across(Line::from(Span::styled(
            empty.to_string(),
            t.dim,
        ))));
    }
    for (pos, x) in rows.iter().enumerate() {
        let Some(town) = c.county.towns.get(x.town) else {
            continue;
        };
        let (Some(line), Some(it)) = (town.board.lines.get(x.item.line), town.board.item(x.item))
        else {
            continue;
        };
        let base = if pos == selected { t.selected } else { t.text };
        let mark = Span::styled(if pos == selected { ">" } else { " " }, base);
        let owner = if wide {
            owner_text(it, line)
        } else {
            owner_short(it, line)
        };
        let cells = vec![
            Cell::Spans(Line::from(vec![
                mark,
                light_span_on(it.judgement.light, lang, t, pos == selected),
            ])),
            Cell::text(town.name.clone(), base),
            Cell::text(line.short.clone(), base),
            Cell::text(it.item.label.clone(), base),
            Cell::text(due_text(&it.judgement, line.as_of, state.today, lang), base),
            Cell::text(owner, t.dim),
        ];
        table.push(Row::Cells(cells, Style::new()));
    }
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(pad(title, w), t.title))),
        top,
    );
    let sel = (!rows.is_empty()).then_some(selected);
    f.render_widget(table.select(sel, t.selected), rest);
}

/// The columns of a list across towns at width `w`, and their titles.
fn list_columns(w: usize, lang: Lang, t: &Theme) -> (Vec<Column>, Vec<Cell<'static>>) {
    let wide = w >= 100;
    let (ctown, cline, cdue, cown) = if wide {
        (10, 10, 15, 20)
    } else {
        (8, 8, 14, 8)
    };
    // The status column: a space and the language's widest light (English: ■ far behind).
    let cg = (1 + super::widgets::light_width(lang)).max(12);
    let clabel = w
        .saturating_sub(cg + ctown + cline + cdue + cown + 6)
        .max(8);
    let columns = vec![
        Column::left(cg),
        Column::left(ctown),
        Column::left(cline),
        Column::label(clabel),
        Column::left_whole(cdue),
        Column::left(cown),
    ];
    let head = [
        lang.pick(" 状态", " Status"),
        lang.pick("镇", "Town"),
        lang.pick("工作线", "Line"),
        lang.pick("事项", "Item"),
        lang.pick("期限", "Due"),
        lang.pick("责任", "Owner"),
    ]
    .iter()
    .map(|h| Cell::text(*h, t.dim))
    .collect();
    (columns, head)
}
