//! Item detail's figures: every construct of a figure in the report's words, parts beneath their
//! whole, and a project's money with planned and spent apart.

use super::Detail;
use crate::model::numbers::{fmt_figure, fmt_value};
use crate::model::{Project, Value};

/// A project's money, planned and completed kept apart, and a bundle's count.
pub(super) fn project_money(d: &mut Detail<'_>, p: &Project) {
    let (lang, text) = (d.lang, d.t.text);
    if let Some(n) = p.count {
        let n = format!("{}{}", fmt_value(n, None, lang.en()), lang.pick("个", ""));
        d.field(lang.pick("项目个数", "Projects"), n, text);
    }
    for (name, f) in [
        (("总投资", "Investment"), &p.investment),
        (("年度计划投资", "Planned this year"), &p.annual_plan),
        (("年度完成投资", "Done this year"), &p.annual_done),
        (("累计完成投资", "Done since start"), &p.cumulative),
        (
            ("年度投资完成率", "Share of the year's plan"),
            &p.annual_rate,
        ),
    ] {
        if let Some(f) = f {
            d.field(lang.pick(name.0, name.1), fmt_figure(f, lang.en()), text);
        }
    }
}

/// One figure: its value with bound and growth, its target with bound and firmness, what kind of
/// rate it is, its threshold and period; its parts indented beneath.
pub(super) fn figure(d: &mut Detail<'_>, fig: &crate::model::Figure, depth: usize) {
    let lang = d.lang;
    let en = lang.en();
    let indent = "  ".repeat(depth);
    let name = match (&fig.label, &fig.threshold, depth) {
        (Some(l), _, _) => l.to_string(),
        (None, Some(t), _) => t.words.to_string(),
        (None, None, 0) => lang.pick("数值", "Value").into(),
        (None, None, _) => String::new(),
    };
    let name = if depth > 0 {
        format!("{indent}{} {name}", lang.pick("其中", "of which"))
    } else {
        name
    };
    let value_only = crate::model::Figure {
        target: None,
        firmness: fig.firmness.filter(|_| fig.target.is_none()),
        parts: Vec::new(),
        ..fig.clone()
    };
    let mut v = match fig.value {
        Some(_) => fmt_figure(&value_only, en),
        None if fig.target.is_none() && fig.growth.is_some() => String::new(),
        None => lang.pick("未报", "not reported").into(),
    };
    if let Some(g) = &fig.growth {
        v.push_str(&format!("  {}", crate::model::numbers::fmt_growth(g, en)));
    }
    if fig.target.is_some() {
        let target_only = crate::model::Figure {
            value: None,
            parts: Vec::new(),
            ..fig.clone()
        };
        let tg = fmt_figure(&target_only, en);
        v.push_str(&format!("  {} {tg}", lang.pick("目标/计划", "target")));
    }
    if let Some(r) = fig.rate {
        let word = match r {
            crate::model::RateKind::Progress => lang.pick("（进度）", " (progress)"),
            crate::model::RateKind::Share => lang.pick("（占比）", " (share)"),
            crate::model::RateKind::Change => lang.pick("（变化）", " (change)"),
        };
        v.push_str(word);
    }
    if let Some(p) = &fig.period {
        v.push_str(&format!("  〔{}〕", p.words));
    }
    let withheld = fig.value == Some(Value::Withheld);
    if withheld {
        v.push_str(lang.pick("  (原文隐去)", "  (withheld in the report)"));
    }
    let style = if withheld { d.t.withheld } else { d.t.text };
    d.field(&name, v.trim_start().to_string(), style);
    for part in &fig.parts {
        figure(d, part, depth + 1);
    }
}

/// A key-task table row: its goal, the period's plan and the period's result, as the table words them.
pub(super) fn task(d: &mut Detail<'_>, task: &crate::model::Task) {
    let lang = d.lang;
    d.section(lang.pick("重点工作任务", "Key task"));
    let text = d.t.text;
    for (name, cell) in [
        (lang.pick("攻坚目标", "Goal"), &task.goal),
        (lang.pick("工作安排", "Plan"), &task.plan),
        (lang.pick("完成情况", "Result"), &task.result),
    ] {
        if let Some(c) = cell {
            d.text(&format!("{name}：{c}"), text);
        }
    }
}
