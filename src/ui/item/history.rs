//! Item detail's history: a trend of the main figure and its last values with their changes.

use super::Detail;
use crate::model::board::ItemBoard;
use crate::model::history::QuantityKey;
use crate::model::numbers::fmt_value;
use crate::model::{LineHistory, Value};
use crate::text::pad;
use ratatui::text::{Line, Span};

/// 历史: a trend of the main figure, and its last twelve values with their changes, up to the
/// snapshot on screen (`at`: stepped back with `[`, the later weeks are not this screen's).
pub(super) fn history(
    d: &mut Detail<'_>,
    it: &ItemBoard,
    hist: &LineHistory,
    at: Option<chrono::NaiveDate>,
) {
    let (x, lang, kw, w) = (&it.item, d.lang, d.kw, d.w);
    // The quantity the line shows and counts as changed (a project's investment, a ledger's
    // rectified total), so the history and the line's 较上期 speak of the same number.
    let key = crate::model::wording::main_key(it);
    let (key, mut series) = crate::model::history::item_series(hist, &x.id, key.as_ref());
    if let Some(at) = at {
        series.retain(|(day, _)| *day <= at);
    }
    let what = match key {
        Some(QuantityKey::Target(_)) => lang.pick("目标", "target "),
        Some(QuantityKey::Rectified) => lang.pick("已整改", "rectified "),
        _ => "",
    };
    if series.len() <= 1 {
        return;
    }
    d.section(lang.pick("历史", "History"));
    let t = d.t;
    let unit = series.iter().rev().find_map(|(_, q)| q.map(|q| q.1));
    let approx = x.figures.first().and_then(|f| f.approx);
    let from = series
        .len()
        .saturating_sub(w.saturating_sub(kw + 30).max(8));
    d.out.push(Line::from(vec![
        Span::styled(format!("  {}", pad(lang.pick("走势", "Trend"), kw)), t.dim),
        Span::styled(sparkline(&in_unit(&series[from..], unit)), t.title),
        Span::styled(
            lang.pick("  (空格=隐去或缺失)", "  (blank = withheld or absent)"),
            t.dim,
        ),
    ]));
    let mut prev: Option<(Value, &str)> = None;
    let shown = series.len().min(12);
    for (day, q) in &series[series.len() - shown..] {
        // Each week in the unit it was reported in; the change converts what can be converted.
        let txt = match q {
            Some((val, u)) => format!("{}{}{u}", what, fmt_value(*val, approx, lang.en())),
            None => lang.pick("(无此项)", "(absent)").to_string(),
        };
        let ch = match (prev, q) {
            (Some(p), Some(c)) => {
                let change = crate::model::history::compare_units(Some(p), *c);
                crate::ui::widgets::change_span(Some(change), lang, &t)
            }
            _ => Span::raw(""),
        };
        let v = q.map(|q| q.0);
        let style = if v == Some(Value::Withheld) {
            t.withheld
        } else {
            t.text
        };
        d.out.push(Line::from(vec![
            Span::styled(format!("  {}", pad(&day.to_string(), kw)), t.dim),
            Span::styled(format!("{} ", pad(&txt, 14)), style),
            ch,
        ]));
        prev = *q;
    }
}

/// The series in the newest unit, for the trend: a week in a unit that cannot be converted is a gap.
fn in_unit(
    series: &[(chrono::NaiveDate, Option<(Value, &str)>)],
    unit: Option<&str>,
) -> Vec<(chrono::NaiveDate, Option<Value>)> {
    let conv = |(v, u): (Value, &str)| match v {
        Value::Num(n) => unit
            .and_then(|to| crate::model::history::unit_ratio(u, to))
            .map(|r| Value::Num(n * r)),
        Value::Withheld => Some(Value::Withheld),
    };
    series.iter().map(|(d, q)| (*d, q.and_then(conv))).collect()
}

/// A one-line trend of the known values; withheld or absent weeks are gaps.
pub fn sparkline(series: &[(chrono::NaiveDate, Option<Value>)]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let nums: Vec<Option<f64>> = series
        .iter()
        .map(|(_, v)| v.and_then(|v| v.num()))
        .collect();
    let known: Vec<f64> = nums.iter().flatten().copied().collect();
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    nums.iter()
        .map(|v| match v {
            None => ' ',
            Some(v) if hi > lo => {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
            Some(_) => BARS[3],
        })
        .collect()
}
