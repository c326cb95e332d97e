//! Shared pieces of the screens: lights, progress bars, figure and deadline texts.

use super::theme::Theme;
use crate::model::Lang;

use crate::model::Light;
use crate::text::{pad, width};
use ratatui::text::Span;

pub use crate::model::wording::{
    due_text, main_is_withheld as is_withheld, main_value, owner_text, percent,
};

/// The light as symbol and word (`● 正常`), never colour alone.
pub fn light_span(light: Light, lang: Lang, theme: &Theme) -> Span<'static> {
    if light == Light::None {
        return Span::styled("-", theme.dim);
    }
    Span::styled(
        format!("{} {}", light.symbol(), light.word(lang.en())),
        theme.light(light),
    )
}

/// [`light_span`] on a table row: on the selected row, in a shade that reads on the selection
/// (the table gives the selection's colours only to cells on the page's background).
pub fn light_span_on(light: Light, lang: Lang, theme: &Theme, selected: bool) -> Span<'static> {
    let span = light_span(light, lang, theme);
    if selected && light != Light::None {
        span.style(theme.light_selected(light))
    } else {
        span
    }
}

/// A progress bar `width` cells wide, filled to `ratio`, with the 序时进度 marker `|` at `time`.
/// Filled cells are coloured spaces (reverse video in mono), so no ambiguous-width glyph is used.
pub fn bar(
    ratio: f64,
    time: Option<f64>,
    width: usize,
    light: Light,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let r = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = (r * width as f64).round() as usize;
    let mark = time.filter(|t| t.is_finite()).map(|t| {
        ((t.clamp(0.0, 1.0) * width as f64).round() as usize).min(width.saturating_sub(1))
    });
    let light = if light == Light::None {
        Light::OnTrack
    } else {
        light
    };
    let fill = theme.bar_fill(light);
    (0..width)
        .map(|i| {
            let (base, marker) = if i < filled {
                (fill, theme.marker_on_fill(light))
            } else {
                (theme.bar_empty, theme.marker)
            };
            let empty_glyph = if theme.mono && i >= filled { "." } else { " " };
            if Some(i) == mark {
                Span::styled("|", base.patch(marker))
            } else {
                Span::styled(empty_glyph, base)
            }
        })
        .collect()
}

/// Lays out `label` and `value` on one line of exactly `w` columns, value right-aligned.
pub fn label_value(label: &str, value: &str, w: usize) -> (String, String) {
    let vw = width(value).min(w);
    let lw = w.saturating_sub(vw + 1);
    (pad(label, lw + 1), crate::text::truncate(value, vw))
}

/// A change as short text and style: `+12`, `-3`, `持平`, `新增`, `不详` (withheld: unknown).
pub fn change_span(
    c: Option<crate::model::history::Change>,
    lang: Lang,
    theme: &Theme,
) -> Span<'static> {
    use crate::model::history::Change;
    let Some(c) = c else { return Span::raw("") };
    let style = match c {
        Change::Up(_) => theme.up,
        Change::Down(_) => theme.down,
        Change::Same => theme.dim,
        Change::New => theme.new,
        Change::Unknown => theme.withheld,
    };
    Span::styled(crate::model::wording::change_text(c, lang), style)
}

/// The style of a line's counts: red when it has red items, else amber when it has amber, else dim.
pub fn counts_style(line: &crate::model::board::LineBoard, theme: &Theme) -> ratatui::style::Style {
    if line.red() > 0 {
        theme.light(Light::Overdue)
    } else if line.amber() > 0 {
        theme.light(Light::Behind)
    } else {
        theme.dim
    }
}

/// A line's red and amber counts for a card title (` 红1 黄0 `).
pub fn line_counts(
    line: &crate::model::board::LineBoard,
    lang: Lang,
    theme: &Theme,
) -> Span<'static> {
    let text = format!(
        " {}{} {}{} ",
        lang.pick("红", "R"),
        line.red(),
        lang.pick("黄", "A"),
        line.amber()
    );
    Span::styled(text, counts_style(line, theme))
}
