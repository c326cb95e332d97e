//! The report's key indicators (主要指标: 地区生产总值, 财政收入, 固定资产投资 … each with its growth): a
//! strip on top of the overview, and a slide of their own in presenter mode.

use super::widgets::main_value;
use crate::app::State;
use crate::model::board::ItemBoard;
use crate::model::Lang;
use crate::text::{pad, pad_left, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// One indicator as `label value growth` (`地区生产总值 133.8亿元 ▲6.3%`).
pub fn indicator_text(it: &ItemBoard, lang: Lang) -> (String, String) {
    (it.item.label.clone(), main_value(it, lang, false))
}

/// The strip's rows packed into `w` columns: as many indicators as fit on `rows` rows, separated by
/// `  `; when some do not fit, the last row ends with how many more there are.
pub fn pack(items: &[(String, String)], w: usize, rows: usize, lang: Lang) -> Vec<String> {
    let head = lang.pick(" 主要指标 ", " Key indicators ");
    let mut out = vec![head.to_string()];
    let mut shown = 0;
    for (label, value) in items {
        let seg = format!("{label} {value}");
        let last = out.last_mut().expect("one row at least");
        let sep = if width(last) == width(head) || last.ends_with(' ') {
            ""
        } else {
            " · "
        };
        if width(last) + width(sep) + width(&seg) <= w {
            last.push_str(sep);
            last.push_str(&seg);
            shown += 1;
        } else if out.len() < rows {
            out.push(format!("{}{seg}", " ".repeat(width(head))));
            shown += 1;
        } else {
            break;
        }
    }
    let more = items.len() - shown;
    if more > 0 {
        let tail = format!(
            " {}{more}{}",
            lang.pick("(另", "(+"),
            lang.pick("项)", " more)")
        );
        let last = out.last_mut().expect("one row at least");
        let room = w.saturating_sub(width(&tail));
        *last = format!("{}{tail}", truncate(last, room));
    }
    out
}

/// Rows the strip takes on the overview: none without indicators or on a very short screen; one
/// row on 24 lines, two from 36.
pub fn strip_height(state: &State, area: Rect) -> u16 {
    match &state.board.indicators {
        Some(ind) if !ind.items.is_empty() && area.height >= 16 => {
            let rows = if area.height >= 36 { 2 } else { 1 };
            let items: Vec<_> = ind
                .items
                .iter()
                .map(|i| indicator_text(i, state.lang))
                .collect();
            pack(&items, area.width as usize, rows, state.lang).len() as u16
        }
        _ => 0,
    }
}

/// Draws the strip over `area` (its height from [`strip_height`]).
pub fn strip(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let Some(ind) = &state.board.indicators else {
        return;
    };
    let items: Vec<_> = ind
        .items
        .iter()
        .map(|i| indicator_text(i, state.lang))
        .collect();
    let w = area.width as usize;
    let rows = pack(&items, w, area.height as usize, state.lang);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|r| Line::from(Span::styled(pad(&r, w), t.header)))
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

/// The presenter slide: one indicator a row, its value and growth right-aligned beside it.
pub fn slide(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let Some(ind) = &state.board.indicators else {
        return;
    };
    let w = area.width as usize;
    let title = format!(
        " {}  {} {}",
        ind.title,
        state.lang.pick("截至", "as of"),
        ind.as_of
    );
    let mut lines = vec![
        Line::from(Span::styled(pad(&title, w), t.title)),
        Line::raw(""),
    ];
    let vw = (w / 2).min(40);
    for it in &ind.items {
        let (label, value) = indicator_text(it, state.lang);
        let lw = w.saturating_sub(vw + 3);
        lines.push(Line::from(vec![
            Span::styled(pad(&format!("  {label}"), lw), t.text),
            Span::raw(" "),
            Span::styled(pad_left(&truncate(&value, vw), vw), t.title),
        ]));
        if area.height as usize >= 2 * ind.items.len() + 3 {
            lines.push(Line::raw(""));
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strip_packs_and_says_how_many_more() {
        let items: Vec<(String, String)> = [
            ("地区生产总值", "133.8亿元 ▲6.3%"),
            ("规上工业总产值", "737.1亿元 ▲5%"),
            ("固定资产投资", "▲20.1%"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let rows = pack(&items, 80, 1, Lang::Zh);
        assert_eq!(rows.len(), 1);
        assert!(width(&rows[0]) <= 80, "{}", rows[0]);
        assert_eq!(
            rows[0],
            " 主要指标 地区生产总值 133.8亿元 ▲6.3% · 规上工业总产值 737.1亿元 ▲5% (另1项)"
        );
        let two = pack(&items, 60, 2, Lang::Zh);
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|r| width(r) <= 60));
    }
}
