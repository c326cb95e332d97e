//! Item detail: every field, milestones as a timeline, progress against 序时进度, and the source sentence.

use super::theme::Theme;
use super::widgets::{bar, light_span, percent};
use crate::app::State;
use crate::model::board::{ItemBoard, ItemRef, LineBoard};
use crate::model::numbers::fmt_value;
use crate::model::{ItemKind, Lang, Ledger, Project, Value};
use crate::text::{pad, wrap};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

mod figures;
mod history;
pub use history::sparkline;

/// The detail being written: its lines, and what every section needs to write them.
struct Detail<'a> {
    out: Vec<Line<'static>>,
    t: Theme,
    lang: Lang,
    /// Width of the field names.
    kw: usize,
    /// Width of the screen.
    w: usize,
    line: &'a LineBoard,
    /// Today: countdowns are counted from it.
    today: chrono::NaiveDate,
}

impl Detail<'_> {
    /// A section title, after an empty line.
    fn section(&mut self, name: &str) {
        self.out.push(Line::raw(""));
        let title = Span::styled(format!(" {r} {name} {r}", r = self.t.rule()), self.t.title);
        self.out.push(Line::from(title));
    }

    /// A field: its name in the names column, then its value, wrapped under itself when it is
    /// wider than the screen (a ledger entry's deadline is never cut off).
    fn field(&mut self, k: &str, v: String, style: Style) {
        // A name as wide as the column (年度计划投资) still gets a space before its value.
        let name = if crate::text::width(k) >= self.kw {
            format!("{k} ")
        } else {
            pad(k, self.kw)
        };
        let indent = 2 + crate::text::width(&name);
        let room = self.w.saturating_sub(indent).max(8);
        let mut rows = wrap(&v, room).into_iter();
        self.out.push(Line::from(vec![
            Span::styled(format!("  {name}"), self.t.dim),
            Span::styled(rows.next().unwrap_or_default(), style),
        ]));
        for row in rows {
            let row = format!("{:indent$}{row}", "");
            self.out.push(Line::from(Span::styled(row, style)));
        }
    }

    /// Text wrapped to the screen, indented.
    fn text(&mut self, s: &str, style: Style) {
        let lines = wrap(s, self.w.saturating_sub(4)).into_iter();
        self.out
            .extend(lines.map(|l| Line::from(Span::styled(format!("  {l}"), style))));
    }
}

/// Draws the detail of item `r`: who and when, the figures, progress and deadline, what the item's kind
/// adds (a ledger's totals and entries, a project's milestones, status and problems), the note, the
/// history and the report sentence.
pub fn draw(f: &mut Frame, area: Rect, state: &State, r: ItemRef) {
    let rows = lines(state, r, area.width as usize);
    let t = Theme::of(state.look);
    super::widgets::scrolled(
        f,
        area,
        rows,
        state.screens.item.scroll,
        state.lang,
        &t,
        None,
    );
}

/// The detail of item `r` as rows `w` wide (the item screen, and the line panel's lower half).
pub fn lines(state: &State, r: ItemRef, w: usize) -> Vec<Line<'static>> {
    let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(r)) else {
        return Vec::new();
    };
    let x = &it.item;
    let kw = x
        .figures
        .iter()
        .filter_map(|f| f.label.as_deref())
        .map(crate::text::width)
        .max()
        .unwrap_or(0)
        .clamp(10, (w / 3).max(10))
        + 2;
    let mut d = Detail {
        out: Vec::new(),
        t: Theme::of(state.look),
        lang: state.lang,
        kw,
        w,
        line,
        today: state.today,
    };
    heading(&mut d, it);
    figures(&mut d, it);
    progress(&mut d, it);
    deadline(&mut d, it);
    if let Some(task) = &x.task {
        figures::task(&mut d, task);
    }
    match &x.kind {
        ItemKind::Ledger(l) => ledger(&mut d, l),
        ItemKind::Project(p) => project(&mut d, p),
        ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => {}
    }
    if let Some(n) = &x.note {
        d.section(d.lang.pick("备注", "Note"));
        d.text(n, Style::new());
    }
    if let Some(hist) = state.data.line(&line.id) {
        history::history(&mut d, it, hist, state.board.date);
    }
    d.section(d.lang.pick("原文", "Report sentence"));
    d.text(&x.source, d.t.text);
    let path = Span::styled(format!("  — {}", line.path), d.t.dim);
    d.out.push(Line::from(path));

    d.out
}

