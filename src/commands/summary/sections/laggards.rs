//! The items behind, far behind or overdue, across lines.

use crate::app::State;
use crate::commands::summary::text::*;
use crate::model::wording::{owner_text, percent};
use std::fmt::Write;

/// The items behind, far behind or overdue.
pub(in crate::commands::summary) fn laggards(out: &mut String, state: &State) {
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
