//! `huibao summary`: a brief for the minutes, in Markdown.
//!
//! The brief reads the same board the dashboard shows and formats every figure with the dashboard's own
//! helpers, so a number in the minutes is the number on the screen. Withheld (`**`) figures stay unknown:
//! they are listed, never summed and never compared as 0. The output depends only on the data and the
//! command line (no clock), so it can be checked against a golden file.

use crate::app::State;
use crate::cli::{Lang, SummaryFormat};
use crate::model::board::{ItemBoard, LineBoard};
use crate::model::history::{quantities, Change};
use crate::model::numbers::{fmt_figure, fmt_num, fmt_value};
use crate::model::{DataSource, Figure, Item, Judgement, Light, Value};
use crate::ui::widgets::{change_span, due_text, main_value, owner_text, percent};
use chrono::NaiveDate;
use std::fmt::Write;

/// How many days after a line's as-of date a deadline counts as near (近期期限).
pub const NEAR_DAYS: i64 = 14;

/// How many headline figures each line shows (as on the overview card).
pub const HEADLINES: usize = 4;

/// The brief of the state's board in the requested format.
pub fn render(state: &State, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Markdown => markdown(state),
    }
}

/// Writes one section of the brief.
type Section = fn(&mut String, &State);

/// The brief as Markdown.
pub fn markdown(state: &State) -> String {
    let lang = state.lang;
    let mut out = String::new();
    title(&mut out, state);
    if state.board.lines.is_empty() {
        footer(&mut out, state);
        return out;
    }
    let sections: [(&str, &str, Section); 5] = [
        ("一、各工作线概况", "1. Work lines", lines),
        (
            "二、较上期变化",
            "2. Changes since the previous snapshot",
            changes,
        ),
        ("三、滞后清单", "3. Laggard list", laggards),
        (
            "四、近期期限",
            "4. Deadlines within 14 days",
            near_deadlines,
        ),
        ("五、隐去数据", "5. Withheld figures", withheld),
    ];
    for (zh, en, section) in sections {
        out.truncate(out.trim_end().len());
        let _ = writeln!(out, "\n\n## {}\n", lang.pick(zh, en));
        section(&mut out, state);
    }
    footer(&mut out, state);
    out
}

// ---------------------------------------------------------------------------------------------------
// Markdown text

/// Escapes text for Markdown prose: `**` of a withheld figure must not turn into bold, `~` into
/// strike-through, `<` into HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table row of escaped cells (`|` inside a cell is escaped, so it never splits the cell).
fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        let c = escape(c);
        if c.is_empty() {
            out.push_str(" |");
        } else {
            let _ = write!(out, " {c} |");
        }
    }
    out.push('\n');
}

/// A table head and its delimiter row.
fn head(out: &mut String, lang: Lang, cols: &[(&str, &str)]) {
    let names: Vec<String> = cols.iter().map(|(z, e)| lang.pick(z, e).into()).collect();
    row(out, &names);
    out.push('|');
    for _ in cols {
        out.push_str("---|");
    }
    out.push('\n');
}

// ---------------------------------------------------------------------------------------------------
// Shared texts

/// The light as symbol and word (`✕ 逾期`), empty when there is nothing to judge.
fn light_text(l: Light, lang: Lang) -> String {
    if l == Light::None {
        String::new()
    } else {
        format!("{} {}", l.symbol(), l.word(lang.en()))
    }
}

/// Days left or overdue (`剩20天`, `逾期3天`), in the dashboard's words.
fn days_text(date: NaiveDate, left: i64, lang: Lang) -> String {
    let j = Judgement {
        light: Light::None,
        progress: None,
        progress_raw: None,
        time_progress: None,
        deadline: None,
        next_due: Some(date),
        days_left: Some(left),
        gap_points: None,
    };
    let t = due_text(&j, lang);
    // due_text writes `MM-DD days`; the brief writes full dates, so keep the days only.
    t.split_once(' ').map_or(t.clone(), |(_, d)| d.to_string())
}

