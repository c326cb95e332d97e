//! Shared pieces of the screens: lights, progress bars, figure and deadline texts.

use super::theme::Theme;
use crate::cli::Lang;
use crate::model::board::ItemBoard;
use crate::model::numbers::{fmt_figure, fmt_num, fmt_value};
use crate::model::{Judgement, Light, Value};
use crate::text::{pad, width};
use ratatui::text::Span;

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
    let fill = theme.bar_fill(if light == Light::None {
        Light::OnTrack
    } else {
        light
    });
    (0..width)
        .map(|i| {
            let base = if i < filled { fill } else { theme.bar_empty };
            let empty_glyph = if theme.mono && i >= filled { "." } else { " " };
            if Some(i) == mark {
                Span::styled("|", base.patch(theme.marker))
            } else {
                Span::styled(empty_glyph, base)
            }
        })
        .collect()
}

/// `25%`, from a ratio (unclamped ratios show as they are, e.g. 120%).
pub fn percent(r: f64) -> String {
    if r.is_finite() {
        format!("{}%", fmt_num((r * 100.0).round()))
    } else {
        "-".into()
    }
}

/// The main figure of an item as one short text: value and unit, a ledger's totals, or `-`.
pub fn main_value(it: &ItemBoard, lang: Lang) -> String {
    let x = &it.item;
    if let Some(l) = &x.ledger {
        let open = l.open_count();
        let open = open.map_or("**".into(), |v| fmt_value(v, None, false));
        return format!(
            "{}{} {}{} {}{}",
            lang.pick("发现", "found "),
            fmt_value(l.found, None, false),
            lang.pick("整改", "fixed "),
            fmt_value(l.rectified, None, false),
            lang.pick("未改", "open "),
            open
        );
    }
    if let Some(inv) = x.project.as_ref().and_then(|p| p.investment.as_ref()) {
        return fmt_figure(inv, lang.en());
    }
    match x.figures.first() {
        Some(f) => {
            let main = fmt_figure(f, lang.en());
            match (f.value, f.target) {
                (Some(_), Some(t)) => format!("{main}/{}", fmt_value(t, None, false)),
                (None, Some(_)) => format!("{}{main}", lang.pick("目标", "target ")),
                _ => main,
            }
        }
        None => "-".into(),
    }
}

/// True when the main value is (or contains) a withheld figure.
pub fn is_withheld(it: &ItemBoard) -> bool {
    it.item
        .figures
        .first()
        .is_some_and(|f| f.value == Some(Value::Withheld))
}

/// The deadline and days left at the as-of date: `12-31 剩184天`, `07-31 逾期3天`, or empty.
pub fn due_text(j: &Judgement, lang: Lang) -> String {
    let (Some(d), Some(left)) = (j.next_due, j.days_left) else {
        return String::new();
    };
    let date = d.format("%m-%d");
    if left < 0 {
        format!(
            "{date} {}{}{}",
            lang.pick("逾期", "late "),
            -left,
            lang.pick("天", "d")
        )
    } else {
        format!(
            "{date} {}{left}{}",
            lang.pick("剩", ""),
            lang.pick("天", "d left")
        )
    }
}

/// The owner of an item: 责任领导 and 责任单位 joined (the line's when the item names none), or empty.
pub fn owner_text(it: &ItemBoard, line: &crate::model::board::LineBoard) -> String {
    let leader = it.item.leader.as_deref().or(line.leader.as_deref());
    let office = it.item.office.as_deref().or(line.office.as_deref());
    let parts: Vec<&str> = [leader, office].into_iter().flatten().collect();
    parts.join(" ")
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
    match c {
        None => Span::raw(""),
        Some(Change::Up(d)) => Span::styled(format!("+{}", fmt_num(d)), theme.up),
        Some(Change::Down(d)) => Span::styled(format!("-{}", fmt_num(d)), theme.down),
        Some(Change::Same) => Span::styled(lang.pick("持平", "same").to_string(), theme.dim),
        Some(Change::New) => Span::styled(lang.pick("新增", "new").to_string(), theme.new),
        Some(Change::Unknown) => Span::styled(lang.pick("不详", "n/a").to_string(), theme.withheld),
    }
}
