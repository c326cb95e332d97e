//! Markdown text of the brief: escaping, table rows, and figures, dates and lights as words.

use crate::model::board::ItemBoard;
use crate::model::history::{FigureKey, QuantityKey};
use crate::model::numbers::{fmt_figure, fmt_value};
use crate::model::wording::{main_value, percent};
use crate::model::Lang;
use crate::model::{Figure, Item, ItemKind, Light, Value};
use chrono::NaiveDate;
use std::fmt::Write;

// ---------------------------------------------------------------------------------------------------
// Markdown text

/// Escapes text for Markdown prose: `**` of a withheld figure must not turn into bold, `~` into
/// strike-through, `<` into HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table row of escaped cells (`|` inside a cell is escaped, so it never splits the cell).
pub(super) fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        let c = escape(c);
        if c.is_empty() {
            out.push_str(" |");
        } else {
            let _ = write!(out, " {c} |");
        }
    }
    out.push('\n');
}

/// A table head and its delimiter row.
pub(super) fn head(out: &mut String, lang: Lang, cols: &[(&str, &str)]) {
    let names: Vec<String> = cols.iter().map(|(z, e)| lang.pick(z, e).into()).collect();
    row(out, &names);
    out.push('|');
    for _ in cols {
        out.push_str("---|");
    }
    out.push('\n');
}

// ---------------------------------------------------------------------------------------------------
// Shared texts

/// The light as symbol and word (`✕ 逾期`), empty when there is nothing to judge.
pub(super) fn light_text(l: Light, lang: Lang) -> String {
    if l == Light::None {
        String::new()
    } else {
        format!("{} {}", l.symbol(), l.word(lang.en()))
    }
}

/// How an open deadline stands today, in the dashboard's words (`剩20天`, `逾期3天`,
/// `已到期 待更新` when it passed after the data's date `as_of`).
pub(super) fn days_text(due: NaiveDate, as_of: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    use crate::model::wording::{countdown_text, Countdown};
    countdown_text(Countdown::until(due, as_of, today), lang)
}

/// The report's own words for a due date of the item (7月中旬, 年底前), or the open ledger entry due then.
pub(super) fn due_words(x: &Item, date: NaiveDate) -> Option<&str> {
    let own = || {
        x.deadline
            .filter(|d| d.date() == date)
            .and(x.deadline_text.as_deref())
    };
    match &x.kind {
        ItemKind::Project(p) => p
            .milestones
            .iter()
            .find(|m| !m.done && m.due.date() == date)
            .and_then(|m| m.due_text.as_deref())
            .or_else(own),
        ItemKind::Ledger(l) => own().or_else(|| {
            l.entries
                .iter()
                .find(|e| e.closed.is_none() && e.deadline.is_some_and(|d| d.date() == date))
                .map(|e| e.id.as_str())
        }),
        ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => own(),
    }
}

/// The item's next deadline in full, counted from `today`: `2023-07-20（7月中旬）剩20天`, or empty.
pub(super) fn next_due_text(
    it: &ItemBoard,
    as_of: NaiveDate,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let Some(d) = it.judgement.next_due else {
        return String::new();
    };
    let days = days_text(d, as_of, today, lang);
    match due_words(&it.item, d) {
        Some(w) if !lang.en() => format!("{d}{}{days}", bracket(w, lang)),
        Some(w) => format!("{d}{} {days}", bracket(w, lang)),
        None => format!("{d} {days}"),
    }
}

/// Words in brackets: full-width in Chinese, ASCII in English.
pub(super) fn bracket(s: &str, lang: Lang) -> String {
    if lang.en() {
        format!(" ({s})")
    } else {
        format!("（{s}）")
    }
}

/// Progress as `200/800亩 (25%)`, with 序时进度 when there is a deadline.
pub(super) fn progress_text(it: &ItemBoard, lang: Lang) -> String {
    let j = &it.judgement;
    let f = j.progress_figure.and_then(|i| it.item.figures.get(i));
    let (Some(f), Some(p)) = (f, j.progress_raw) else {
        return String::new();
    };
    let (Some(v), Some(t)) = (f.value, f.target) else {
        return String::new();
    };
    let mut s = format!(
        "{}/{}{} ({})",
        fmt_value(v, f.approx, lang.en()),
        fmt_value(t, None, lang.en()),
        f.unit,
        percent(p)
    );
    if let Some(tp) = j.time_progress {
        let _ = write!(s, " · {} {}", lang.pick("序时", "time"), percent(tp));
    }
    s
}

/// The item's name on a card: its label, and the main figure's label when the item is a plain count.
pub(super) fn item_name(it: &ItemBoard) -> String {
    let x = &it.item;
    let label = x.figures.first().and_then(|f| f.label.as_deref());
    match (&x.kind, label) {
        (ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text, Some(l)) => {
            format!("{}·{l}", x.label)
        }
        (ItemKind::Project(_) | ItemKind::Ledger(_), _) | (_, None) => x.label.to_string(),
    }
}

