//! A work line's panel: its groups and items as an aligned table with values, bars, lights and deadlines.

use super::table::{Cell, Column, Row, Table};
use super::theme::Theme;
use super::widgets::{bar, is_withheld, light_span_on, main_value, owner_text, percent};
use crate::app::State;
use crate::model::board::{ItemRef, LineBoard};
use crate::model::Lang;
use crate::text::{pad, pad_left, truncate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Width of the change column (`+1234`, `持平`, `新增`).
pub const CHANGE_W: usize = 7;

/// Width of the progress column when it holds the percentage alone (`100%`, `173.5%`), its
/// separator included.
pub const PCT_W: usize = 7;

/// Width of the progress column with its bar: 10 cells of bar, 5 of percentage, the separator.
pub const BAR_PCT_W: usize = 16;

/// Column widths of the table for an inner width: (label, value, progress, light, due, owner).
/// The progress column (0 when there is no room) holds a bar, if wide enough, and the percentage;
/// below 100 columns it is the percentage alone, so that over SSH at 80 columns the label keeps
/// room enough to tell items apart. The change column ([`CHANGE_W`]) is part of the value column's
/// room when the line has history.
pub fn columns(w: usize) -> (usize, usize, usize, usize, usize, usize) {
    let value = if w < 100 { 12 } else { 16 };
    let progress = match w {
        100.. => BAR_PCT_W,
        70.. => PCT_W,
        _ => 0,
    };
    let light = 10;
    let due = 19;
    let owner = if w >= 110 { (w / 6).min(24) } else { 0 };
    let fixed = value + progress + light + due + owner + 4;
    let label = w.saturating_sub(fixed).max(8);
    (label, value, progress, light, due, owner)
}

/// Draws the panel of line `l`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, l: usize) {
    let Some(line) = state.board.lines.get(l) else {
        return;
    };
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let [cl, cv, cb, cg, cd, co] = widths(state, line, w);
    let title_row = title_row(line, l, lang, t, w);
    let has_prev = line.prev_date.is_some();
    let (columns, head) = head_columns(state, [cl, cv, cb, cg, cd, co], has_prev);
    let mut table = Table::new(columns).header(Row::Cells(head, t.dim));
    for row in super::widgets::broken_lines(line, lang, t, w) {
        table.push(Row::Across(row));
    }
    let sel_row = push_items(&mut table, state, l, t, w, [cl, cb]);
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    f.render_widget(Paragraph::new(title_row), top);
    // A tall screen shows the selected item's detail under the list instead of empty rows.
    let chosen = selected(state, l).filter(|_| rest.height >= DETAIL_FROM && !state.zoom);
    let Some(r) = chosen else {
        f.render_widget(table.select(sel_row, t.selected), rest);
        return;
    };
    let list_h = (table.len() as u16 + 1).clamp(8, rest.height / 2);
    let [list, below] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)]).areas(rest);
    f.render_widget(table.select(sel_row, t.selected), list);
    let mut rows = vec![Line::from(Span::styled(
        pad(
            &format!(
                " ── {} ──",
                lang.pick("所选事项（Enter 打开）", "selected item (Enter opens)")
            ),
            w,
        ),
        t.dim,
    ))];
    rows.extend(super::item::lines(state, r, w));
    let how = lang.pick("Enter 打开全部", "Enter shows it all");
    super::widgets::scrolled(f, below, rows, 0, lang, t, Some(how));
}

/// The column widths of a line's table at width `w`: (label, value, bar, light, due, owner) as
/// [`columns`] gives them, the value column widened for long values, the owner column dropped when
/// no item names one, and the label narrowed for the change column when the line has history.
fn widths(state: &State, line: &LineBoard, w: usize) -> [usize; 6] {
    let lang = state.lang;
    let (cl, cv, cb, cg, cd, co) = columns(w.saturating_sub(1));
    // Values with a growth or a bundle's money are longer: the value column takes up to 8 more
    // columns from the label's, keeping the label at least 10 wide.
    let longest = line
        .items
        .iter()
        .map(|it| crate::text::width(&main_value(it, lang, true)))
        .max()
        .unwrap_or(0);
    let extra = longest.saturating_sub(cv).min(8).min(cl.saturating_sub(10));
    let (cl, cv) = (cl - extra, cv + extra);
    // A line whose items name no owner drops the 责任 column rather than leave it blank on every row.
    let named = line.items.iter().any(|it| !owner_text(it, line).is_empty());
    let (cl, co) = if named || co == 0 {
        (cl, co)
    } else {
        (cl + co + 1, 0)
    };
    // The status column as wide as the language's widest light (English: ■ far behind).
    let (cl, cg) = {
        let lw = super::widgets::light_width(lang);
        (cl.saturating_sub(lw.saturating_sub(cg)).max(6), cg.max(lw))
    };
    let cl = if line.prev_date.is_some() {
        cl.saturating_sub(CHANGE_W + 1).max(6)
    } else {
        cl
    };
    [cl, cv, cb, cg, cd, co]
}

