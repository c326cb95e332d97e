//! Checks of the real-report constructs (growth, rates, parts, bounds, ranges, thresholds, periods,
//! bundles and project money, ledgers that state only what was found) and of units, which are written
//! as the report writes them: any unit is accepted, only what looks like a slip is flagged.
//!
//! Messages are worded in English here and said in Chinese (the default) by `say` through the
//! patterns of `check_words`, like the loader's: keep the two in step.

use super::format::{Figure, Firmness, Period, Project, RateKind, Threshold, Value};
use super::line_file::LineFile;
use super::numbers::{fmt_num, wan_factor};
use super::sanitize::FieldPath;

pub use super::across::{indicator_warnings, unit_change_warnings, unit_changes};

/// Receives a warning: the field it is about and its message.
pub type Warn<'w> = dyn FnMut(FieldPath<'_>, String) + 'w;

/// True when a unit looks like a typing slip: a digit or a Latin letter inside a unit written in
/// Chinese characters (`亩2`, `万元w`). Any other unit is accepted as written (万美元, 幢, 艘, km, %).
pub fn unit_slip(unit: &str) -> bool {
    let cjk = unit.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    cjk && unit.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Warns on a unit that looks like a slip.
pub fn check_unit(unit: &str, field: FieldPath<'_>, warn: &mut Warn<'_>) {
    if unit_slip(unit) {
        warn(
            field,
            format!(
                "the unit “{unit}” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it"
            ),
        );
    }
}

/// Decimals a number is written with (at most 6): 5.08 → 2, 16.84 → 2, 137 → 0.
fn decimals_of(n: f64, written: Option<u8>) -> u32 {
    if let Some(d) = written {
        return d.into();
    }
    (0..6)
        .find(|&d| {
            let scaled = n * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6) as u32
}

/// Half a unit of the last written decimal: how far a rounded figure may be from the true one.
fn rounding(n: f64, written: Option<u8>) -> f64 {
    0.5 * 10f64.powi(-(decimals_of(n, written) as i32))
}

/// A figure's value in a unit the whole shares with its parts: money in 万元, else the value as
/// written when the units are the same. None when the two cannot be compared.
fn comparable(part: &Figure, whole: &Figure) -> Option<(f64, f64, f64)> {
    let (pv, wv) = (part.value?.num()?, whole.value?.num()?);
    let (pr, wr) = (rounding(pv, part.decimals), rounding(wv, whole.decimals));
    if part.unit == whole.unit {
        return Some((pv, pr, wv + wr));
    }
    let (pf, wf) = (wan_factor(&part.unit)?, wan_factor(&whole.unit)?);
    Some((pv * pf, pr * pf, (wv + wr) * wf))
}

/// Checks one figure and, recursively, its parts.
pub fn check_figure_extras(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if f.unit.trim().is_empty() && (f.value.is_some() || f.target.is_some()) {
        warn(
            at.key("unit"),
            "the unit is empty: only a growth reported without its base figure (such as “investment up 20.1%”) may go without a unit".into(),
        );
    }
    check_bounds(f, at, warn);
    check_ranges(f, at, warn);
    check_growth_and_firmness(f, at, warn);
    check_rate(f, at, warn);
    if f.per.as_deref().is_some_and(|p| p.trim().is_empty()) {
        warn(
            at.key("per"),
            "per is empty: write the report's own words (per head, each village, a month)".into(),
        );
    }
    if let Some(t) = &f.threshold {
        check_threshold(t, at, warn);
    }
    if let Some(p) = &f.period {
        check_period(p, at.key("period"), warn);
    }
    check_parts(f, at, warn);
    for (k, part) in f.parts.iter().enumerate() {
        let pat = at.index("parts", k);
        check_unit(&part.unit, pat.key("unit"), warn);
        check_figure_extras(part, &pat, warn);
    }
}

/// A bound (at least, over …) on a withheld figure, or with no figure to bound.
fn check_bounds(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    for (bound, v, name) in [
        (f.bound, f.value, "bound"),
        (f.target_bound, f.target, "target_bound"),
    ] {
        if let Some(b) = bound {
            if v == Some(Value::Withheld) {
                warn(
                    at.key(name),
                    format!("the bound “{}” is put on a withheld “**”: bounds go only with figures the report states", b.zh()),
                );
            } else if v.is_none() {
                let of = if name == "bound" { "value" } else { "target" };
                warn(
                    at.key(name),
                    format!("there is a bound “{}” but no {of}", b.zh()),
                );
            }
        }
    }
}

/// A range (3 to 5) that also has a bound, or whose ends are missing or the wrong way round.
fn check_ranges(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    for (low, high, bound, name) in [
        (f.value, f.value_max, f.bound, "value_max"),
        (f.target, f.target_max, f.target_bound, "target_max"),
    ] {
        let Some(high) = high else { continue };
        if bound.is_some() {
            warn(
                at.key(name),
                "a range (3 to 5) takes no bound: remove either bound or the range's upper end"
                    .into(),
            );
        }
        match (low.and_then(Value::num), high.num()) {
            (Some(l), Some(h)) if h < l => warn(
                at.key(name),
                format!(
                    "the range's upper end {} is below its lower end {}",
                    fmt_num(h),
                    fmt_num(l)
                ),
            ),
            (None, _) if low != Some(Value::Withheld) => warn(
                at.key(name),
                "the range has an upper end but no lower end".into(),
            ),
            _ => {}
        }
    }
}

/// A growth with nothing in it or in points on a figure not in %, and a firmness (确保, 力争 …)
/// that speaks of a target the figure does not have.
fn check_growth_and_firmness(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(g) = &f.growth {
        if g.value.is_none() && g.target.is_none() {
            warn(
                at.key("growth"),
                "the growth has neither a value nor a target".into(),
            );
        }
        if g.unit == super::format::GrowthUnit::Points && !f.unit.is_empty() && f.unit != "%" {
            warn(
                at.key("growth").key("unit"),
                format!("“百分点” is a change of a rate, and this figure's unit is “{}”: it should be %", f.unit),
            );
        }
    }
    if let Some(firm) = f
        .firmness
        .filter(|_| f.target.is_none() && f.growth.is_none())
    {
        if matches!(firm, Firmness::Ensure | Firmness::Strive | Firmness::Seek) {
            warn(
                at.key("firmness"),
                format!(
                    "“{}” speaks of a target, and this figure has no target: a figure already reached takes “预计” or nothing",
                    firm.zh()
                ),
            );
        }
    }
}

/// A rate on a figure not in %, and a share over 100%.
fn check_rate(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(kind) = f.rate {
        if f.unit != "%" {
            warn(
                at.key("rate"),
                format!(
                    "rate is only for figures in %, and the unit here is “{}”",
                    f.unit
                ),
            );
        } else if kind == RateKind::Share {
            if let Some(v) = f.value.and_then(Value::num).filter(|v| *v > 100.0) {
                warn(
                    at.key("value"),
                    format!(
                        "a share of {}% is over 100%: is it a completion rate (rate: progress)?",
                        fmt_num(v)
                    ),
                );
            }
        }
    }
}

/// A size class (500万元以上) without the report's words, or whose ends are the wrong way round.
fn check_threshold(t: &Threshold, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    let tat = at.key("threshold");
    if t.words.trim().is_empty() {
        warn(
            tat.key("words"),
            "the threshold has none of the report's words (such as “over 100 million yuan”)".into(),
        );
    }
    if let (Some(lo), Some(hi)) = (t.min.and_then(Value::num), t.max.and_then(Value::num)) {
        if lo > hi {
            warn(
                tat.key("max"),
                format!(
                    "the threshold's upper end {} is below its lower end {}",
                    fmt_num(hi),
                    fmt_num(lo)
                ),
            );
        }
    }
}

/// A part larger than its whole, and parts that should add up to the whole but do not (beyond the
/// report's rounding: 4.86 + 0.54 = 5.40 against 5.39 passes).
fn check_parts(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    let mut sum = Some((0.0, 0.0));
    for (k, part) in f.parts.iter().enumerate() {
        match comparable(part, f) {
            Some((p, _, whole_max)) if p > whole_max + 1e-9 => warn(
                at.index("parts", k).key("value"),
                format!(
                    "the part {}{} is larger than the whole {}",
                    fmt_num(part.value.and_then(Value::num).unwrap_or(0.0)),
                    part.unit,
                    crate_fmt(f)
                ),
            ),
            _ => {}
        }
        sum = match (sum, comparable(part, f)) {
            (Some((s, r)), Some((p, pr, _))) => Some((s + p, r + pr)),
            _ => None,
        };
    }
    if !f.parts_cover {
        return;
    }
    let whole = f.value.and_then(Value::num);
    if let (Some((s, r)), Some(w)) = (sum, whole) {
        let factor = if f.parts.iter().all(|p| p.unit == f.unit) {
            1.0
        } else {
            wan_factor(&f.unit).unwrap_or(1.0)
        };
        let w = w * factor;
        let allowance = r + rounding(w / factor, f.decimals) * factor + 1e-9;
        if (s - w).abs() > allowance {
            warn(
                at.key("parts"),
                format!(
                    "the parts add up to {}, not to the whole {} (parts_cover says the parts together are the whole)",
                    fmt_num(s / factor),
                    crate_fmt(f)
                ),
            );
        }
    }
}

fn crate_fmt(f: &Figure) -> String {
    super::numbers::fmt_figure(f, false)
}

/// A period that ends before it starts.
pub fn check_period(p: &Period, field: FieldPath<'_>, warn: &mut Warn<'_>) {
    if p.end < p.start {
        warn(
            field.key("end"),
            format!(
                "the period ends on {}, before it starts on {}",
                p.end, p.start
            ),
        );
    }
    if p.words.trim().is_empty() {
        warn(
            field.key("words"),
            "the period has none of the report's words (such as “this year”, “the second half”)"
                .into(),
        );
    }
}

/// A bundle's count and a project's money.
pub fn check_project_extras(p: &Project, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(n) = p.count.and_then(Value::num) {
        if n < 1.0 || n.fract() != 0.0 {
            warn(
                at.key("count"),
                format!(
                    "the number of projects should be a whole number from 1 up, not {}",
                    fmt_num(n)
                ),
            );
        }
    }
    for (name, f) in [
        ("annual_plan", &p.annual_plan),
        ("annual_done", &p.annual_done),
        ("cumulative", &p.cumulative),
    ] {
        if let Some(f) = f {
            let fat = at.key(name);
            check_unit(&f.unit, fat.key("unit"), warn);
            if wan_factor(&f.unit).is_none() {
                warn(
                    fat.key("unit"),
                    format!("an investment is in “万元” or “亿元”, not in “{}”", f.unit),
                );
            }
        }
    }
    if let Some(r) = &p.annual_rate {
        if r.unit != "%" {
            warn(
                at.key("annual_rate").key("unit"),
                format!(
                    "the year's investment completion rate is in %, not in “{}”",
                    r.unit
                ),
            );
        }
    }
    let money = |f: &Option<Figure>| {
        f.as_ref()
            .and_then(|f| super::numbers::to_wan(f.value?, &f.unit))
    };
    if let (Some(done), Some(total)) = (money(&p.cumulative), money(&p.investment)) {
        if done > total * 1.0001 {
            warn(
                at.key("cumulative"),
                format!(
                    "the investment done so far, {}, is more than the total investment {}",
                    super::numbers::fmt_money(done),
                    super::numbers::fmt_money(total)
                ),
            );
        }
    }
}

/// A line file's own period, and the periods of its groups.
pub fn check_line_periods(file: &LineFile, warn: &mut Warn<'_>) {
    let root = FieldPath::Root("");
    if let Some(p) = &file.period {
        check_period(p, root.key("period"), warn);
    }
    for (g, group) in file.groups.iter().enumerate() {
        if let Some(p) = &group.period {
            check_period(p, root.index("groups", g).key("period"), warn);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_digits_or_letters_in_a_chinese_unit() {
        for ok in ["亩", "万美元", "幢", "艘", "万人次", "%", "km", "m²", ""] {
            assert!(!unit_slip(ok), "{ok}");
        }
        for slip in ["亩2", "万元w", "2个"] {
            assert!(unit_slip(slip), "{slip}");
        }
    }

    #[test]
    fn decimals_and_rounding() {
        assert_eq!(decimals_of(5.08, None), 2);
        assert_eq!(decimals_of(137.0, None), 0);
        assert_eq!(decimals_of(25.0, Some(1)), 1);
        assert!((rounding(5.39, None) - 0.005).abs() < 1e-12);
    }
}
