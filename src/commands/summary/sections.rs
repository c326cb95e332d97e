//! The sections of the brief: lines, changes, laggards, near deadlines, withheld figures.

use super::text::*;
use super::{HEADLINES, NEAR_DAYS};
use crate::app::State;
use crate::model::board::{ItemBoard, LineBoard};
use crate::model::history::{quantities, Change};
use crate::model::numbers::fmt_figure;
use crate::model::wording::{owner_text, percent};
use crate::model::Lang;
use crate::model::{Item, ItemKind, Light, Value};
use chrono::NaiveDate;
use std::fmt::Write;

/// The report's key indicators (主要指标), each with its value and growth, before the work lines.
fn indicators(out: &mut String, state: &State) {
    let lang = state.lang;
    let Some(ind) = &state.board.indicators else {
        return;
    };
    let _ = writeln!(
        out,
        "### {}\n\n{} {}\n",
        escape(&ind.title),
        lang.pick("截至", "As of"),
        ind.as_of
    );
    head(out, lang, &[("指标", "Indicator"), ("数值", "Value")]);
    for it in &ind.items {
        row(
            out,
            &[
                it.item.label.clone().into(),
                crate::model::wording::main_value(it, lang, false),
            ],
        );
    }
    out.push('\n');
}

pub(super) fn lines(out: &mut String, state: &State) {
    let lang = state.lang;
    indicators(out, state);
    if state.board.lines.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("没有工作线数据。", "No work line."));
        return;
    }
    for (i, line) in state.board.lines.iter().enumerate() {
        let mut heading = escape(&line.short);
        if line.title != line.short {
            let _ = write!(heading, "{}{}", lang.pick("：", ": "), escape(&line.title));
        }
        let _ = writeln!(out, "### {}. {heading}\n", i + 1);
        let mut meta = if line.carried {
            format!(
                "{}{})",
                lang.pick("未更新 (截至 ", "Not updated (as of "),
                line.as_of
            )
        } else {
            format!("{} {}", lang.pick("截至", "As of"), line.as_of)
        };
        let _ = write!(
            meta,
            " · {} {} · {} {} · {}",
            lang.pick("红灯", "red"),
            line.red(),
            lang.pick("黄灯", "amber"),
            line.amber(),
            if lang.en() {
                format!("{} items", line.items.len())
            } else {
                format!("共 {} 项", line.items.len())
            }
        );
        let owner: Vec<&str> = [line.leader.as_deref(), line.office.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !owner.is_empty() {
            let _ = write!(
                meta,
                " · {} {}",
                lang.pick("分管", "led by"),
                owner.join(" ")
            );
        }
        let _ = writeln!(out, "{}\n", escape(&meta));
        let (shown, more) = line.chosen(HEADLINES);
        if shown.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                lang.pick("（本工作线没有可列的数据）", "(no figure to show)")
            );
            continue;
        }
        head(
            out,
            lang,
            &[
                ("重点数据", "Headline"),
                ("数值", "Value"),
                ("进度", "Progress"),
                ("状态", "Status"),
                ("期限", "Due"),
            ],
        );
        for it in shown {
            row(
                out,
                &[
                    item_name(it),
                    value_text(it, lang),
                    progress_text(it, lang),
                    light_text(it.judgement.light, lang),
                    next_due_text(it, line.as_of, state.today, lang),
                ],
            );
        }
        if more > 0 {
            let _ = writeln!(
                out,
                "\n{}{more}{}",
                lang.pick("另有", "and "),
                lang.pick("项数据未列出（见看板）", " more figures on the dashboard")
            );
        }
        out.push('\n');
    }
}