/// The report's own words for a due date of the item (7月中旬, 年底前), or the open ledger entry due then.
fn due_words(x: &Item, date: NaiveDate) -> Option<&str> {
    let milestone = x
        .project
        .as_ref()
        .into_iter()
        .flat_map(|p| p.milestones.iter())
        .find(|m| !m.done && m.due.date() == date)
        .and_then(|m| m.due_text.as_deref());
    let entry = || {
        x.ledger
            .iter()
            .flat_map(|l| l.entries.iter())
            .find(|e| e.closed.is_none() && e.deadline.is_some_and(|d| d.date() == date))
            .map(|e| e.id.as_str())
    };
    milestone
        .or_else(|| {
            x.deadline
                .filter(|d| d.date() == date)
                .and(x.deadline_text.as_deref())
        })
        .or_else(entry)
}

/// The item's next deadline in full: `2023-07-20（7月中旬）剩20天`, or empty.
fn next_due_text(it: &ItemBoard, lang: Lang) -> String {
    let j = &it.judgement;
    let (Some(d), Some(left)) = (j.next_due, j.days_left) else {
        return String::new();
    };
    let days = days_text(d, left, lang);
    match due_words(&it.item, d) {
        Some(w) if !lang.en() => format!("{d}{}{days}", bracket(w, lang)),
        Some(w) => format!("{d}{} {days}", bracket(w, lang)),
        None => format!("{d} {days}"),
    }
}

/// Words in brackets: full-width in Chinese, ASCII in English.
fn bracket(s: &str, lang: Lang) -> String {
    if lang.en() {
        format!(" ({s})")
    } else {
        format!("（{s}）")
    }
}

/// The index of the figure progress is measured on (as `progress_ratio` finds it): value and target as
/// numbers, target above 0.
fn progress_index(x: &Item) -> Option<usize> {
    x.figures.iter().position(|f| {
        f.value.and_then(Value::num).is_some()
            && f.target.and_then(Value::num).is_some_and(|t| t > 0.0)
    })
}

/// Progress as `200/800亩 (25%)`, with 序时进度 when there is a deadline.
fn progress_text(it: &ItemBoard, lang: Lang) -> String {
    let j = &it.judgement;
    let f = progress_index(&it.item).map(|i| &it.item.figures[i]);
    let (Some(f), Some(p)) = (f, j.progress_raw) else {
        return String::new();
    };
    let (Some(v), Some(t)) = (f.value, f.target) else {
        return String::new();
    };
    let mut s = format!(
        "{}/{}{} ({})",
        fmt_value(v, f.approx, lang.en()),
        fmt_value(t, None, lang.en()),
        f.unit,
        percent(p)
    );
    if let Some(tp) = j.time_progress {
        let _ = write!(s, " · {} {}", lang.pick("序时", "time"), percent(tp));
    }
    s
}

/// The item's name on a card: its label, and the main figure's label when the item is a plain count.
fn item_name(it: &ItemBoard) -> String {
    let x = &it.item;
    match x.figures.first().and_then(|f| f.label.as_deref()) {
        Some(l) if x.project.is_none() && x.ledger.is_none() => format!("{}·{l}", x.label),
        _ => x.label.clone(),
    }
}

/// One figure as `label 400多亩`, `目标1898万元`, or `200/800亩`.
fn figure_text(f: &Figure, lang: Lang) -> String {
    let v = match (f.value, f.target) {
        (Some(v), Some(t)) => format!(
            "{}/{}{}",
            fmt_value(v, f.approx, lang.en()),
            fmt_value(t, None, lang.en()),
            f.unit
        ),
        (None, Some(_)) => format!(
            "{}{}",
            lang.pick("目标", "target "),
            fmt_figure(f, lang.en())
        ),
        _ => fmt_figure(f, lang.en()),
    };
    match &f.label {
        Some(l) => format!("{l} {v}"),
        None => v,
    }
}

/// The headline value: what the dashboard shows, then the item's other figures in brackets.
fn value_text(it: &ItemBoard, lang: Lang) -> String {
    let x = &it.item;
    let main = main_value(it, lang);
    let progress = progress_index(x);
    // main_value shows the ledger, else the investment, else the first figure.
    let first_shown =
        x.ledger.is_none() && x.project.as_ref().is_none_or(|p| p.investment.is_none());
    let others: Vec<String> = x
        .figures
        .iter()
        .enumerate()
        .filter(|(i, _)| !(first_shown && *i == 0) && Some(*i) != progress)
        .map(|(_, f)| figure_text(f, lang))
        .collect();
    if others.is_empty() {
        main
    } else {
        let sep = lang.pick("，", ", ");
        format!("{main}{}", bracket(&others.join(sep), lang).trim_start())
    }
}