/// The panel's title row: the line's key and title, whether it was updated, and its owner.
fn title_row(line: &LineBoard, l: usize, lang: Lang, t: &Theme, w: usize) -> Line<'static> {
    let mut title = format!(
        " {} {}",
        crate::app::keymap::line_key(l).unwrap_or(' '),
        line.title
    );
    if line.carried {
        title.push_str(&format!(
            "  {}{})",
            lang.pick("未更新 (截至 ", "not updated (as of "),
            line.as_of
        ));
    }
    let owner: Vec<&str> = [line.leader.as_deref(), line.office.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !owner.is_empty() {
        title.push_str(&format!("  · {}", owner.join(" ")));
    }
    Line::from(Span::styled(pad(&title, w), t.title))
}

/// The visible items of line `l` under their group headings, each with its parts; then the items
/// gone since last time, or a note when the filter leaves none. Returns the selected item's row.
/// `cl` and `cb` are the label and bar widths.
fn push_items(
    table: &mut Table,
    state: &State,
    l: usize,
    t: &Theme,
    w: usize,
    [cl, cb]: [usize; 2],
) -> Option<usize> {
    let lang = state.lang;
    let line = state.board.lines.get(l)?;
    let visible = state.visible_items(l);
    let sel = state.line_selected(l);
    let mut sel_row = None;
    let mut last_group: Option<&str> = None;
    for (pos, &i) in visible.iter().enumerate() {
        let it = &line.items[i];
        if last_group != Some(it.group.as_str()) {
            // A report that lists items straight under 一、 has no sub-heading: no 〔〕; nor a
            // group titled as its line.
            if let Some(g) = line.group_heading(&it.group) {
                let group = format!(" 〔{g}〕");
                table.push(Row::Across(Line::from(Span::styled(pad(&group, w), t.dim))));
            }
            last_group = Some(it.group.as_str());
        }
        let selected = pos == sel;
        if selected {
            sel_row = Some(table.len());
        }
        table.push(Row::Cells(
            item_cells(state, l, i, selected, cl, cb),
            Style::new(),
        ));
        for part in crate::model::wording::parts_lines(&it.item, lang) {
            let txt = truncate(&format!("    {part}"), w);
            table.push(Row::Across(Line::from(Span::styled(pad(&txt, w), t.dim))));
        }
    }
    if !line.removed.is_empty() && state.filter.is_none() {
        let gone = lang.pick(" 〔较上期已移除〕", " (gone since last time)");
        table.push(Row::Across(Line::from(Span::styled(pad(gone, w), t.dim))));
        for it in &line.removed {
            let txt = format!("  {} {}", lang.pick("已移除", "gone"), it.label);
            table.push(Row::Across(Line::from(Span::styled(pad(&txt, w), t.dim))));
        }
    }
    if visible.is_empty() && !(line.broken.is_some() && line.items.is_empty()) {
        let none = lang.pick("  (筛选后没有事项)", "  (no item passes the filter)");
        table.push(Row::Across(Line::from(Span::styled(pad(none, w), t.dim))));
    }
    sel_row
}

/// Body rows from which the line panel shows the selected item's detail under the list.
pub const DETAIL_FROM: u16 = 30;

