//! A work line's panel: its groups and items as an aligned table with values, bars, lights and deadlines.

use super::scroll_to;
use super::widgets::{
    bar, change_span, due_text, is_withheld, light_span, main_value, owner_text, percent,
};
use crate::app::State;
use crate::model::board::ItemRef;
use crate::text::{pad, pad_left, truncate};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Width of the change column (`+1234`, `持平`, `新增`).
pub const CHANGE_W: usize = 7;

/// Column widths of the table for an inner width: (label, value, bar, light, due, owner).
/// The change column ([`CHANGE_W`]) is part of the value column's room when the line has history.
pub fn columns(w: usize) -> (usize, usize, usize, usize, usize, usize) {
    let value = if w < 100 { 12 } else { 16 };
    let bar = if w >= 70 { 10 } else { 0 };
    let light = 10;
    let due = 15;
    let owner = if w >= 110 { (w / 6).min(24) } else { 0 };
    let fixed = value + (if bar > 0 { bar + 6 } else { 0 }) + light + due + owner + 4;
    let label = w.saturating_sub(fixed).max(8);
    (label, value, bar, light, due, owner)
}

/// Draws the panel of line `l`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, l: usize) {
    let Some(line) = state.board.lines.get(l) else {
        return;
    };
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let (cl, cv, cb, cg, cd, co) = columns(w.saturating_sub(1));
    let mut rows: Vec<Line> = Vec::new();
    let mut title = format!(" {} {}", l + 1, line.title);
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
    rows.push(Line::from(Span::styled(pad(&title, w), t.title)));
    let mut head = format!(
        " {} {}",
        pad(lang.pick("事项", "Item"), cl),
        pad_left(lang.pick("数值", "Value"), cv)
    );
    let has_prev = line.prev_date.is_some();
    let cl = if has_prev {
        cl.saturating_sub(CHANGE_W + 1).max(6)
    } else {
        cl
    };
    if has_prev {
        head = format!(
            " {} {} {}",
            pad(lang.pick("事项", "Item"), cl),
            pad_left(lang.pick("数值", "Value"), cv),
            pad_left(lang.pick("较上期", "change"), CHANGE_W)
        );
    }
    if cb > 0 {
        head.push_str(&format!(
            " {}",
            pad(lang.pick("进度 (|=序时)", "progress (|=time)"), cb + 5)
        ));
    }
    head.push_str(&format!(
        " {} {}",
        pad(lang.pick("状态", "Status"), cg),
        pad(lang.pick("期限", "Due"), cd)
    ));
    if co > 0 {
        head.push_str(&format!(" {}", pad(lang.pick("责任", "Owner"), co)));
    }
    rows.push(Line::from(Span::styled(pad(&head, w), t.dim)));

    let visible = state.visible_items(l);
    let sel = state.line_selected(l);
    let mut body: Vec<(Line, Option<usize>)> = Vec::new();
    let mut last_group: Option<&str> = None;
    for (pos, &i) in visible.iter().enumerate() {
        let it = &line.items[i];
        if last_group != Some(it.group.as_str()) {
            body.push((
                Line::from(Span::styled(pad(&format!(" 〔{}〕", it.group), w), t.dim)),
                None,
            ));
            last_group = Some(it.group.as_str());
        }
        let j = &it.judgement;
        let selected = pos == sel;
        let base = if selected { t.selected } else { t.text };
        let mark = if selected { ">" } else { " " };
        let value = main_value(it, lang, true);
        let vstyle = if is_withheld(it) && !selected {
            t.withheld
        } else {
            base
        };
        let mut spans = vec![
            Span::styled(format!("{mark}{} ", pad(&it.item.label, cl)), base),
            Span::styled(pad_left(&value, cv), vstyle),
            Span::raw(" "),
        ];
        if has_prev {
            let c = change_span(crate::model::wording::main_change(it), lang, t);
            let cw = crate::text::width(&c.content).min(CHANGE_W);
            spans.push(Span::raw(" ".repeat(CHANGE_W - cw)));
            spans.push(Span::styled(
                crate::text::truncate(&c.content, CHANGE_W),
                c.style,
            ));
            spans.push(Span::raw(" "));
        }
        if cb > 0 {
            match j.progress {
                Some(p) => {
                    spans.extend(bar(p, j.time_progress, cb, j.light, t));
                    spans.push(Span::styled(
                        pad_left(&percent(j.progress_raw.unwrap_or(p)), 5),
                        base,
                    ));
                }
                None => match it
                    .item
                    .ledger()
                    .and_then(crate::model::wording::closure_rate)
                {
                    // A ledger's bar is its closure rate (整改率).
                    Some(rate) => {
                        spans.extend(bar(rate, None, cb, j.light, t));
                        spans.push(Span::styled(pad_left(&percent(rate), 5), base));
                    }
                    None => spans.push(Span::raw(" ".repeat(cb + 5))),
                },
            }
            spans.push(Span::raw(" "));
        }
        let ls = light_span(j.light, lang, t);
        let lw = crate::text::width(&ls.content);
        spans.push(ls);
        spans.push(Span::raw(" ".repeat(cg.saturating_sub(lw) + 1)));
        spans.push(Span::styled(pad(&due_text(j, lang), cd), t.text));
        if co > 0 {
            spans.push(Span::styled(
                format!(" {}", pad(&owner_text(it, line), co)),
                t.dim,
            ));
        }
        body.push((Line::from(spans), Some(pos)));
    }
    if !line.removed.is_empty() && state.filter.is_none() {
        body.push((
            Line::from(Span::styled(
                pad(lang.pick(" 〔较上期已移除〕", " (gone since last time)"), w),
                t.dim,
            )),
            None,
        ));
        for it in &line.removed {
            let txt = format!("  {} {}", lang.pick("已移除", "gone"), it.label);
            body.push((Line::from(Span::styled(pad(&txt, w), t.dim)), None));
        }
    }
    if visible.is_empty() {
        body.push((
            Line::from(Span::styled(
                pad(
                    lang.pick("  (筛选后没有事项)", "  (no item passes the filter)"),
                    w,
                ),
                t.dim,
            )),
            None,
        ));
    }
    let height = (area.height as usize).saturating_sub(rows.len());
    let sel_row = body.iter().position(|(_, p)| *p == Some(sel)).unwrap_or(0);
    let first = scroll_to(sel_row, body.len(), height);
    rows.extend(body.into_iter().skip(first).take(height).map(|(l, _)| l));
    f.render_widget(Paragraph::new(rows), area);
    let _ = truncate;
}

/// The item the line panel has selected.
pub fn selected(state: &State, l: usize) -> Option<ItemRef> {
    let vis = state.visible_items(l);
    vis.get(state.line_selected(l))
        .map(|&i| ItemRef { line: l, item: i })
}
