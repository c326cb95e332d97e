//! 总览: one card per work line with its figures, red/amber counts, the owners of what lags, and the
//! deadlines of the next 14 days; a one-column list of lines on a small terminal.

use super::widgets::{bar, is_withheld, main_value, percent};
use crate::app::grid::{layout, Layout};
use crate::app::keymap::line_key;
use crate::app::State;
use crate::model::board::{ItemBoard, LineBoard};
use crate::model::soon::due_within;
use crate::model::wording::owner_short;
use crate::text::{pad, pad_left, truncate, width};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// Days ahead the first screen lists deadlines for.
pub const SOON_DAYS: i64 = 14;

/// Draws the overview: the cards (or the list), and below them what falls due soon when there is room.
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
    let soon = due_within(&state.board, state.today, SOON_DAYS, state.lang.en());
    let n = state.board.lines.len();
    let grid_only = layout(n, area.width, area.height);
    // The deadlines take at most a fifth of the body, and only while the cards keep a figure each.
    let want = if soon.is_empty() {
        0
    } else {
        soon.len() as u16 + 1
    };
    let room = want.min(area.height / 5);
    let cards = Rect {
        height: area.height - room,
        ..area
    };
    let fits = room >= 2
        && matches!(grid_only, Layout::Grid { .. })
            == matches!(layout(n, cards.width, cards.height), Layout::Grid { .. });
    let (cards, strip) = if fits {
        let strip = Rect {
            y: area.y + cards.height,
            height: room,
            ..area
        };
        (cards, Some(strip))
    } else {
        (area, None)
    };
    match layout(n, cards.width, cards.height) {
        Layout::List => list(f, cards, state),
        Layout::Grid { cols, rows } => grid(f, cards, state, cols, rows),
    }
    if let Some(strip) = strip {
        super::due_strip::draw(f, strip, state, &soon);
    }
}

