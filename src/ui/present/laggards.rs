//! The laggard slide: how many items lag, in big digits, and the list of them.

use crate::app::State;
use crate::model::Light;
use crate::text::{pad, width};
use crate::ui::bigtext;
use crate::ui::widgets::{due_text, light_span, owner_text};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Every lagging item of every line, with its deadline and owner, under their count.
pub(super) fn laggards(f: &mut Frame, area: Rect, state: &State) {
    let t = &crate::ui::theme::Theme::of(state.look);
    let lang = state.lang;
    let n = state.laggards.len().to_string();
    let mut rows: Vec<Line> = Vec::new();
    let style = if state.laggards.is_empty() {
        t.digits(Light::Done)
    } else {
        t.digits(Light::Overdue)
    };
    if area.height as usize > bigtext::HEIGHT + 4 {
        for (i, r) in bigtext::render(&n)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let mut spans = vec![Span::raw(" "), Span::styled(t.pixels(r), style)];
            if i == bigtext::HEIGHT - 1 {
                spans.push(Span::styled(
                    lang.pick(" 项滞后、严重滞后或逾期", " items behind or overdue"),
                    t.title,
                ));
            }
            rows.push(Line::from(spans));
        }
    } else {
        rows.push(Line::from(Span::styled(
            format!(" {n} {}", lang.pick("项滞后", "items lagging")),
            style,
        )));
    }
    rows.push(Line::raw(""));
    if state.laggards.is_empty() {
        rows.push(Line::from(Span::styled(
            lang.pick(" 暂无滞后事项", " Nothing lags"),
            t.dim,
        )));
    }
    let w = area.width as usize;
    for r in &state.laggards {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let ls = light_span(it.judgement.light, lang, t);
        let gap = 12usize.saturating_sub(width(&ls.content));
        let mut spans = vec![Span::raw(" "), ls, Span::raw(" ".repeat(gap))];
        let text = format!("{} › {}", line.short, it.item.label);
        let due = due_text(&it.judgement, line.as_of, state.today, lang);
        let owner = owner_text(it, line);
        let rest = format!("{due}  {owner}");
        let tw = w.saturating_sub(16 + width(&rest)).max(10);
        spans.push(Span::styled(pad(&text, tw), t.title));
        spans.push(Span::styled(format!(" {rest}"), t.text));
        rows.push(Line::from(spans));
        if area.height as usize > rows.len() + 2 * state.laggards.len() {
            rows.push(Line::raw(""));
        }
    }
    f.render_widget(Paragraph::new(rows), area);
}
