//! Checks of the real-report constructs (growth, rates, parts, bounds, ranges, thresholds, periods,
//! bundles and project money, ledgers that state only what was found) and of units, which are written
//! as the report writes them: any unit is accepted, only what looks like a slip is flagged.
//!
//! Messages are Chinese: they are read by the office staff who fix the data.

use super::format::{Figure, Firmness, Period, Project, RateKind, Value};
use super::line_file::LineFile;
use super::numbers::{fmt_num, wan_factor};
use super::sanitize::FieldPath;

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
                "单位“{unit}”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）"
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
            "单位为空：只有未报基数的增长（如“固定资产投资同比增长20.1%”）可以不写单位".into(),
        );
    }
    for (bound, v, name) in [
        (f.bound, f.value, "bound"),
        (f.target_bound, f.target, "target_bound"),
    ] {
        if let Some(b) = bound {
            if v == Some(Value::Withheld) {
                warn(
                    at.key(name),
                    format!("“{}”加在未公开的“**”上：界限词只能用于报告写明的数", b.zh()),
                );
            } else if v.is_none() {
                let of = if name == "bound" { "value" } else { "target" };
                warn(at.key(name), format!("有界限词“{}”却没有 {of}", b.zh()));
            }
        }
    }
    for (low, high, bound, name) in [
        (f.value, f.value_max, f.bound, "value_max"),
        (f.target, f.target_max, f.target_bound, "target_max"),
    ] {
        let Some(high) = high else { continue };
        if bound.is_some() {
            warn(
                at.key(name),
                "范围（3—5个）不再加界限词：去掉 bound 或范围上限之一".into(),
            );
        }
        match (low.and_then(Value::num), high.num()) {
            (Some(l), Some(h)) if h < l => warn(
                at.key(name),
                format!("范围上限 {} 小于下限 {}", fmt_num(h), fmt_num(l)),
            ),
            (None, _) if low != Some(Value::Withheld) => {
                warn(at.key(name), "范围只有上限，没有下限".into())
            }
            _ => {}
        }
    }
    if let Some(g) = &f.growth {
        if g.value.is_none() && g.target.is_none() {
            warn(
                at.key("growth"),
                "增长既没有数值（value）也没有目标（target）".into(),
            );
        }
        if g.unit == super::format::GrowthUnit::Points && !f.unit.is_empty() && f.unit != "%" {
            warn(
                at.key("growth").key("unit"),
                format!("“百分点”是比率的变化，这个数的单位是“{}”：应为 %", f.unit),
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
                    "“{}”说的是目标，这个数没有 target：已完成的数用“预计”或不加",
                    firm.zh()
                ),
            );
        }
    }
    if let Some(kind) = f.rate {
        if f.unit != "%" {
            warn(
                at.key("rate"),
                format!("rate 只用于单位为 % 的数，这里的单位是“{}”", f.unit),
            );
        } else if kind == RateKind::Share {
            if let Some(v) = f.value.and_then(Value::num).filter(|v| *v > 100.0) {
                warn(
                    at.key("value"),
                    format!(
                        "占比 {}% 超过 100%：是完成率（rate: progress）吗？",
                        fmt_num(v)
                    ),
                );
            }
        }
    }
    if f.per.as_deref().is_some_and(|p| p.trim().is_empty()) {
        warn(
            at.key("per"),
            "per 为空：写报告的原话（人均、各村、每月）".into(),
        );
    }
    if let Some(t) = &f.threshold {
        let tat = at.key("threshold");
        if t.words.trim().is_empty() {
            warn(tat.key("words"), "门槛没有原话（如“亿元以上”）".into());
        }
        if let (Some(lo), Some(hi)) = (t.min.and_then(Value::num), t.max.and_then(Value::num)) {
            if lo > hi {
                warn(
                    tat.key("max"),
                    format!("门槛上限 {} 小于下限 {}", fmt_num(hi), fmt_num(lo)),
                );
            }
        }
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

/// A part larger than its whole, and parts that should add up to the whole but do not (beyond the
/// report's rounding: 4.86 + 0.54 = 5.40 against 5.39 passes).
fn check_parts(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    let mut sum = Some((0.0, 0.0));
    for (k, part) in f.parts.iter().enumerate() {
        match comparable(part, f) {
            Some((p, _, whole_max)) if p > whole_max + 1e-9 => warn(
                at.index("parts", k).key("value"),
                format!(
                    "其中的部分 {}{} 大于整体 {}",
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
                    "各部分相加为 {}，与整体 {} 不符（parts_cover 表示各部分合起来就是整体）",
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
            format!("时段结束 {} 早于开始 {}", p.end, p.start),
        );
    }
    if p.words.trim().is_empty() {
        warn(
            field.key("words"),
            "时段没有原话（如“本年度”“下半年”）".into(),
        );
    }
}

/// A bundle's count and a project's money.
pub fn check_project_extras(p: &Project, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(n) = p.count.and_then(Value::num) {
        if n < 1.0 || n.fract() != 0.0 {
            warn(
                at.key("count"),
                format!("项目个数应为正整数，这里是 {}", fmt_num(n)),
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
                    format!("投资的单位应为万元或亿元，这里是“{}”", f.unit),
                );
            }
        }
    }
    if let Some(r) = &p.annual_rate {
        if r.unit != "%" {
            warn(
                at.key("annual_rate").key("unit"),
                format!("年度投资完成率的单位应为 %，这里是“{}”", r.unit),
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
                    "累计完成投资 {} 超过总投资 {}",
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

/// Units that changed since the previous snapshot of the same line: (field, message) for each figure
/// of an item (same id, same figure position and label) whose unit differs.
pub fn unit_changes(prev: &LineFile, cur: &LineFile, prev_date: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (g, group) in cur.groups.iter().enumerate() {
        for (i, item) in group.items.iter().enumerate() {
            let Some(old) = prev.items().find(|o| o.id == item.id) else {
                continue;
            };
            for (k, f) in item.figures.iter().enumerate() {
                let Some(was) = old.figures.get(k).filter(|o| o.label == f.label) else {
                    continue;
                };
                if was.unit != f.unit
                    && !(wan_factor(&was.unit).is_some() && wan_factor(&f.unit).is_some())
                {
                    let field = format!("groups[{g}].items[{i}].figures[{k}].unit");
                    out.push((
                        field,
                        format!(
                            "单位“{}”与上期（{prev_date}）的“{}”不同：是笔误，还是口径变了？",
                            f.unit, was.unit
                        ),
                    ));
                }
            }
        }
    }
    out
}

/// Warnings for units that changed since the previous snapshot: for each (previous file, its date,
/// newer file, the newer file's path), placed in the newer file (read again from disk only when
/// there is something to place).
pub fn unit_change_warnings<'a>(
    pairs: impl IntoIterator<Item = (&'a LineFile, String, &'a LineFile, &'a str)>,
) -> Vec<super::Diagnostic> {
    let mut out = Vec::new();
    for (prev, prev_date, cur, path) in pairs {
        let found = unit_changes(prev, cur, &prev_date);
        if found.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let locator = super::diag::JsonText(&text);
        out.extend(super::diag::warnings_at(&locator, path, found));
    }
    out
}

/// Key-indicator files (`"role": "indicators"`) that cannot all be shown: a second one (only the
/// first is the strip), or one listed among the town's work lines. (line id, its newest file's path,
/// listed in town.json) for each indicators line, in board order.
pub fn indicator_warnings(found: &[(&str, &str, bool)]) -> Vec<super::Diagnostic> {
    let mut out = Vec::new();
    for (k, (id, path, listed)) in found.iter().enumerate() {
        let mut say = |message: String| {
            out.push(super::Diagnostic {
                severity: super::Severity::Warning,
                path: path.to_string(),
                place: super::Place::File,
                field: "role".into(),
                message,
            })
        };
        if k > 0 {
            say(format!(
                "第二个主要指标文件（{id}）：只显示第一个（{}），请合并为一个 indicators 文件",
                found[0].0
            ));
        }
        if *listed {
            say(format!(
                "主要指标（{id}）列在 town.json 的 lines 里：主要指标不是工作线，请从 lines 中去掉"
            ));
        }
    }
    out
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