/// The columns and their titles: label (after the selection mark), value, change, bar and percentage,
/// light, due, owner; those a narrow screen has no room for are left out.
fn head_columns<'a>(
    state: &State,
    [cl, cv, cb, cg, cd, co]: [usize; 6],
    has_prev: bool,
) -> (Vec<Column>, Vec<Cell<'a>>) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let mut columns = vec![Column::label(cl + 1), Column::figures(cv)];
    let mut head = vec![
        Cell::text(format!(" {}", lang.pick("事项", "Item")), t.dim),
        Cell::text(lang.pick("数值", "Value"), t.dim),
    ];
    if has_prev {
        columns.push(Column::figures(CHANGE_W));
        head.push(Cell::text(lang.pick("较上期", "change"), t.dim));
    }
    if cb > 0 {
        columns.push(Column::left(cb - 1));
        let title = if cb > PCT_W {
            lang.pick("进度 (|=序时)", "progress (|=time)")
        } else {
            lang.pick("进度", "done")
        };
        head.push(Cell::text(title, t.dim));
    }
    columns.extend([Column::left(cg), Column::left(cd)]);
    head.push(Cell::text(lang.pick("状态", "Status"), t.dim));
    head.push(Cell::text(lang.pick("期限", "Due"), t.dim));
    if co > 0 {
        columns.push(Column::left(co));
        head.push(Cell::text(lang.pick("责任", "Owner"), t.dim));
    }
    (columns, head)
}

/// An item's label, with a bundle's count (现代化美丽城镇 19个项目): the value column has room for
/// the money only.
fn bundle_label(it: &crate::model::board::ItemBoard, lang: crate::model::Lang) -> String {
    let count = it
        .item
        .project()
        .and_then(|p| p.count)
        .and_then(crate::model::Value::num)
        .filter(|n| *n > 1.0);
    match count {
        Some(n) => format!(
            "{} {}{}",
            it.item.label,
            crate::model::numbers::fmt_num(n),
            lang.pick("个项目", " projects")
        ),
        None => it.item.label.to_string(),
    }
}

/// The cells of item `i` of line `l`: label, value, change, bar, light, due, owner (as the columns are).
fn item_cells<'a>(
    state: &State,
    l: usize,
    i: usize,
    selected: bool,
    cl: usize,
    cb: usize,
) -> Vec<Cell<'a>> {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let line = &state.board.lines[l];
    let it = &line.items[i];
    let j = &it.judgement;
    let base = if selected { t.selected } else { t.text };
    let mark = if selected { ">" } else { " " };
    let vstyle = if is_withheld(it) && !selected {
        t.withheld
    } else {
        base
    };
    let mut cells = vec![
        Cell::text(
            format!("{mark}{}", truncate(&bundle_label(it, lang), cl)),
            base,
        ),
        Cell::text(main_value(it, lang, true), vstyle),
    ];
    if line.prev_date.is_some() {
        let c = crate::ui::widgets::main_change_span(it, lang, t);
        cells.push(Cell::text(c.content, c.style));
    }
    if cb > 0 {
        // The bar's cells (none below 100 columns) and the percentage's room.
        let (cb, room) = if cb > PCT_W { (cb - 6, 5) } else { (0, cb - 1) };
        // A ledger's bar is its closure rate (整改率).
        let ledger = || {
            it.item
                .ledger()
                .and_then(crate::model::wording::closure_rate)
        };
        let spans = match (j.progress, j.progress_raw) {
            (Some(p), raw) => {
                // A written rate (173.5%) takes its room from the bar, never cut.
                let pct = crate::model::wording::progress_pct(it)
                    .unwrap_or_else(|| percent(raw.unwrap_or(p)));
                let extra = crate::text::width(&pct).saturating_sub(room).min(cb / 2);
                let mut s = bar(p, j.time_progress, cb - extra, j.light, t);
                s.push(Span::styled(pad_left(&pct, room + extra), base));
                s
            }
            (None, _) => match ledger() {
                Some(rate) => {
                    let mut s = bar(rate, None, cb, j.light, t);
                    s.push(Span::styled(pad_left(&percent(rate), room), base));
                    s
                }
                None => Vec::new(),
            },
        };
        cells.push(Cell::Spans(Line::from(spans)));
    }
    cells.push(Cell::Spans(Line::from(light_span_on(
        j.light, lang, t, selected,
    ))));
    let due = super::widgets::due_span(j, line.as_of, state.today, lang, t);
    cells.push(Cell::text(due.content, due.style));
    cells.push(Cell::text(owner_text(it, line), t.dim));
    cells
}

/// The item the line panel has selected.
pub fn selected(state: &State, l: usize) -> Option<ItemRef> {
    let vis = state.visible_items(l);
    vis.get(state.line_selected(l))
        .map(|&i| ItemRef { line: l, item: i })
}
