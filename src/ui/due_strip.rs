//! The strip under the overview's cards: deadlines of the next days and those passed since the data's date.

use crate::app::State;
use crate::model::soon::Due;
use crate::model::wording::{countdown_text, date_text, owner_short};
use crate::text::{pad, truncate};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The deadlines of the next 14 days (and those passed since the data's date), under the cards.
pub fn draw(f: &mut Frame, area: Rect, state: &State, soon: &[Due]) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let shown = soon.len().min(area.height as usize - 1);
    let passed = soon
        .iter()
        .any(|d| d.countdown == crate::model::wording::Countdown::AwaitingUpdate);
    let mut head = format!(
        " {}",
        match passed {
            false => lang.pick("近14天到期", "Due in the next 14 days"),
            true => lang.pick(
                "近14天到期及数据日后已到期",
                "Due in the next 14 days, and passed since the data's date"
            ),
        }
    );
    if shown < soon.len() {
        head.push_str(&format!(
            "  ({}{}{})",
            lang.pick("还有", ""),
            soon.len() - shown,
            lang.pick("项", " more")
        ));
    }
    let mut rows = vec![Line::from(Span::styled(pad(&head, w), t.title))];
    for d in soon.iter().take(shown) {
        let (Some(line), Some(it)) = (state.board.lines.get(d.at.line), state.board.item(d.at))
        else {
            continue;
        };
        let c = countdown_text(d.countdown, lang);
        let owner = owner_short(it, line);
        let text = format!(
            " {} {}  {} › {} · {}  {}",
            date_text(d.date, line.as_of),
            c,
            line.short,
            it.item.label,
            d.what,
            owner
        );
        let style = match d.countdown {
            crate::model::wording::Countdown::AwaitingUpdate => t.warn,
            _ => t.text,
        };
        rows.push(Line::from(Span::styled(truncate(&text, w), style)));
    }
    super::lines::put_lines(f.buffer_mut(), area, Style::default(), &rows);
}
