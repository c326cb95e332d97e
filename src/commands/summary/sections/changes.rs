//! What changed since the last snapshot, line by line.

use crate::app::State;
use crate::commands::summary::text::*;
use crate::model::board::LineBoard;
use crate::model::history::{quantities, Change};
use crate::model::{Item, Value};
use chrono::NaiveDate;
use std::fmt::Write;

/// What changed since the last snapshot, line by line.
pub(in crate::commands::summary) fn changes(out: &mut String, state: &State) {
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

/// The rows of a line's changes: item, before, now and the change.
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
            let cur_q = now.iter().find(|q| q.key == *key);
            let old_q = before.iter().find(|q| q.key == *key);
            let (cur, old) = (cur_q.map(|q| q.value), old_q.map(|q| q.value));
            // Withheld both weeks: nothing is known to have changed (the dashboard's counts
            // agree); the withheld note below counts it.
            if (old, cur) == (Some(Value::Withheld), Some(Value::Withheld)) {
                continue;
            }
            let text = |item: &Item, v: Option<Value>| {
                v.map_or(none.clone(), |v| quantity_text(item, key, v, lang))
            };
            let mut change = crate::model::change_words::change_text(*c, lang);
            // Across a change of unit (3100吨 → 0.42万吨) the change is in this week's unit: say it.
            if let (Some(o), Some(n), Change::Up(_) | Change::Down(_)) = (old_q, cur_q, c) {
                if o.unit != n.unit {
                    change.push_str(n.unit);
                }
            }
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