pub(super) fn changes(out: &mut String, state: &State) {
    let lang = state.lang;
    let mut any_prev = false;
    for line in &state.board.lines {
        let Some(prev_date) = line.prev_date else {
            continue;
        };
        any_prev = true;
        let name = escape(&line.short);
        if line.carried {
            let _ = writeln!(
                out,
                "- {name}{}{}){}\n",
                lang.pick("：未更新 (截至 ", ": not updated (as of "),
                line.as_of,
                lang.pick("，本期没有新数据。", "; no new figures this time.")
            );
            continue;
        }
        let rows = change_rows(state, line, prev_date);
        if rows.is_empty() {
            let _ = writeln!(
                out,
                "- {name}{}{}{}\n",
                bracket(&format!("{prev_date} → {}", line.as_of), lang),
                lang.pick("：", ": "),
                lang.pick("各项数据与上期持平。", "no figure changed.")
            );
            continue;
        }
        let _ = writeln!(
            out,
            "### {name}{}\n",
            bracket(&format!("{prev_date} → {}", line.as_of), lang)
        );
        head(
            out,
            lang,
            &[
                ("事项", "Item"),
                ("上期", "Before"),
                ("本期", "Now"),
                ("变化", "Change"),
            ],
        );
        for r in rows {
            row(out, &r);
        }
        out.push('\n');
    }
    if !any_prev {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "本期为首期数据，没有上期可比。",
                "This is the first snapshot: there is nothing to compare with."
            )
        );
    }
}

fn change_rows(state: &State, line: &LineBoard, prev_date: NaiveDate) -> Vec<[String; 4]> {
    let lang = state.lang;
    let none = "—".to_string();
    let prev_file = state
        .data
        .line(&line.id)
        .and_then(|h| h.at(prev_date))
        .filter(|s| s.date == prev_date)
        .map(|s| &s.file);
    let mut rows = Vec::new();
    for it in &line.items {
        let prev_item = prev_file.and_then(|f| f.items().find(|x| x.id == it.item.id));
        let now = quantities(&it.item);
        let before = prev_item.map(quantities).unwrap_or_default();
        for (key, c) in &it.changes {
            if *c == Change::Same {
                continue;
            }
            let cur = now.iter().find(|q| q.key == *key).map(|q| q.value);
            let old = before.iter().find(|q| q.key == *key).map(|q| q.value);
            let text = |item: &Item, v: Option<Value>| {
                v.map_or(none.clone(), |v| quantity_text(item, key, v, lang))
            };
            let change = crate::model::wording::change_text(*c, lang);
            rows.push([
                quantity_name(&it.item, key, lang),
                prev_item.map_or(none.clone(), |p| text(p, old)),
                text(&it.item, cur),
                change,
            ]);
        }
    }
    for gone in &line.removed {
        let old = quantities(gone)
            .first()
            .map(|q| quantity_text(gone, &q.key, q.value, lang))
            .unwrap_or_else(|| none.clone());
        rows.push([
            gone.label.clone().into(),
            old,
            none.clone(),
            lang.pick("已移除", "gone").to_string(),
        ]);
    }
    rows
}

pub(super) fn laggards(out: &mut String, state: &State) {
    let lang = state.lang;
    if state.laggards.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "暂无滞后、严重滞后或逾期事项。",
                "No item is behind, far behind or overdue."
            )
        );
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        if lang.en() {
            format!(
                "{} item(s), worst first. Progress is compared with 序时进度 (time progress: the share of the period elapsed).",
                state.laggards.len()
            )
        } else {
            format!(
                "共 {} 项，按严重程度排列。进度与序时进度（按时间应完成的比例）相比。",
                state.laggards.len()
            )
        }
    );
    head(
        out,
        lang,
        &[
            ("状态", "Status"),
            ("工作线", "Line"),
            ("事项", "Item"),
            ("进度/序时", "Progress/time"),
            ("差距", "Gap"),
            ("期限", "Due"),
            ("责任", "Owner"),
        ],
    );
    for r in &state.laggards {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let j = &it.judgement;
        let prog = match (j.progress_raw, j.time_progress) {
            (Some(p), Some(t)) => format!("{} / {}", percent(p), percent(t)),
            (Some(p), None) => percent(p),
            (None, Some(t)) => format!("— / {}", percent(t)),
            (None, None) => String::new(),
        };
        let gap = match crate::model::status::shown_gap(j) {
            Some(g) if g > 0 => crate::model::wording::gap_text(j, lang).unwrap_or_default(),
            _ => String::new(),
        };
        let owner = owner_text(it, line);
        row(
            out,
            &[
                light_text(j.light, lang),
                line.short.clone(),
                it.item.label.clone().into(),
                prog,
                gap,
                next_due_text(it, line.as_of, state.today, lang),
                if owner.is_empty() {
                    lang.pick("未注明", "not stated").into()
                } else {
                    owner
                },
            ],
        );
    }
}

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

pub(super) fn near_deadlines(out: &mut String, state: &State) {
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

pub(super) fn withheld(out: &mut String, state: &State) {
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
