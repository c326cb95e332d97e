//! Item detail: every field, milestones as a timeline, progress against 序时进度, and the source sentence.

use super::widgets::{bar, light_span, percent};
use crate::app::State;
use crate::model::board::ItemRef;
use crate::model::numbers::{fmt_figure, fmt_num, fmt_value};
use crate::model::wording::rectified_text;
use crate::model::Value;
use crate::text::{pad, wrap};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the detail of item `r`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, r: ItemRef) {
    let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(r)) else {
        return;
    };
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let x = &it.item;
    let j = &it.judgement;
    let mut out: Vec<Line> = Vec::new();
    let section = |out: &mut Vec<Line>, name: &str| {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(format!(" ── {name} ──"), t.title)));
    };
    let kw = x
        .figures
        .iter()
        .filter_map(|f| f.label.as_deref())
        .map(crate::text::width)
        .max()
        .unwrap_or(0)
        .clamp(10, (w / 3).max(10))
        + 2;
    let field = |out: &mut Vec<Line<'static>>, k: &str, v: String, style: Style| {
        out.push(Line::from(vec![
            Span::styled(format!("  {}", pad(k, kw)), t.dim),
            Span::styled(v, style),
        ]));
    };

    let mut head = vec![Span::styled(format!(" {}  ", x.label), t.title)];
    if j.light != crate::model::Light::None {
        head.push(light_span(j.light, lang, t));
    }
    out.push(Line::from(head));
    field(
        &mut out,
        lang.pick("工作线", "Line"),
        format!("{} › {}", line.short, it.group),
        t.text,
    );
    field(&mut out, lang.pick("编号", "Id"), x.id.clone(), t.dim);
    let leader = x
        .leader
        .clone()
        .or(line.leader.clone())
        .unwrap_or_else(|| lang.pick("未注明", "not stated").into());
    let office = x
        .office
        .clone()
        .or(line.office.clone())
        .unwrap_or_else(|| lang.pick("未注明", "not stated").into());
    field(&mut out, lang.pick("责任领导", "Leader"), leader, t.text);
    field(&mut out, lang.pick("责任单位", "Office"), office, t.text);
    field(
        &mut out,
        lang.pick("数据截至", "As of"),
        line.as_of.to_string(),
        t.text,
    );

    if !x.figures.is_empty() || x.project().is_some_and(|p| p.investment.is_some()) {
        section(&mut out, lang.pick("数据", "Figures"));
        if let Some(inv) = x.project().and_then(|p| p.investment.as_ref()) {
            field(
                &mut out,
                lang.pick("总投资", "Investment"),
                fmt_figure(inv, lang.en()),
                t.text,
            );
        }
        for fig in &x.figures {
            let name = fig
                .label
                .clone()
                .unwrap_or_else(|| lang.pick("数值", "Value").into());
            let mut v = match fig.value {
                Some(_) => fmt_figure(
                    &crate::model::Figure {
                        target: None,
                        ..fig.clone()
                    },
                    lang.en(),
                ),
                None => lang.pick("未报", "not reported").into(),
            };
            if let Some(tg) = fig.target {
                v.push_str(&format!(
                    "  {} {}{}",
                    lang.pick("目标/计划", "target"),
                    fmt_value(tg, None, lang.en()),
                    fig.unit
                ));
            }
            if fig.value == Some(Value::Withheld) {
                v.push_str(lang.pick("  (原文隐去)", "  (withheld in the report)"));
            }
            let style = if fig.value == Some(Value::Withheld) {
                t.withheld
            } else {
                t.text
            };
            field(&mut out, &name, v, style);
        }
    }
    if let Some(p) = j.progress {
        let mut spans = vec![Span::styled(
            format!("  {}", pad(lang.pick("进度", "Progress"), kw)),
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
        if let Some(g) = j.gap_points {
            let txt = if g > 0.0 {
                format!(
                    "  {}{}{}",
                    lang.pick("落后", "behind by "),
                    fmt_num(g.round()),
                    lang.pick("个百分点", " points")
                )
            } else {
                format!(
                    "  {}{}{}",
                    lang.pick("超前", "ahead by "),
                    fmt_num((-g).round()),
                    lang.pick("个百分点", " points")
                )
            };
            spans.push(Span::styled(txt, t.light(j.light)));
        }
        out.push(Line::from(spans));
    }
    if let Some(d) = j.deadline {
        let mut v = d.to_string();
        if let Some(txt) = &x.deadline_text {
            v.push_str(&format!(" ({txt})"));
        }
        if it.judgement.light != crate::model::Light::Done {
            v.push_str(&days((d - line.as_of).num_days(), lang));
        }
        field(&mut out, lang.pick("期限", "Deadline"), v, t.text);
        if let (Some(next), Some(left)) = (j.next_due, j.days_left) {
            if next != d {
                field(
                    &mut out,
                    lang.pick("下一节点", "Next due"),
                    format!("{next}{}", days(left, lang)),
                    t.text,
                );
            }
        }
    }
    if let Some(l) = x.ledger() {
        section(&mut out, lang.pick("台账", "Ledger"));
        field(
            &mut out,
            lang.pick("发现", "Found"),
            format!("{}{}", fmt_value(l.found, None, false), l.unit),
            t.text,
        );
        field(
            &mut out,
            lang.pick("已整改", "Rectified"),
            format!("{}{}", rectified_text(l, lang), l.unit),
            t.text,
        );
        let open = l.open_count();
        if let Some(o) = open {
            field(
                &mut out,
                lang.pick("未整改", "Open"),
                format!("{}{}", fmt_value(o, None, false), l.unit),
                t.text,
            );
        }
        if let (Value::Num(a), Some(Value::Num(b))) = (l.found, l.rectified) {
            if a > 0.0 {
                field(
                    &mut out,
                    lang.pick("整改率", "Closure rate"),
                    percent(b / a),
                    t.text,
                );
            }
        }
        for e in &l.entries {
            let state_txt = match e.closed {
                Some(c) => format!("{} {c}", lang.pick("已销号", "closed")),
                None => match e.deadline {
                    Some(d) => format!("{} {d}", lang.pick("整改期限", "due")),
                    None => lang.pick("未销号", "open").into(),
                },
            };
            let lvl = e.level.clone().unwrap_or_default();
            field(
                &mut out,
                &e.id,
                format!("{} {lvl} {} · {state_txt}", e.found, e.description),
                t.text,
            );
        }
    }
    if let Some(p) = x.project() {
        if !p.milestones.is_empty() {
            section(&mut out, lang.pick("时间节点", "Milestones"));
            for m in &p.milestones {
                let left = (m.due.date() - line.as_of).num_days();
                let (sym, style) = if m.done {
                    ("✓", t.light(crate::model::Light::Done))
                } else if left < 0 {
                    ("✕", t.light(crate::model::Light::Overdue))
                } else {
                    ("○", t.text)
                };
                let when = m
                    .due_text
                    .clone()
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default();
                let status = if m.done {
                    lang.pick(" 已完成", " done").to_string()
                } else {
                    days(left, lang)
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {sym} "), style),
                    Span::styled(format!("{}{when}", m.due), t.text),
                    Span::raw(format!("  {}", m.what)),
                    Span::styled(status, style),
                ]));
            }
        }
        if let Some(s) = &p.status {
            section(&mut out, lang.pick("形象进度", "Status"));
            out.extend(
                wrap(s, w.saturating_sub(4))
                    .into_iter()
                    .map(|l| Line::raw(format!("  {l}"))),
            );
        }
        if !p.problems.is_empty() {
            section(&mut out, lang.pick("存在问题", "Problems"));
            for pr in &p.problems {
                out.extend(
                    wrap(&format!("· {pr}"), w.saturating_sub(4))
                        .into_iter()
                        .map(|l| Line::raw(format!("  {l}"))),
                );
            }
        }
    }
    if let Some(n) = &x.note {
        section(&mut out, lang.pick("备注", "Note"));
        out.extend(
            wrap(n, w.saturating_sub(4))
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
        );
    }
    if let Some(hist) = state.data.line(&line.id) {
        let series = crate::model::history::item_series(hist, &x.id);
        if series.len() > 1 {
            section(&mut out, lang.pick("历史", "History"));
            let unit = x
                .figures
                .first()
                .map(|f| f.unit.clone())
                .unwrap_or_default();
            let approx = x.figures.first().and_then(|f| f.approx);
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(lang.pick("走势", "Trend"), kw)), t.dim),
                Span::styled(
                    sparkline(
                        &series[series
                            .len()
                            .saturating_sub(w.saturating_sub(kw + 30).max(8))..],
                    ),
                    t.title,
                ),
                Span::styled(
                    lang.pick("  (空格=隐去或缺失)", "  (blank = withheld or absent)"),
                    t.dim,
                ),
            ]));
            let mut prev: Option<Value> = None;
            let shown = series.len().min(12);
            for (d, v) in &series[series.len() - shown..] {
                let txt = match v {
                    Some(val) => format!("{}{unit}", fmt_value(*val, approx, lang.en())),
                    None => lang.pick("(无此项)", "(absent)").to_string(),
                };
                let ch = match (prev, v) {
                    (Some(p), Some(c)) => super::widgets::change_span(
                        Some(crate::model::history::compare(Some(p), *c)),
                        lang,
                        t,
                    ),
                    _ => Span::raw(""),
                };
                let style = if *v == Some(Value::Withheld) {
                    t.withheld
                } else {
                    t.text
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {}", pad(&d.to_string(), kw)), t.dim),
                    Span::styled(format!("{} ", pad(&txt, 14)), style),
                    ch,
                ]));
                prev = *v;
            }
        }
    }
    section(&mut out, lang.pick("原文", "Report sentence"));
    out.extend(
        wrap(&x.source, w.saturating_sub(4))
            .into_iter()
            .map(|l| Line::from(Span::styled(format!("  {l}"), t.text))),
    );
    out.push(Line::from(Span::styled(
        format!("  — {}", line.path),
        t.dim,
    )));

    let h = area.height as usize;
    let first = state.screens.item.scroll.min(out.len().saturating_sub(h));
    let shown: Vec<Line> = out.into_iter().skip(first).take(h).collect();
    f.render_widget(Paragraph::new(shown), area);
}

/// Days left or overdue after a date, in the words every screen uses.
fn days(left: i64, lang: crate::model::Lang) -> String {
    format!("  {}", crate::model::wording::days_text(left, lang))
}

/// A one-line trend of the known values; withheld or absent weeks are gaps.
pub fn sparkline(series: &[(chrono::NaiveDate, Option<Value>)]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let nums: Vec<Option<f64>> = series
        .iter()
        .map(|(_, v)| v.and_then(|v| v.num()))
        .collect();
    let known: Vec<f64> = nums.iter().flatten().copied().collect();
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    nums.iter()
        .map(|v| match v {
            None => ' ',
            Some(v) if hi > lo => {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
            Some(_) => BARS[3],
        })
        .collect()
}
