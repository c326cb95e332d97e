//! The county's presenter slides: the ranking of towns by red count, then one slide per town with its
//! counts in big digits, its key indicators and its worst laggards with their owners.

use super::bigtext;
use super::county::{age_text, indicators_text};
use super::table::{Cell, Column, Row, Table};
use super::theme::Theme;
use super::widgets::light_span;
use crate::app::State;
use crate::model::board::{Board, LineBoard};
use crate::model::county::TownEntry;
use crate::model::county_rank::{self, SortBy};
use crate::model::wording::{due_text, owner_text};
use crate::model::{Lang, Light};
use crate::text::{pad, truncate};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The slide's title for the presenter bar.
pub fn title(state: &State, town: Option<usize>) -> String {
    let lang = state.lang;
    let Some(c) = state.county.as_deref() else {
        return String::new();
    };
    match town.and_then(|t| c.county.towns.get(t)) {
        // A town that failed or is still loading has no data to date.
        Some(t) => match t.board.date.filter(|_| t.failure.is_none() && !t.loading) {
            Some(d) => format!("{}  {} {d}", t.name, lang.pick("数据截至", "as of")),
            None => t.name.clone(),
        },
        None => lang.pick("各镇排名", "Ranking of towns").to_string(),
    }
}

/// Line `l` of town `t`'s board, for its slide in the county's deck.
pub fn town_line(state: &State, t: usize, l: usize) -> Option<&LineBoard> {
    state
        .county
        .as_deref()?
        .county
        .towns
        .get(t)?
        .board
        .lines
        .get(l)
}

/// The title of town `t`'s line `l` slide: the town, the line and its date.
pub fn line_title(state: &State, t: usize, l: usize) -> String {
    let lang = state.lang;
    let Some(c) = state.county.as_deref() else {
        return String::new();
    };
    let (Some(town), Some(line)) = (c.county.towns.get(t), town_line(state, t, l)) else {
        return String::new();
    };
    format!(
        "{} · {}  {} {}",
        town.name,
        line.short,
        lang.pick("数据截至", "as of"),
        line.as_of
    )
}

/// The ranking slide: every town by red count, with amber, overdue, staleness and worst laggard.
pub fn ranking(f: &mut Frame, area: Rect, state: &State) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let t = &Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let worst_w = w.saturating_sub(6 + 14 + 4 + 4 + 5 + 8 + 7);
    let columns = vec![
        Column::right(5),
        Column::left(14),
        Column::right(4),
        Column::right(4),
        Column::right(5),
        Column::right(8),
        Column::left(worst_w),
    ];
    let head = [
        lang.pick("名次", "Rank"),
        lang.pick("镇", "Town"),
        lang.pick("红灯", "Red"),
        lang.pick("黄灯", "Amber"),
        lang.pick("逾期", "Overdue"),
        lang.pick("距今", "Age"),
        lang.pick("最滞后事项", "Worst laggard"),
    ]
    .iter()
    .map(|h| Cell::text(*h, t.dim))
    .collect();
    let mut table = Table::new(columns).header(Row::Cells(head, t.dim));
    for (pos, &i) in county_rank::order(&c.county, SortBy::Red, state.today)
        .iter()
        .enumerate()
    {
        let town = &c.county.towns[i];
        let mut cells = vec![
            Cell::text(format!("{}", pos + 1), t.text),
            Cell::text(town.name.clone(), t.title),
        ];
        if town.loading {
            cells.extend(["", "", "", ""].map(|s| Cell::text(s, t.dim)));
            cells.push(Cell::text(lang.pick("加载中…", "loading..."), t.dim));
        } else if let Some(why) = &town.failure {
            cells.extend(["", "", "", ""].map(|s| Cell::text(s, t.dim)));
            cells.push(Cell::text(format!("✕ {}", why.text(lang)), t.error));
        } else {
            let n = county_rank::counts(&town.board);
            let count = |v: usize, l: Light| {
                Cell::text(v.to_string(), if v > 0 { t.light(l) } else { t.dim })
            };
            cells.extend([
                count(n.red, Light::SeverelyBehind),
                count(n.amber, Light::Behind),
                count(n.overdue, Light::Overdue),
                Cell::text(
                    age_text(
                        county_rank::age(town, c.county.at.unwrap_or(state.today)),
                        lang,
                    ),
                    t.text,
                ),
            ]);
            cells.push(match county_rank::worst_text(town) {
                Some((light, text)) => Cell::Spans(Line::from(vec![
                    light_span(light, lang, t),
                    Span::styled(format!(" {text}"), t.text),
                ])),
                None => Cell::text(lang.pick("无滞后", "none"), t.dim),
            });
        }
        table.push(Row::Cells(cells, Style::new()));
    }
    f.render_widget(table, area);
}

