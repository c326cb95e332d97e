//! The work lines: the key indicators, then each line with its headline figures.

use crate::app::State;
use crate::commands::summary::text::*;
use crate::commands::summary::HEADLINES;
use crate::model::board::LineBoard;
use crate::model::Lang;
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

/// Every work line with its headline figures, after the key indicators.
pub(in crate::commands::summary) fn lines(out: &mut String, state: &State) {
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
        let _ = writeln!(out, "{}\n", escape(&line_meta(line, lang)));
        headline_table(out, state, line);
    }
}

/// A line's dates, light counts, size and owner: `截至 2024-05-03 · 红灯 1 · 黄灯 2 · 共 9 项 · 分管 …`.
fn line_meta(line: &LineBoard, lang: Lang) -> String {
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
    meta
}

/// A line's headline figures as a table, and how many more the dashboard has; a note when it has
/// none.
fn headline_table(out: &mut String, state: &State, line: &LineBoard) {
    let lang = state.lang;
    let (shown, more) = line.chosen(HEADLINES);
    if shown.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            lang.pick("（本工作线没有可列的数据）", "(no figure to show)")
        );
        return;
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