// ---------------------------------------------------------------------------------------------------
// Sections

fn title(out: &mut String, state: &State) {
    let lang = state.lang;
    let town = &state.data.town;
    let mut name = escape(&town.name);
    if !town.title.is_empty() && town.title != town.name {
        if name.is_empty() {
            name = escape(&town.title);
        } else {
            let _ = write!(name, " · {}", escape(&town.title));
        }
    }
    if name.is_empty() {
        name = "huibao".into();
    }
    let _ = writeln!(
        out,
        "# {}{name}",
        lang.pick("会议简报：", "Meeting brief: ")
    );
    out.push('\n');
    let errors = state.data.errors().count();
    let Some(date) = state.board.date.filter(|_| !state.board.lines.is_empty()) else {
        let _ = writeln!(out, "{}", lang.pick("没有可用的数据。", "No data."));
        load_errors(out, errors, lang);
        return;
    };
    let prev = state.data.dates.iter().rev().find(|d| **d < date);
    let mut s = format!("{} {date}", lang.pick("数据截至", "Data as of"));
    match prev {
        Some(p) => {
            let _ = write!(s, "{}{p}", lang.pick("，较上期 ", ", compared with "));
        }
        None => s.push_str(lang.pick(
            "（首期数据，无上期可比）",
            " (first snapshot: nothing to compare with)",
        )),
    }
    s.push_str(lang.pick("。", "."));
    let _ = writeln!(out, "{s}");
    load_errors(out, errors, lang);
}

/// A warning that some files did not load, when any did not.
fn load_errors(out: &mut String, errors: usize, lang: Lang) {
    if errors > 0 {
        let _ = writeln!(
            out,
            "\n> {}{errors}{}",
            lang.pick("注意：有 ", "Note: "),
            lang.pick(
                " 个数据问题未能加载，简报可能不完整（用 huibao validate 查看）。",
                " data problem(s) kept files from loading; the brief may be incomplete (see huibao validate)."
            )
        );
    }
}

fn lines(out: &mut String, state: &State) {
    let lang = state.lang;
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
        let shown = line.headline(HEADLINES);
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
                    next_due_text(it, lang),
                ],
            );
        }
        out.push('\n');
    }
}

/// A quantity of `item` (by its key from `quantities`) as the dashboard writes it: `39次`, `**人次`.
fn quantity_text(item: &Item, key: &str, v: Value, lang: Lang) -> String {
    let en = lang.en();
    if let Some(l) = &item.ledger {
        if matches!(key, "found" | "rectified" | "open") {
            return format!("{}{}", fmt_value(v, None, en), l.unit);
        }
    }
    if key == "investment" {
        if let Some(inv) = item.project.as_ref().and_then(|p| p.investment.as_ref()) {
            return fmt_figure(&with_value(inv, v, inv.approx), en);
        }
    }
    let (base, target) = match key.strip_suffix(".target") {
        Some(b) => (b, true),
        None => (key, false),
    };
    let fig = item.figures.iter().enumerate().find(|(i, f)| {
        f.label.as_deref() == Some(base) || (f.label.is_none() && format!("#{i}") == base)
    });
    match fig {
        Some((_, f)) => fmt_figure(&with_value(f, v, if target { None } else { f.approx }), en),
        None => fmt_value(v, None, en),
    }
}

fn with_value(f: &Figure, v: Value, approx: Option<crate::model::Approx>) -> Figure {
    Figure {
        label: None,
        value: Some(v),
        unit: f.unit.clone(),
        approx,
        target: None,
    }
}

/// The name of a quantity in the changes table: the item, then what is counted.
fn quantity_name(item: &Item, key: &str, lang: Lang) -> String {
    let part = match key {
        "investment" => Some(lang.pick("总投资", "investment").to_string()),
        "found" => Some(lang.pick("发现", "found").to_string()),
        "rectified" => Some(lang.pick("整改", "fixed").to_string()),
        "open" => Some(lang.pick("未改", "open").to_string()),
        k => {
            let (base, target) = match k.strip_suffix(".target") {
                Some(b) => (b, true),
                None => (k, false),
            };
            let base = (!base.starts_with('#')).then(|| base.to_string());
            match (base, target) {
                (Some(b), true) => Some(format!("{b} {}", lang.pick("目标", "target"))),
                (None, true) => Some(lang.pick("目标", "target").to_string()),
                (b, false) => b,
            }
        }
    };
    match part {
        Some(p) => format!("{}·{p}", item.label),
        None => item.label.clone(),
    }
}