/// One town's slide.
pub fn town(f: &mut Frame, area: Rect, state: &State, i: usize) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let Some(town) = c.county.towns.get(i) else {
        return;
    };
    let t = &Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    if town.loading {
        rows.push(Line::from(Span::styled(
            format!(" {}", lang.pick("加载中…", "loading...")),
            t.dim,
        )));
    } else if let Some(why) = &town.failure {
        let why = super::county::failure_text(why, w.saturating_sub(1), lang);
        rows.push(Line::from(Span::styled(format!(" {why}"), t.error)));
    }
    if !rows.is_empty() {
        f.render_widget(Paragraph::new(rows), area);
        return;
    }
    let big = area.height >= 16 && w >= 60;
    rows.extend(count_rows(&town.board, lang, t, w, big));
    rows.push(Line::raw(""));
    let ind = indicators_text(town, 4, lang);
    if !ind.is_empty() {
        rows.push(Line::from(Span::styled(
            format!(" {}", lang.pick("主要指标", "Key figures")),
            t.dim,
        )));
        rows.push(Line::from(Span::styled(
            truncate(&format!("  {ind}"), w),
            t.text,
        )));
        rows.push(Line::raw(""));
    }
    push_laggards(&mut rows, state, town, t, w, area.height as usize);
    f.render_widget(Paragraph::new(rows), area);
}

/// A town's red, amber and overdue counts: in big digits when `big`, then a row with their lights.
fn count_rows(board: &Board, lang: Lang, t: &Theme, w: usize, big: bool) -> Vec<Line<'static>> {
    let mut rows: Vec<Line> = Vec::new();
    let n = county_rank::counts(board);
    let figures = [
        (n.red, Light::SeverelyBehind, lang.pick("红灯", "red")),
        (n.amber, Light::Behind, lang.pick("黄灯", "amber")),
        (n.overdue, Light::Overdue, lang.pick("逾期", "overdue")),
    ];
    if big {
        let cw = w / 3;
        let mut lines = vec![String::new(); bigtext::HEIGHT];
        for (v, _, _) in &figures {
            let digits = bigtext::render(&v.to_string()).unwrap_or_default();
            for (line, row) in lines.iter_mut().zip(&digits) {
                line.push_str(&pad(&format!("  {row}"), cw));
            }
        }
        rows.extend(
            lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.title))),
        );
    }
    let mut spans = Vec::new();
    for (v, light, word) in figures {
        let style = if v > 0 { t.light(light) } else { t.dim };
        spans.push(Span::styled(
            pad(&format!("  {} {word} {v}", light.symbol()), w / 3),
            style,
        ));
    }
    rows.push(Line::from(spans));
    rows
}

/// A town's laggards with their lines, deadlines and owners, under a heading, as many as fit in
/// `height` rows.
fn push_laggards(
    rows: &mut Vec<Line<'static>>,
    state: &State,
    town: &TownEntry,
    t: &Theme,
    w: usize,
    height: usize,
) {
    let lang = state.lang;
    rows.push(Line::from(Span::styled(
        format!(" {}", lang.pick("滞后事项", "Laggards")),
        t.dim,
    )));
    let lag = town.board.laggards();
    if lag.is_empty() {
        rows.push(Line::from(Span::styled(
            format!("  {}", lang.pick("无", "none")),
            t.dim,
        )));
    }
    let room = height.saturating_sub(rows.len());
    for r in lag.into_iter().take(room) {
        let (Some(line), Some(it)) = (town.board.lines.get(r.line), town.board.item(r)) else {
            continue;
        };
        let text = format!(
            " {}（{}） {} {}",
            it.item.label,
            line.short,
            due_text(&it.judgement, line.as_of, state.today, lang),
            owner_text(it, line)
        );
        rows.push(Line::from(vec![
            Span::raw("  "),
            light_span(it.judgement.light, lang, t),
            Span::styled(truncate(&text, w.saturating_sub(14)), t.text),
        ]));
    }
}