/// The label and light, then line, id, owners and the as-of date.
fn heading(d: &mut Detail<'_>, it: &ItemBoard) {
    let (x, j, lang, line) = (&it.item, &it.judgement, d.lang, d.line);
    let mut head = vec![Span::styled(format!(" {}  ", x.label), d.t.title)];
    if j.light != crate::model::Light::None {
        head.push(light_span(j.light, lang, &d.t));
    }
    d.out.push(Line::from(head));
    let text = d.t.text;
    d.field(
        lang.pick("工作线", "Line"),
        match line.group_heading(&it.group) {
            None => line.short.clone(),
            Some(g) => format!("{} › {g}", line.short),
        },
        text,
    );
    let not_stated = || lang.pick("未注明", "not stated").to_string();
    let leader = x
        .leader
        .as_deref()
        .or(line.leader.as_deref())
        .map(str::to_string);
    let office = x
        .office
        .as_deref()
        .or(line.office.as_deref())
        .map(str::to_string);
    d.field(
        lang.pick("责任领导", "Leader"),
        leader.unwrap_or_else(not_stated),
        text,
    );
    d.field(
        lang.pick("责任单位", "Office"),
        office.unwrap_or_else(not_stated),
        text,
    );
    d.field(lang.pick("数据截至", "As of"), line.as_of.to_string(), text);
    if let Some(firm) = x.firmness {
        // 确保 / 力争 / 争取 as the report words the task.
        d.field(lang.pick("力度", "Firmness"), firm.zh().to_string(), text);
    }
}

/// 数据: a project's investment, then every figure with its target.
fn figures(d: &mut Detail<'_>, it: &ItemBoard) {
    let (x, lang) = (&it.item, d.lang);
    let money = match &x.kind {
        ItemKind::Project(p) => {
            p.investment.is_some()
                || p.count.is_some()
                || p.annual_plan.is_some()
                || p.annual_done.is_some()
                || p.cumulative.is_some()
                || p.annual_rate.is_some()
        }
        ItemKind::Quantity
        | ItemKind::Rate
        | ItemKind::Target
        | ItemKind::Ledger(_)
        | ItemKind::Text => false,
    };
    if x.figures.is_empty() && !money {
        return;
    }
    d.section(lang.pick("数据", "Figures"));
    if let ItemKind::Project(p) = &x.kind {
        figures::project_money(d, p);
    }
    for fig in &x.figures {
        figures::figure(d, fig, 0);
    }
}

/// 进度: the bar against 序时进度, and how far ahead or behind.
fn progress(d: &mut Detail<'_>, it: &ItemBoard) {
    let (j, lang, t) = (&it.judgement, d.lang, &d.t);
    let Some(p) = j.progress else { return };
    let mut spans = vec![Span::styled(
        format!("  {}", pad(lang.pick("进度", "Progress"), d.kw)),
        t.dim,
    )];
    spans.extend(bar(p, j.time_progress, 20, j.light, t));
    spans.push(Span::raw(format!(
        " {}",
        percent(j.progress_raw.unwrap_or(p))
    )));
    if let Some(tp) = j.time_progress {
        spans.push(Span::styled(
            format!("  {} {}", lang.pick("序时进度", "time"), percent(tp)),
            t.dim,
        ));
    }
    if let Some(g) = crate::model::wording::gap_text(j, lang) {
        spans.push(Span::styled(format!("  {g}"), t.light(j.light)));
    }
    d.out.push(Line::from(spans));
}