/// One figure as `label 400多亩`, `目标1898万元`, or `200/800亩`.
pub(super) fn figure_text(f: &Figure, lang: Lang) -> String {
    let v = match (f.value, f.target) {
        (Some(v), Some(t)) => format!(
            "{}/{}{}",
            fmt_value(v, f.approx, lang.en()),
            fmt_value(t, None, lang.en()),
            f.unit
        ),
        (None, Some(_)) => format!(
            "{}{}",
            lang.pick("目标", "target "),
            fmt_figure(f, lang.en())
        ),
        _ => fmt_figure(f, lang.en()),
    };
    match &f.label {
        Some(l) => format!("{l} {v}"),
        None => v,
    }
}

/// The headline value: what the dashboard shows, then the item's other figures in brackets.
pub(super) fn value_text(it: &ItemBoard, lang: Lang) -> String {
    let x = &it.item;
    use crate::model::wording::{main_of, Main};
    let investment = x.project().and_then(|p| p.investment.as_ref());
    // The progress figure has its own column in the brief: show the investment here when there is one.
    let (main, shown) = match (main_of(x, &it.judgement), investment) {
        (Main::Progress(_, i), Some(inv)) => (fmt_figure(inv, lang.en()), Some(i)),
        (Main::Progress(_, i) | Main::First(_, i), _) => (main_value(it, lang, false), Some(i)),
        _ => (main_value(it, lang, false), None),
    };
    // Parts (其中) first, right after the whole they belong to; then the item's other figures.
    let word = lang.pick("其中", "of which");
    let parts: Vec<String> = crate::model::wording::parts_lines(x, lang)
        .into_iter()
        .map(|p| {
            p.trim_start()
                .trim_start_matches(word)
                .trim_start()
                .to_string()
        })
        .collect();
    let mut others: Vec<String> = Vec::new();
    if !parts.is_empty() {
        others.push(format!("{word} {}", parts.join(lang.pick("、", "; "))));
    }
    others.extend(
        x.figures
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != shown)
            .map(|(_, f)| figure_text(f, lang)),
    );
    if others.is_empty() {
        main
    } else {
        let sep = lang.pick("，", ", ");
        format!("{main}{}", bracket(&others.join(sep), lang).trim_start())
    }
}

// ---------------------------------------------------------------------------------------------------
// Sections

/// A quantity of `item` (by its key from `quantities`) as the dashboard writes it: `39次`, `**人次`.
pub(super) fn quantity_text(item: &Item, key: &QuantityKey, v: Value, lang: Lang) -> String {
    let en = lang.en();
    let figure = |fk: &FigureKey| {
        item.figures
            .iter()
            .enumerate()
            .find(|(i, f)| FigureKey::of(f, *i) == *fk)
            .map(|(_, f)| f)
    };
    let shown = match (key, &item.kind) {
        (QuantityKey::Found | QuantityKey::Rectified | QuantityKey::Open, ItemKind::Ledger(l)) => {
            return format!("{}{}", fmt_value(v, None, en), l.unit)
        }
        (QuantityKey::Investment, ItemKind::Project(p)) => p
            .investment
            .as_ref()
            .map(|inv| with_value(inv, v, inv.approx)),
        (QuantityKey::Value(fk), _) => figure(fk).map(|f| with_value(f, v, f.approx)),
        (QuantityKey::Target(fk), _) => figure(fk).map(|f| with_value(f, v, None)),
        _ => None,
    };
    match shown {
        Some(f) => fmt_figure(&f, en),
        None => fmt_value(v, None, en),
    }
}

pub(super) fn with_value(f: &Figure, v: Value, approx: Option<crate::model::Approx>) -> Figure {
    Figure {
        label: None,
        value: Some(v),
        unit: f.unit.clone(),
        approx,
        ..Figure::default()
    }
}

/// The name of a quantity in the changes table: the item, then what is counted.
pub(super) fn quantity_name(item: &Item, key: &QuantityKey, lang: Lang) -> String {
    let target = lang.pick("目标", "target");
    let part = match key {
        QuantityKey::Investment => Some(lang.pick("总投资", "investment").to_string()),
        QuantityKey::Found => Some(lang.pick("发现", "found").to_string()),
        QuantityKey::Rectified => Some(lang.pick("整改", "fixed").to_string()),
        QuantityKey::Open => Some(lang.pick("未改", "open").to_string()),
        QuantityKey::Value(FigureKey::Label(b)) => Some(b.clone()),
        QuantityKey::Value(FigureKey::Index(_)) => None,
        QuantityKey::Target(FigureKey::Label(b)) => Some(format!("{b} {target}")),
        QuantityKey::Target(FigureKey::Index(_)) => Some(target.to_string()),
    };
    match part {
        Some(p) => format!("{}·{p}", item.label),
        None => item.label.to_string(),
    }
}