fn changes(out: &mut String, state: &State) {
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
            let cur = now.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
            let old = before.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
            let text = |item: &Item, v: Option<Value>| {
                v.map_or(none.clone(), |v| quantity_text(item, key, v, lang))
            };
            let change = change_span(Some(*c), lang, &state.theme)
                .content
                .to_string();
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
            .map(|(k, v)| quantity_text(gone, k, *v, lang))
            .unwrap_or_else(|| none.clone());
        rows.push([
            gone.label.clone(),
            old,
            none.clone(),
            lang.pick("已移除", "gone").to_string(),
        ]);
    }
    rows
}

fn laggards(out: &mut String, state: &State) {
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
        let gap = match j.gap_points {
            Some(g) if g > 0.0 => {
                let n = fmt_num(g.round());
                if lang.en() {
                    format!("{n} points behind")
                } else {
                    format!("落后{n}个百分点")
                }
            }
            _ => String::new(),
        };
        let owner = owner_text(it, line);
        row(
            out,
            &[
                light_text(j.light, lang),
                line.short.clone(),
                it.item.label.clone(),
                prog,
                gap,
                next_due_text(it, lang),
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
                    left: (date - line.as_of).num_days(),
                    line: l,
                    line_name: line.short.clone(),
                    item: x.label.clone(),
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
            for m in x.project.iter().flat_map(|p| p.milestones.iter()) {
                if m.done {
                    continue;
                }
                let mut what = m.what.clone();
                if let Some(w) = &m.due_text {
                    what.push_str(&bracket(w, lang));
                }
                push(m.due.date(), what);
            }
            for e in x.ledger.iter().flat_map(|l| l.entries.iter()) {
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
    }
    out.sort_by_key(|d| (d.date, d.line));
    out
}

fn near_deadlines(out: &mut String, state: &State) {
    let lang = state.lang;
    let all = open_deadlines(state);
    let (near, later): (Vec<&Due>, Vec<&Due>) = all.iter().partition(|d| d.left <= NEAR_DAYS);
    if near.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "各工作线截至日起 14 天内没有到期或已逾期的期限。",
                "No open deadline falls due within 14 days of each line's as-of date, and none is overdue."
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
                days_text(d.date, d.left, lang),
                lang.pick("。", ".")
            );
        }
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "未完成的时间节点、事项期限和台账整改期限，从各工作线截至日起算 14 天内到期或已逾期的：",
            "Open milestones, item deadlines and ledger deadlines due within 14 days of each line's as-of date, or overdue:"
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
                days_text(d.date, d.left, lang),
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
        None => x.label.clone(),
    };
    if let Some(inv) = x.project.as_ref().and_then(|p| p.investment.as_ref()) {
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
    if let Some(l) = &x.ledger {
        for (v, what) in [
            (Some(l.found), lang.pick("发现", "found")),
            (Some(l.rectified), lang.pick("整改", "fixed")),
            (l.open, lang.pick("未改", "open")),
        ] {
            if v == Some(Value::Withheld) {
                out.push(format!("{} **{}", name(Some(what)), l.unit));
            }
        }
    }
    out
}

fn withheld(out: &mut String, state: &State) {
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

fn footer(out: &mut String, state: &State) {
    let lang = state.lang;
    out.truncate(out.trim_end().len());
    out.push('\n');
    let source = match &state.data.source {
        DataSource::Folder(p) => {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            if lang.en() {
                format!("the data folder “{}”", escape(&name))
            } else {
                format!("数据文件夹“{}”", escape(&name))
            }
        }
        DataSource::Embedded => lang
            .pick("内置的示例数据", "the built-in seed data")
            .to_string(),
    };
    let _ = writeln!(
        out,
        "\n---\n\n{}{source}{}",
        lang.pick("本简报由 huibao 根据", "Generated by huibao from "),
        lang.pick(
            "自动生成，数字与看板显示一致。",
            "; figures as the dashboard shows them."
        )
    );
}