fn grid(f: &mut Frame, area: Rect, state: &State, cols: usize, rows: usize) {
    let cw = area.width / cols as u16;
    let ch = area.height / rows as u16;
    for (i, line) in state.board.lines.iter().enumerate() {
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

/// A small terminal: one row per line — key, name, red and amber counts, then its first figure.
fn list(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let w = area.width as usize;
    let sel = state.overview_selected();
    let top = super::scroll_to(sel, state.board.lines.len(), area.height as usize);
    let rows: Vec<Line> = state
        .board
        .lines
        .iter()
        .enumerate()
        .skip(top)
        .map(|(i, line)| {
            let counts = super::widgets::line_counts(line, state.lang, t);
            let mark = if i == sel { ">" } else { " " };
            let head = format!("{mark}{} {}", line_key(i).unwrap_or(' '), line.short);
            let head = truncate(&head, w.saturating_sub(width(&counts.content)).max(4));
            let name_style = if i == sel { t.selected } else { t.title };
            let mut spans = vec![Span::styled(head.clone(), name_style), counts.clone()];
            let rest = w.saturating_sub(width(&head) + width(&counts.content) + 1);
            let first = line
                .chosen(1)
                .0
                .first()
                .map(|it| format!("{} {}", it.item.label, main_value(it, state.lang, true)));
            if let (Some(text), true) = (first, rest >= 8) {
                spans.push(Span::styled(format!(" {}", truncate(&text, rest)), t.dim));
            } else if line.broken.is_some() && rest >= 8 {
                let text = state.lang.pick("✕ 未能加载", "✕ not loaded");
                spans.push(Span::styled(format!(" {}", truncate(text, rest)), t.error));
            }
            Line::from(spans)
        })
        .collect();
    super::lines::put_lines(f.buffer_mut(), area, Style::default(), &rows);
}

/// Draws the selected card alone over `area` (zoom).
pub fn draw_zoomed(f: &mut Frame, area: Rect, state: &State) {
    let sel = state.overview_selected();
    if let Some(line) = state.board.lines.get(sel) {
        card(f, area, state, sel, line);
    }
}

/// The items a card shows in `rows` rows: those with figures chosen by rule (the laggards and the
/// most telling, in report order, `LineBoard::chosen`), then the text-only ones while there is room.
fn card_items(line: &LineBoard, rows: usize) -> Vec<&ItemBoard> {
    let (mut out, _) = line.chosen(rows);
    let room = rows.saturating_sub(out.len());
    out.extend(
        line.items
            .iter()
            .filter(|it| !it.item.has_figures())
            .take(room),
    );
    out
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
        line_key(idx).unwrap_or(' '),
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
    let mut out: Vec<Line> = super::widgets::broken_lines(line, lang, t, inner_w);
    out.truncate(room);
    // One row for the summary at the bottom when there is room for it and an item.
    let summary_row =
        usize::from(room > out.len() + 1 || (line.items.is_empty() && room > out.len()));
    let rows_for_items = room.saturating_sub(out.len() + summary_row);
    let items = card_items(line, rows_for_items);
    let shown = items.len();
    for it in items {
        out.push(figure_row(state, line, it, inner_w));
    }
    if summary_row == 1 && !(line.broken.is_some() && line.items.is_empty()) {
        while out.len() + 1 < room {
            out.push(Line::raw(""));
        }
        let left = line.items.len() - shown;
        out.push(Line::from(Span::styled(
            pad(&card_summary(line, left, lang, inner_w), inner_w),
            t.dim,
        )));
    }
    super::lines::put_lines(f.buffer_mut(), inner, Style::default(), &out);
}

/// The card's last row: what it leaves out, how many items, the changes and the as-of date, as many
/// of these as fit whole in `w` columns (a count or a date is never shown in part).
fn card_summary(line: &LineBoard, left: usize, lang: crate::model::Lang, w: usize) -> String {
    let mut parts = Vec::new();
    if left > 0 {
        parts.push(format!(
            "{}{left}{}",
            lang.pick("还有", ""),
            lang.pick("项", " more")
        ));
    }
    parts.push(format!(
        "{}{}{}",
        lang.pick("共", ""),
        line.items.len(),
        lang.pick("项", " items")
    ));
    // Items `huibao new` carried over and nobody has updated yet come before the changes.
    let awaiting = line
        .items
        .iter()
        .filter(|i| i.item.awaiting_update())
        .count();
    if awaiting > 0 {
        parts.push(format!("{}{awaiting}", lang.pick("待更新", "to update ")));
    }
    if line.prev_date.is_some() {
        parts.push(format!(
            "{}{}",
            lang.pick("变动", "changed "),
            line.changed()
        ));
    }
    parts.push(format!(
        "{} {}",
        lang.pick("截至", "as of"),
        line.as_of.format("%m-%d")
    ));
    let mut s = String::new();
    for p in parts {
        let next = if s.is_empty() {
            p
        } else {
            format!("{s} · {p}")
        };
        if !s.is_empty() && width(&next) > w {
            break;
        }
        s = next;
    }
    s
}

/// One card row: `label ........ value`; with progress `label [bar] 200/800亩 25%`; a red or amber
/// item names its owner after its label.
fn figure_row(state: &State, line: &LineBoard, it: &ItemBoard, w: usize) -> Line<'static> {
    let t = &super::theme::Theme::of(state.look);
    let j = &it.judgement;
    let label = it
        .item
        .figures
        .first()
        .and_then(|f| f.label.as_deref().map(str::to_string))
        .filter(|l| it.item.project().is_none() && *l != it.item.label);
    let label = label.map_or(it.item.label.to_string(), |l| {
        format!("{}·{l}", it.item.label)
    });
    // A red or amber item names who answers for it; the name stays whole, the label gives way.
    let owner = if j.light.is_laggard() {
        owner_short(it, line)
    } else {
        String::new()
    };
    let named = |room: usize| {
        if owner.is_empty() {
            return label.clone();
        }
        let ow = width(&owner) + 4;
        let lw = room.saturating_sub(ow).max(4);
        let l = if width(&label) <= lw {
            label.clone()
        } else {
            truncate(&label, lw)
        };
        format!("{l}（{owner}）")
    };
    if !it.item.has_figures() {
        // A task without figures: its name, with its firmness in the report's word (确保, 力争).
        let firm = it.item.firmness.map(|f| f.zh()).unwrap_or_default();
        let txt = format!("· {firm}{}", named(w.saturating_sub(2)));
        return Line::from(Span::styled(truncate(&txt, w), t.dim));
    }
    // A ledger's progress is its closure rate (整改率), with the ledger's light, as on the line panel;
    // a narrow card keeps the name of a ledger that is not behind.
    let ledger_rate = || {
        it.item
            .ledger()
            .filter(|_| j.light.is_laggard() || w >= 36)
            .and_then(crate::model::wording::closure_rate)
    };
    let progress = j.progress.or_else(ledger_rate);
    // A wide card keeps a ledger's words (发现11 整改11 未改0).
    let compact = match it.item.ledger() {
        Some(_) => w < 56,
        None => progress.is_some() || w < 40,
    };
    let value = main_value(it, state.lang, compact);
    if let Some(p) = progress {
        return progress_row(it, p, value, &named, w, t);
    }
    // The value is shown whole; the label gives way (down to nothing on a very narrow card).
    let vw = width(&value).min(w);
    let lw = w.saturating_sub(vw + 1);
    let style = if is_withheld(it) { t.withheld } else { t.text };
    Line::from(vec![
        Span::styled(pad(&named(lw), lw), t.text),
        Span::raw(" "),
        Span::styled(pad_left(&value, vw), style),
    ])
}

/// A card row with progress `p`: `label [bar] 200/800亩 ● 25%` (the bar on a wide card; the value
/// left out when it is the percentage itself).
fn progress_row(
    it: &ItemBoard,
    p: f64,
    value: String,
    named: &dyn Fn(usize) -> String,
    w: usize,
    t: &super::theme::Theme,
) -> Line<'static> {
    let j = &it.judgement;
    // The light's symbol goes with the percentage, so it never rests on colour alone; a written
    // rate keeps its decimals (173.5%).
    let pct = crate::model::wording::progress_pct(it)
        .unwrap_or_else(|| percent(j.progress_raw.unwrap_or(p)));
    // A rate (完成率 81%) is its own progress: written once.
    let value = if value == pct { String::new() } else { value };
    let pw = width(&pct).max(4) + 1;
    let pct = format!(
        "{}{}",
        if j.light == crate::model::Light::None {
            " "
        } else {
            j.light.symbol()
        },
        pad_left(&pct, pw)
    );
    let vw = if value.is_empty() {
        0
    } else {
        width(&value) + 1
    };
    let bw = if w >= 44 { (w / 5).clamp(4, 16) } else { 0 };
    let lw = w.saturating_sub(bw + vw + pw + 3).max(4);
    let mut spans = vec![Span::styled(pad(&named(lw), lw), t.text), Span::raw(" ")];
    if bw > 0 {
        spans.extend(bar(p, j.time_progress, bw, j.light, t));
    }
    match value.is_empty() {
        true => spans.push(Span::raw(" ")),
        false => spans.push(Span::styled(format!(" {value} "), t.text)),
    }
    spans.push(Span::styled(pct, t.light(j.light)));
    Line::from(spans)
}
