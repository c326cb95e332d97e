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
    (it.item.label.clone().into(), main_value(it, lang, false))
}

/// The strip's rows packed into `w` columns: as many indicators as fit on `rows` rows, separated by
/// `  `; when some do not fit, the last row ends with how many more there are.
pub fn pack(items: &[(String, String)], w: usize, rows: usize, lang: Lang) -> Vec<String> {
    let head = lang.pick(" 主要指标 ", " Key indicators ");
    let indent = width(head);
    let segs: Vec<String> = items.iter().map(|(l, v)| format!("{l} {v}")).collect();
    let tail = |more: usize| {
        format!(
            " {}{more}{}",
            lang.pick("(另", "(+"),
            lang.pick("项)", " more)")
        )
    };
    // Rows of segment indexes; a row is `indent` + segments joined by ` · `.
    let row_w = |row: &[usize]| {
        indent
            + row.iter().map(|&i| width(&segs[i])).sum::<usize>()
            + 3 * row.len().saturating_sub(1)
    };
    let mut packed: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, seg) in segs.iter().enumerate() {
        let last = packed.last_mut().expect("one row at least");
        let extra = if last.is_empty() { 0 } else { 3 };
        if row_w(last) + extra + width(seg) <= w || last.is_empty() {
            last.push(i);
        } else if packed.len() < rows {
            packed.push(vec![i]);
        } else {
            break;
        }
    }
    let mut shown: usize = packed.iter().map(Vec::len).sum();
    // Make room for how many more there are, dropping whole indicators, never cutting one.
    while shown < segs.len() {
        let last = packed.last_mut().expect("one row at least");
        if row_w(last) + width(&tail(segs.len() - shown)) <= w || last.len() <= 1 {
            break;
        }
        last.pop();
        shown -= 1;
    }
    let mut out: Vec<String> = packed
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let lead = if r == 0 {
                head.to_string()
            } else {
                " ".repeat(indent)
            };
            let body: Vec<&str> = row.iter().map(|&i| segs[i].as_str()).collect();
            truncate(&format!("{lead}{}", body.join(" · ")), w)
        })
        .collect();
    if shown < segs.len() {
        let t = tail(segs.len() - shown);
        let last = out.last_mut().expect("one row at least");
        *last = format!("{}{t}", truncate(last, w.saturating_sub(width(&t))));
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
    for it in &ind.items {
        let (label, value) = indicator_text(it, state.lang);
        // The value is shown whole; the label gives way.
        let vw = crate::text::width(&value)
            .max((w / 2).min(40))
            .min(w.saturating_sub(3));
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
        // The tail never cuts an indicator in the middle.
        let tight = pack(&items, 70, 1, Lang::Zh);
        assert_eq!(tight, [" 主要指标 地区生产总值 133.8亿元 ▲6.3% (另2项)"]);
    }
}
