//! Words for the real-report constructs: a bundle's or project's money (planned and spent apart),
//! parts under their whole, a figure with its growth and threshold, and the header's project totals.

use super::format::{Figure, Project, Value};
use super::item::Item;
use super::numbers::{fmt_figure, fmt_num, fmt_value};
use super::Lang;

/// True when a project states more than its 总投资: a bundle's count or yearly money.
pub fn is_money(p: &Project) -> bool {
    p.count.and_then(Value::num).is_some_and(|n| n > 1.0)
        || p.annual_plan.is_some()
        || p.annual_done.is_some()
        || p.cumulative.is_some()
        || p.annual_rate.is_some()
}

/// A bundle's or project's money in one short text, planned and completed kept apart:
/// `19个项目 总投资6000万元`, `19个项目 完成3000/6000万元`, `13个项目 完成35.42亿元`.
pub fn money_text(p: &Project, lang: Lang) -> String {
    let en = lang.en();
    let mut parts = Vec::new();
    if let Some(n) = p.count.filter(|n| n.num().is_none_or(|n| n > 1.0)) {
        parts.push(format!(
            "{}{}",
            fmt_value(n, None, en),
            lang.pick("个项目", " projects")
        ));
    }
    let done = p.annual_done.as_ref().or(p.cumulative.as_ref());
    match (done, &p.annual_plan) {
        (Some(d), Some(plan)) if d.unit == plan.unit => parts.push(format!(
            "{}{}/{}",
            lang.pick("完成", "done "),
            fmt_value(d.value.unwrap_or(Value::Withheld), d.approx, en),
            fmt_figure(plan, en)
        )),
        (Some(d), _) => parts.push(format!(
            "{}{}",
            lang.pick("完成", "done "),
            fmt_figure(d, en)
        )),
        (None, Some(plan)) => parts.push(format!(
            "{}{}",
            lang.pick("年度计划", "plan "),
            fmt_figure(plan, en)
        )),
        (None, None) => {
            if let Some(inv) = &p.investment {
                parts.push(format!(
                    "{}{}",
                    lang.pick("总投资", "investment "),
                    fmt_figure(inv, en)
                ));
            }
        }
    }
    if done.is_some() && p.annual_plan.is_none() {
        if let Some(r) = &p.annual_rate {
            parts.push(format!(
                "{}{}",
                lang.pick("占年计划", "of plan "),
                fmt_figure(r, en)
            ));
        }
    }
    parts.join(" ")
}

/// The parts (其中) of an item's figures, one line each, in report order: `其中 一般公共预算收入
/// 5.08亿元 ▲3%`. Nested parts are indented two more columns. Parts are shown, never added.
pub fn parts_lines(item: &Item, lang: Lang) -> Vec<String> {
    fn walk(f: &Figure, depth: usize, lang: Lang, out: &mut Vec<String>) {
        for p in &f.parts {
            let text = with_growth(p, fmt_figure(p, lang.en()), lang);
            let label = p
                .label
                .as_deref()
                .or(p.threshold.as_ref().map(|t| t.words.as_str()))
                .unwrap_or_default();
            let word = lang.pick("其中", "of which");
            let pad = "  ".repeat(depth);
            let body: Vec<&str> = [word, label, text.as_str()]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect();
            out.push(format!("{pad}{}", body.join(" ")));
            walk(p, depth + 1, lang, out);
        }
    }
    let mut out = Vec::new();
    for f in &item.figures {
        walk(f, 0, lang, &mut out);
    }
    out
}

/// A figure's text with its growth beside it: `0.38亿元 ▲16.7%`.
pub fn with_growth(f: &Figure, text: String, lang: Lang) -> String {
    // What is counted, when the figure counts only above a threshold: 亿元以上 4个.
    let text = match &f.threshold {
        Some(t)
            if !lang.en()
                && !f
                    .label
                    .as_deref()
                    .is_some_and(|l| l.contains(t.words.as_str())) =>
        {
            format!("{} {text}", t.words)
        }
        _ => text,
    };
    match &f.growth {
        Some(g) if f.value.is_some() || f.target.is_some() => {
            format!("{text} {}", super::numbers::fmt_growth(g, lang.en()))
        }
        _ => text,
    }
}

/// Projects counted by their bundles (19个项目 counts 19), and their money with planned and completed
/// kept apart: `项目33个 总投资1.2亿元 年度计划6000万元 完成3000万元(50%)`. Withheld amounts are
/// skipped and said so.
pub fn project_totals(projects: &[&Project], lang: Lang) -> String {
    use super::numbers::{fmt_money, sum_money, to_wan};
    let count: f64 = projects
        .iter()
        .map(|p| p.count.and_then(Value::num).unwrap_or(1.0))
        .sum();
    let mut s = format!(
        "{}{}{}",
        lang.pick("项目", "projects "),
        fmt_num(count),
        lang.pick("个", "")
    );
    let mut skipped = 0;
    let mut money = |word: (&str, &str), pick: &dyn Fn(&Project) -> Option<&Figure>| {
        let (total, skip) = sum_money(projects.iter().filter_map(|p| pick(p)));
        skipped += skip;
        if total > 0.0 {
            s.push_str(&format!(
                " {}{}",
                lang.pick(word.0, word.1),
                fmt_money(total)
            ));
        }
        total
    };
    money(("总投资", "investment "), &|p| p.investment.as_ref());
    money(("年度计划", "planned this year "), &|p| {
        p.annual_plan.as_ref()
    });
    money(("年度完成", "done this year "), &|p| {
        p.annual_done.as_ref()
    });
    // The completion rate only over projects that state both, so a plan without a result (or a
    // result without a plan) does not skew it.
    let both = projects.iter().filter_map(|p| {
        let plan = p.annual_plan.as_ref()?;
        let done = p.annual_done.as_ref()?;
        Some((
            to_wan(done.value?, &done.unit)?,
            to_wan(plan.value?, &plan.unit)?,
        ))
    });
    let (done, plan) = both.fold((0.0, 0.0), |(d, p), (a, b)| (d + a, p + b));
    if plan > 0.0 {
        s.push_str(&format!("({}%)", fmt_num((done / plan * 100.0).round())));
    }
    if skipped > 0 {
        s.push_str(&format!(
            "{}{skipped}{}",
            lang.pick("(另", " (+"),
            lang.pick("项未公开)", " withheld)")
        ));
    }
    s
}
