//! The withheld (`**`) figures, line by line.

use crate::app::State;
use crate::commands::summary::text::*;
use crate::model::board::{ItemBoard, LineBoard};
use crate::model::numbers::fmt_figure;
use crate::model::{ItemKind, Lang, Value};
use std::fmt::Write;

/// Every withheld (`**`) value of an item, named.
fn withheld_of(it: &ItemBoard, lang: Lang) -> Vec<String> {
    let x = &it.item;
    let en = lang.en();
    let mut out = Vec::new();
    let name = |label: Option<&str>| match label {
        Some(l) => format!("{}·{l}", x.label),
        None => x.label.to_string(),
    };
    if let Some(inv) = x.project().and_then(|p| p.investment.as_ref()) {
        if inv.value == Some(Value::Withheld) {
            out.push(format!(
                "{} {}",
                name(Some(lang.pick("总投资", "investment"))),
                fmt_figure(inv, en)
            ));
        }
    }
    for f in &x.figures {
        if f.value == Some(Value::Withheld) {
            out.push(format!(
                "{} {}",
                name(f.label.as_deref()),
                fmt_figure(&with_value(f, Value::Withheld, f.approx), en)
            ));
        }
        if f.target == Some(Value::Withheld) {
            let what = match &f.label {
                Some(l) => format!("{l} {}", lang.pick("目标", "target")),
                None => lang.pick("目标", "target").to_string(),
            };
            out.push(format!("{} **{}", name(Some(&what)), f.unit));
        }
    }
    if let ItemKind::Ledger(l) = &x.kind {
        for (v, what) in [
            (Some(l.found), lang.pick("发现", "found")),
            (l.rectified, lang.pick("整改", "fixed")),
            (l.open, lang.pick("未改", "open")),
        ] {
            if v == Some(Value::Withheld) {
                out.push(format!("{} **{}", name(Some(what)), l.unit));
            }
        }
    }
    out
}

/// The withheld (`**`) figures, line by line.
pub(in crate::commands::summary) fn withheld(out: &mut String, state: &State) {
    let lang = state.lang;
    let per_line: Vec<(&LineBoard, Vec<String>)> = state
        .board
        .lines
        .iter()
        .map(|line| {
            let list = line
                .items
                .iter()
                .flat_map(|it| withheld_of(it, lang))
                .collect();
            (line, list)
        })
        .filter(|(_, l): &(&LineBoard, Vec<String>)| !l.is_empty())
        .collect();
    let total: usize = per_line.iter().map(|(_, l)| l.len()).sum();
    if total == 0 {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "本期没有以“\\*\\*”隐去的数据。",
                "No figure is withheld (\\*\\*) this time."
            )
        );
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        if lang.en() {
            format!(
                "{total} figure(s) are withheld in the public report (written \\*\\*). Their values are unknown: they are not counted in any total and are never compared as 0."
            )
        } else {
            format!(
                "原文以“\\*\\*”隐去的数据共 {total} 项，数值不详，未计入任何合计，与上期比较时记为“不详”而非 0。"
            )
        }
    );
    for (line, list) in per_line {
        let items: Vec<String> = list.iter().map(|s| escape(s)).collect();
        let _ = writeln!(
            out,
            "- {}{}{}{}",
            escape(&line.short),
            if lang.en() {
                format!(" ({})", list.len())
            } else {
                format!("（{} 项）", list.len())
            },
            lang.pick("：", ": "),
            items.join(lang.pick("；", "; "))
        );
    }
}
