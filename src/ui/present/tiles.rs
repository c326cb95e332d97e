//! Figure tiles: an item's headline figure in big digits, and the grid of tiles on a slide.

use super::big_figure;
use crate::app::State;
use crate::model::board::ItemBoard;
use crate::model::Light;
use crate::text::{truncate, width};
use crate::ui::bigtext;
use crate::ui::widgets::{due_text, light_span, main_value};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Rows needed by [`figure_rows`] with big digits.
pub const FIGURE_ROWS: usize = bigtext::HEIGHT + 2;

/// An item's headline figure for a slide: its label, the figure in big digits when `big` and it fits
/// (normal bold text otherwise) with the unit beside, then its light, change and deadline.
pub(super) fn figure_rows(
    state: &State,
    it: &ItemBoard,
    as_of: chrono::NaiveDate,
    w: usize,
    big: bool,
) -> Vec<Line<'static>> {
    let t = &crate::ui::theme::Theme::of(state.look);
    let lang = state.lang;
    let mut rows: Vec<Line> = vec![Line::from(Span::styled(
        truncate(&it.item.label, w),
        t.title,
    ))];
    let (num, small) = big_figure(it, lang.en());
    // 约 is no digit: it stands before the big number, on its baseline.
    let (about, num) = match num.strip_prefix("约") {
        Some(n) => ("约", n.to_string()),
        None => ("", num),
    };
    let style = if num.contains("**") {
        t.withheld
    } else {
        t.digits(it.judgement.light)
    };
    let aw = if about.is_empty() {
        0
    } else {
        width(about) + 1
    };
    let fits = |small: &str| aw + bigtext::width(&num) + 1 + width(small) <= w;
    // A ledger's '处  整改/发现' gives up its words before the big digits give way.
    let small = match small.split_once("  ") {
        Some((unit, _)) if big && !fits(&small) && fits(unit) => unit.to_string(),
        _ => small,
    };
    if big && bigtext::supported(&num) && fits(&small) {
        for (i, r) in bigtext::render(&num)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let lead = if i == bigtext::HEIGHT - 1 && aw > 0 {
                format!("{about} ")
            } else {
                " ".repeat(aw)
            };
            let mut spans = vec![Span::styled(lead, t.text), Span::styled(t.pixels(r), style)];
            if i == bigtext::HEIGHT - 1 {
                spans.push(Span::styled(format!(" {small}"), t.text));
            }
            rows.push(Line::from(spans));
        }
    } else {
        // A unit follows its number (39次); a percentage stands apart from the figures it came
        // from (10%  10/100亩), as the big digits do.
        let txt = if num.is_empty() {
            main_value(it, lang, false)
        } else if num.ends_with('%') && !small.is_empty() {
            format!("{about}{num}  {small}")
        } else {
            format!("{about}{num}{small}")
        };
        rows.push(Line::from(Span::styled(truncate(&txt, w), style)));
    }
    let mut foot = Vec::new();
    if it.judgement.light != Light::None {
        foot.push(light_span(it.judgement.light, lang, t));
        foot.push(Span::raw("  "));
    }
    if crate::model::change_words::main_change(it).is_some() {
        foot.push(Span::styled(
            lang.pick("较上期 ", "vs last ").to_string(),
            t.dim,
        ));
        foot.push(crate::ui::widgets::main_change_span(it, lang, t));
    }
    let due = due_text(&it.judgement, as_of, state.today, lang);
    if !due.is_empty() {
        foot.push(Span::styled(format!("  {due}"), t.text));
    }
    rows.push(Line::from(foot));
    rows
}

/// A bordered tile holding one figure.
pub(super) fn tile(
    f: &mut Frame,
    area: Rect,
    state: &State,
    it: &ItemBoard,
    as_of: chrono::NaiveDate,
) {
    let block = crate::ui::theme::Theme::of(state.look).block();
    let inner = block.inner(area);
    f.render_widget(block, area);
    let big = inner.height as usize >= FIGURE_ROWS;
    f.render_widget(
        Paragraph::new(figure_rows(state, it, as_of, inner.width as usize, big)),
        inner,
    );
}

/// Splits `area` into `n` tiles in a balanced grid of at most `max_cols` columns.
pub(super) fn tiles(area: Rect, n: usize, max_cols: usize) -> Vec<Rect> {
    if n == 0 {
        return Vec::new();
    }
    let cols = max_cols.clamp(1, n);
    let rows = n.div_ceil(cols);
    let cols = n.div_ceil(rows);
    let (cw, ch) = (area.width / cols as u16, area.height / rows as u16);
    (0..n)
        .map(|i| Rect {
            x: area.x + cw * (i % cols) as u16,
            y: area.y + ch * (i / cols) as u16,
            width: cw,
            height: ch,
        })
        .collect()
}
