//! Shared pieces of the screens: lights, progress bars, figure and deadline texts.

use super::theme::Theme;
use crate::model::Lang;

use crate::model::Light;
use crate::text::{pad, width};
use ratatui::text::Span;

pub use crate::model::wording::{
    due_text, main_is_withheld as is_withheld, main_value, owner_text, percent,
};

/// The next deadline counted from today (`07-31 剩6天`); amber for `已到期 待更新`, red when late.
pub fn due_span(
    j: &crate::model::Judgement,
    as_of: chrono::NaiveDate,
    today: chrono::NaiveDate,
    lang: Lang,
    theme: &Theme,
) -> Span<'static> {
    use crate::model::wording::{countdown, Countdown};
    let style = match countdown(j, as_of, today) {
        Some((_, Countdown::AwaitingUpdate)) => theme.light(Light::Behind),
        Some((_, Countdown::Late(_))) if j.light == Light::Overdue => theme.light(Light::Overdue),
        _ => theme.text,
    };
    Span::styled(due_text(j, as_of, today, lang), style)
}

/// Draws `rows` from `scroll` in `area`; when more lie below, the last row says so
/// (`↓ 还有12行`), so nobody takes a cut screen for the whole of it.
pub fn scrolled(
    f: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    rows: Vec<ratatui::text::Line<'static>>,
    scroll: usize,
    lang: Lang,
    theme: &Theme,
    how: Option<&str>,
) {
    let h = area.height as usize;
    let first = scroll.min(rows.len().saturating_sub(h));
    let below = rows.len().saturating_sub(first + h);
    let mut shown: Vec<ratatui::text::Line> = rows.into_iter().skip(first).take(h).collect();
    if below > 0 && h > 1 {
        shown.pop();
        let more = below + 1;
        let how = how.unwrap_or(lang.pick("↓/PgDn 下翻", "↓/PgDn"));
        let cue = match lang {
            Lang::Zh => format!("  ↓ 还有{more}行（{how}）"),
            Lang::En => format!("  ↓ {more} more lines ({how})"),
        };
        shown.push(ratatui::text::Line::from(Span::styled(cue, theme.dim)));
    }
    f.render_widget(ratatui::widgets::Paragraph::new(shown), area);
}

/// The width of the widest light as [`light_span`] writes it in `lang` (`■ 严重滞后` 10,
/// `■ far behind` 12): a status column this wide never cuts a light's word.
pub fn light_width(lang: Lang) -> usize {
    [
        Light::Done,
        Light::OnTrack,
        Light::Behind,
        Light::SeverelyBehind,
        Light::Overdue,
    ]
    .iter()
    .map(|l| 2 + crate::text::width(l.word(lang.en())))
    .max()
    .unwrap_or(10)
}

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
    let Some(c) = c else { return Span::raw("") };
    change_span_of(c, crate::model::change_words::change_text(c, lang), theme)
}

/// The change beside an item's main figure, as [`crate::model::change_words::main_change_shown`] words it.
pub fn main_change_span(
    it: &crate::model::board::ItemBoard,
    lang: Lang,
    theme: &Theme,
) -> Span<'static> {
    match crate::model::change_words::main_change_shown(it, lang) {
        Some((c, words)) => change_span_of(c, words, theme),
        None => Span::raw(""),
    }
}

fn change_span_of(c: crate::model::history::Change, words: String, theme: &Theme) -> Span<'static> {
    use crate::model::history::Change;
    let style = match c {
        Change::Up(_) => theme.up,
        Change::Down(_) => theme.down,
        Change::Same => theme.dim,
        Change::New => theme.new,
        Change::Unknown => theme.withheld,
    };
    Span::styled(words, style)
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

/// What a card or panel says when the line's file failed to load: `✕ 未能加载`, the place
/// (`path:line:col`) and the reason; with `旧版` and the date when its last good version is shown.
pub fn broken_lines(
    line: &crate::model::board::LineBoard,
    lang: Lang,
    theme: &Theme,
    w: usize,
) -> Vec<ratatui::text::Line<'static>> {
    use crate::text::truncate;
    let Some(d) = &line.broken else {
        return Vec::new();
    };
    let mut head = lang.pick("✕ 未能加载", "✕ not loaded").to_string();
    if line.is_old() {
        head.push_str(&format!(
            "{}{}",
            lang.pick(" · 下面是旧版 截至 ", " · older version below, as of "),
            line.as_of.format("%Y-%m-%d")
        ));
    }
    let place = d.location();
    // The end of a long path names the file and the place: keep it when the width is short.
    let place = if width(&place) > w {
        let mut tail = Vec::new();
        let mut used = 1;
        for c in place.chars().rev() {
            used += width(c.encode_utf8(&mut [0; 4]));
            if used > w {
                break;
            }
            tail.push(c);
        }
        format!("…{}", tail.into_iter().rev().collect::<String>())
    } else {
        place
    };
    [
        (head, theme.error),
        (place, theme.error),
        (crate::model::say::message(&d.message, lang), theme.text),
    ]
    .into_iter()
    .map(|(s, st)| ratatui::text::Line::from(Span::styled(truncate(&s, w), st)))
    .collect()
}
