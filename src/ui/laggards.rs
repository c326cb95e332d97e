//! 滞后清单: every amber, red or overdue item across all lines, worst first, with its owner.

use super::scroll_to;
use super::widgets::{due_text, light_span, owner_text, percent};
use crate::app::State;
use crate::model::numbers::fmt_num;
use crate::text::{pad, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the laggard list.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let mut rows = vec![Line::from(Span::styled(
        pad(
            &format!(
                " {} ({})",
                lang.pick("滞后清单", "Laggard list"),
                state.laggards.len()
            ),
            w,
        ),
        t.title,
    ))];
    // At 80 columns the owner still shows (the meeting asks who is responsible): narrower columns.
    let (cg, cline, cprog, cdue) = if w >= 100 {
        (12, 10, 18, 15)
    } else {
        (11, 8, 12, 15)
    };
    let cown = if w >= 100 { 20 } else { 12 };
    let clabel = w
        .saturating_sub(cg + cline + cprog + cdue + cown + 6)
        .max(8);
    let mut head = format!(
        " {} {} {} {} {}",
        pad(lang.pick("状态", "Status"), cg),
        pad(lang.pick("工作线", "Line"), cline),
        pad(lang.pick("事项", "Item"), clabel),
        pad(lang.pick("进度/序时", "progress/time"), cprog),
        pad(lang.pick("期限", "Due"), cdue)
    );
    if cown > 0 {
        head.push_str(&format!(" {}", pad(lang.pick("责任", "Owner"), cown)));
    }
    rows.push(Line::from(Span::styled(pad(&head, w), t.dim)));
    if state.laggards.is_empty() {
        rows.push(Line::from(Span::styled(
            lang.pick(
                "  暂无滞后、严重滞后或逾期事项",
                "  No item is behind, far behind or overdue",
            ),
            t.dim,
        )));
    }
    let height = (area.height as usize).saturating_sub(rows.len());
    let first = scroll_to(
        state.screens.laggards.selected,
        state.laggards.len(),
        height,
    );
    for (pos, r) in state.laggards.iter().enumerate().skip(first).take(height) {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let j = &it.judgement;
        let selected = pos == state.screens.laggards.selected;
        let base = if selected { t.selected } else { t.text };
        let ls = light_span(j.light, lang, t);
        let lw = width(&ls.content);
        let prog = match (j.progress_raw, j.time_progress) {
            (Some(p), Some(tp)) => format!("{}/{}", percent(p), percent(tp)),
            (Some(p), None) => percent(p),
            _ => String::new(),
        };
        let prog = match j.gap_points {
            Some(g) if g > 0.0 => format!("{prog} -{}", fmt_num(g.round())),
            _ => prog,
        };
        let mut spans = vec![
            Span::styled(if selected { ">" } else { " " }, base),
            ls,
            Span::raw(" ".repeat(cg.saturating_sub(lw) + 1)),
            Span::styled(
                format!(
                    "{} {} ",
                    pad(&line.short, cline),
                    pad(&it.item.label, clabel)
                ),
                base,
            ),
            Span::styled(
                format!("{} {}", pad(&prog, cprog), pad(&due_text(j, lang), cdue)),
                base,
            ),
        ];
        if cown > 0 {
            spans.push(Span::styled(
                format!(
                    " {}",
                    pad(
                        &if cown >= 20 {
                            owner_text(it, line)
                        } else {
                            crate::model::wording::owner_short(it, line)
                        },
                        cown
                    )
                ),
                t.dim,
            ));
        }
        rows.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(rows), area);
}