/// 期限 with the report's words and days left, and the next milestone when it comes first.
fn deadline(d: &mut Detail<'_>, it: &ItemBoard) {
    let (x, j, lang) = (&it.item, &it.judgement, d.lang);
    let Some(due) = j.deadline else { return };
    let mut v = due.to_string();
    if let Some(txt) = &x.deadline_text {
        v.push_str(&format!(" ({txt})"));
    }
    let as_of = d.line.as_of;
    if j.light != crate::model::Light::Done {
        let until = crate::model::Judgement {
            next_due: Some(due),
            ..j.clone()
        };
        if let Some((_, c)) = crate::model::wording::countdown(&until, as_of, d.today) {
            v.push_str(&format!(
                "  {}",
                crate::model::wording::countdown_text(c, lang)
            ));
        }
    }
    let text = d.t.text;
    d.field(lang.pick("期限", "Deadline"), v, text);
    if let Some((next, c)) = crate::model::wording::countdown(j, as_of, d.today) {
        if next != due {
            let v = format!("{next}  {}", crate::model::wording::countdown_text(c, lang));
            d.field(lang.pick("下一节点", "Next due"), v, text);
        }
    }
}

/// 台账: found, rectified, open, the closure rate and every entry.
fn ledger(d: &mut Detail<'_>, l: &Ledger) {
    let (lang, text) = (d.lang, d.t.text);
    d.section(lang.pick("台账", "Ledger"));
    let count = |v: Value| format!("{}{}", fmt_value(v, None, false), l.unit);
    let found = format!("{}{}", fmt_value(l.found, l.found_approx, false), l.unit);
    d.field(lang.pick("发现", "Found"), found, text);
    let rectified = match l.rectified {
        Some(r) => count(r),
        None => lang.pick("整改情况未报", "not reported").into(),
    };
    d.field(lang.pick("已整改", "Rectified"), rectified, text);
    if let Some(o) = l.open_count() {
        d.field(lang.pick("未整改", "Open"), count(o), text);
    }
    if let (Value::Num(a), Some(Value::Num(b))) = (l.found, l.rectified) {
        if a > 0.0 {
            d.field(lang.pick("整改率", "Closure rate"), percent(b / a), text);
        }
    }
    for e in &l.entries {
        // An open entry past its deadline at the data's date is overdue, in words and colour.
        let overdue = e.closed.is_none() && e.deadline.is_some_and(|due| due.date() < d.line.as_of);
        let state_txt = match (e.closed, e.deadline) {
            (Some(c), _) => format!("{} {c}", lang.pick("已销号", "closed")),
            (None, Some(due)) if overdue => format!(
                "{} {due} {}",
                lang.pick("整改期限", "due"),
                lang.pick("逾期未销号", "overdue, still open")
            ),
            (None, Some(due)) => format!("{} {due}", lang.pick("整改期限", "due")),
            (None, None) => lang.pick("未销号", "open").into(),
        };
        let lvl = e.level.clone().unwrap_or_default();
        let v = format!("{} {lvl} {} · {state_txt}", e.found, e.description);
        let style = if overdue {
            d.t.light(crate::model::Light::Overdue)
        } else {
            text
        };
        d.field(&e.id, v, style);
    }
}

/// 时间节点 as a timeline, 形象进度 and 存在问题.
fn project(d: &mut Detail<'_>, p: &Project) {
    let lang = d.lang;
    if !p.milestones.is_empty() {
        d.section(lang.pick("时间节点", "Milestones"));
        for m in &p.milestones {
            use crate::model::wording::{countdown_text, Countdown};
            let c = Countdown::until(m.due.date(), d.line.as_of, d.today);
            let (sym, style) = match c {
                _ if m.done => ("✓", d.t.light(crate::model::Light::Done)),
                Countdown::Late(_) => ("✕", d.t.light(crate::model::Light::Overdue)),
                Countdown::AwaitingUpdate => ("?", d.t.light(crate::model::Light::Behind)),
                Countdown::Left(_) => ("○", d.t.text),
            };
            let when = m
                .due_text
                .clone()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            let status = if m.done {
                lang.pick(" 已完成", " done").to_string()
            } else {
                format!("  {}", countdown_text(c, lang))
            };
            d.out.push(Line::from(vec![
                Span::styled(format!("  {sym} "), style),
                Span::styled(format!("{}{when}", m.due), d.t.text),
                Span::raw(format!("  {}", m.what)),
                Span::styled(status, style),
            ]));
        }
    }
    if let Some(s) = &p.status {
        d.section(lang.pick("形象进度", "Status"));
        d.text(s, Style::new());
    }
    if !p.problems.is_empty() {
        d.section(lang.pick("存在问题", "Problems"));
        for pr in &p.problems {
            d.text(&format!("· {pr}"), Style::new());
        }
    }
}
