//! Deadlines still open (items, milestones, ledger entries), the near ones first.

use crate::app::State;
use crate::commands::summary::text::*;
use crate::commands::summary::NEAR_DAYS;
use crate::model::{ItemKind, Light};
use chrono::NaiveDate;
use std::fmt::Write;

/// A dated thing still open: an item deadline, a milestone or a ledger entry.
struct Due {
    date: NaiveDate,
    /// The data's date of the item's line: a deadline past it and past today awaits an update.
    as_of: NaiveDate,
    /// Days from today (negative: past).
    left: i64,
    line: usize,
    line_name: String,
    item: String,
    what: String,
}

/// Every deadline still open, by date.
fn open_deadlines(state: &State) -> Vec<Due> {
    let lang = state.lang;
    let mut out = Vec::new();
    for (l, line) in state.board.lines.iter().enumerate() {
        for it in &line.items {
            if it.judgement.light == Light::Done {
                continue;
            }
            let x = &it.item;
            let mut push = |date: NaiveDate, what: String| {
                out.push(Due {
                    date,
                    as_of: line.as_of,
                    left: (date - state.today).num_days(),
                    line: l,
                    line_name: line.short.clone(),
                    item: x.label.clone().into(),
                    what,
                });
            };
            if let Some(d) = x.deadline {
                let mut what = lang.pick("完成期限", "deadline").to_string();
                if let Some(w) = &x.deadline_text {
                    what.push_str(&bracket(w, lang));
                }
                push(d.date(), what);
            }
            match &x.kind {
                ItemKind::Project(p) => {
                    for m in p.milestones.iter().filter(|m| !m.done) {
                        let mut what = m.what.to_string();
                        if let Some(w) = &m.due_text {
                            what.push_str(&bracket(w, lang));
                        }
                        push(m.due.date(), what);
                    }
                }
                ItemKind::Ledger(l) => {
                    for e in &l.entries {
                        let (None, Some(d)) = (e.closed, e.deadline) else {
                            continue;
                        };
                        let mut what = format!("{} {}", e.id, e.description);
                        if let Some(level) = &e.level {
                            what.push_str(&bracket(level, lang));
                        }
                        push(d.date(), what);
                    }
                }
                ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => {}
            }
        }
    }
    out.sort_by_key(|d| (d.date, d.line));
    out
}

/// The open deadlines due within the near days, then the later ones.
pub(in crate::commands::summary) fn near_deadlines(out: &mut String, state: &State) {
    let lang = state.lang;
    let all = open_deadlines(state);
    let (near, later): (Vec<&Due>, Vec<&Due>) = all.iter().partition(|d| d.left <= NEAR_DAYS);
    if near.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "今天起 14 天内没有到期的期限，也没有已逾期的。",
                "No open deadline falls due within 14 days of today, and none is overdue."
            )
        );
        if let Some(d) = later.first() {
            let _ = writeln!(
                out,
                "\n{}{} {} {} {}{}{}{}",
                lang.pick("最近的期限：", "The next one: "),
                d.date,
                escape(&d.line_name),
                escape(&d.item),
                escape(&d.what),
                lang.pick("，", ", "),
                days_text(d.date, d.as_of, state.today, lang),
                lang.pick("。", ".")
            );
        }
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "未完成的时间节点、事项期限和台账整改期限，今天起 14 天内到期或已过期的：",
            "Open milestones, item deadlines and ledger deadlines due within 14 days of today, or past:"
        )
    );
    head(
        out,
        lang,
        &[
            ("日期", "Date"),
            ("工作线", "Line"),
            ("事项", "Item"),
            ("节点", "What"),
            ("剩余", "Days"),
        ],
    );
    for d in near {
        row(
            out,
            &[
                d.date.to_string(),
                d.line_name.clone(),
                d.item.clone(),
                d.what.clone(),
                days_text(d.date, d.as_of, state.today, lang),
            ],
        );
    }
}
