//! 总览: one card per work line with its headline figures, red/amber counts and progress bars.

use super::widgets::{bar, is_withheld, main_value, percent};
use crate::app::State;
use crate::model::board::{ItemBoard, LineBoard};
use crate::text::{pad, pad_left, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Cards per row and rows of cards for `n` cards in `area`: as many columns as fit 36 wide, balanced.
pub fn grid(n: usize, area: Rect) -> (usize, usize) {
    if n == 0 {
        return (1, 1);
    }
    let max_cols = (area.width as usize / 36).clamp(1, n);
    let rows = n.div_ceil(max_cols);
    let cols = n.div_ceil(rows);
    (cols, rows)
}

/// Draws the overview.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    if state.board.lines.is_empty() && state.board.indicators.is_some() {
        // A report of key indicators only: they are the overview.
        super::indicators::slide(f, area, state);
        return;
    }
    let strip = super::indicators::strip_height(state, area);
    if strip > 0 {
        super::indicators::strip(
            f,
            Rect {
                height: strip,
                ..area
            },
            state,
        );
    }
    let area = Rect {
        y: area.y + strip,
        height: area.height - strip,
        ..area
    };
    let lines = &state.board.lines;
    let (cols, rows) = grid(lines.len(), area);
    let cw = area.width / cols as u16;
    let ch = area.height / rows as u16;
    for (i, line) in lines.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let w = if c == cols - 1 {
            area.width - cw * (cols as u16 - 1)
        } else {
            cw
        };
        let h = if r == rows - 1 {
            area.height - ch * (rows as u16 - 1)
        } else {
            ch
        };
        let rect = Rect {
            x: area.x + cw * c as u16,
            y: area.y + ch * r as u16,
            width: w,
            height: h,
        };
        card(f, rect, state, i, line);
    }
}

/// Draws the selected card alone over `area` (zoom).
pub fn draw_zoomed(f: &mut Frame, area: Rect, state: &State) {
    let sel = state.overview_selected();
    if let Some(line) = state.board.lines.get(sel) {
        card(f, area, state, sel, line);
    }
}

fn card(f: &mut Frame, rect: Rect, state: &State, idx: usize, line: &LineBoard) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let focused = idx == state.overview_selected();
    let inner_w = rect.width.saturating_sub(2) as usize;
    let counts = super::widgets::line_counts(line, lang, t);
    let title_room = inner_w.saturating_sub(width(&counts.content) + 1);
    let mut title = format!(
        "{}{} {} ",
        if focused { ">" } else { " " },
        idx + 1,
        line.short
    );
    if line.carried {
        title.push_str(lang.pick("(未更新) ", "(not updated) "));
    }
    let block = t
        .block()
        // Focus shows on the title only (reverse video and a marker): recolouring the whole border
        // would cost two full borders of bytes per key over SSH.
        .title(Span::styled(
            truncate(&title, title_room),
            if focused { t.selected } else { t.title },
        ))
        .title_top(Line::from(counts).right_aligned());
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let room = inner.height as usize;
    if room == 0 || inner_w < 4 {
        return;
    }
    let mut out: Vec<Line> = Vec::new();
    let rows_for_items = room.saturating_sub(1);
    let (shown, more) = line.chosen(rows_for_items.max(1));
    if shown.is_empty() {
        // A plan of tasks without figures: their names, with firmness in the report's word.
        for it in line.items.iter().take(rows_for_items) {
            let firm = it.item.firmness.map(|f| f.zh()).unwrap_or_default();
            let txt = format!("· {firm}{}", it.item.label);
            out.push(Line::from(Span::styled(pad(&txt, inner_w), t.dim)));
        }
    }
    for it in shown {
        out.push(figure_row(state, it, inner_w));
    }
    if room > out.len() {
        let total = line.items.len();
        let mut summary = format!(
            "{}{}{}",
            lang.pick("共", ""),
            total,
            lang.pick("项", " items")
        );
        if more > 0 {
            summary.push_str(&format!(
                "{}{more}{}",
                lang.pick("(另", " ("),
                lang.pick("项未列)", " more not shown)")
            ));
        }
        if line.prev_date.is_some() {
            summary.push_str(&format!(
                " · {}{}",
                lang.pick("变动", "changed "),
                line.changed()
            ));
        }
        summary.push_str(&format!(
            " · {} {}",
            lang.pick("截至", "as of"),
            line.as_of.format("%m-%d")
        ));
        while out.len() + 1 < room {
            out.push(Line::raw(""));
        }
        out.push(Line::from(Span::styled(pad(&summary, inner_w), t.dim)));
    }
    f.render_widget(Paragraph::new(out), inner);
}

/// One headline row: `label ........ value`, or `label [bar] 25%` when the item has progress.
fn figure_row(state: &State, it: &ItemBoard, w: usize) -> Line<'static> {
    let t = &super::theme::Theme::of(state.look);
    let j = &it.judgement;
    let label = it
        .item
        .figures
        .first()
        .and_then(|f| f.label.clone())
        .filter(|l| it.item.project().is_none() && *l != it.item.label);
    let label = label.map_or(it.item.label.clone(), |l| format!("{}·{l}", it.item.label));
    if let Some(p) = j.progress {
        // The light's symbol goes with the percentage, so it never rests on colour alone; a written
        // rate keeps its decimals (173.5%).
        let pct = crate::model::wording::progress_pct(it)
            .unwrap_or_else(|| percent(j.progress_raw.unwrap_or(p)));
        let pw = width(&pct).max(5);
        let pct = format!(
            "{}{}",
            if j.light == crate::model::Light::None {
                " "
            } else {
                j.light.symbol()
            },
            pad_left(&pct, pw)
        );
        let bw = (w / 3).clamp(4, 20);
        let lw = w.saturating_sub(bw + pw + 2);
        let mut spans = vec![Span::styled(pad(&label, lw), t.text), Span::raw(" ")];
        spans.extend(bar(p, j.time_progress, bw, j.light, t));
        spans.push(Span::styled(pct, t.light(j.light)));
        return Line::from(spans);
    }
    let value = main_value(it, state.lang, false);
    // The value is shown whole; the label gives way (down to nothing on a very narrow card).
    let vw = width(&value).min(w);
    let lw = w.saturating_sub(vw + 1);
    let style = if is_withheld(it) { t.withheld } else { t.text };
    Line::from(vec![
        Span::styled(pad(&label, lw), t.text),
        Span::raw(" "),
        Span::styled(pad_left(&value, vw), style),
    ])
}
