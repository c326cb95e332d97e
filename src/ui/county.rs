//! 全县总览: one row per town — its data date and staleness, red/amber/overdue counts, key indicators
//! with their change, and its worst laggard — in the chosen order.

use super::table::{Cell, Column, Row, Table};
use super::theme::Theme;
use super::widgets::light_span_on;
use crate::app::county::CountyState;
use crate::app::State;
use crate::model::change_words::main_change_shown;
use crate::model::county::{Failure, TownEntry};
use crate::model::county_rank::{self, Counts};
use crate::model::wording::main_value;
use crate::model::{Lang, Light};
use crate::text::{pad, truncate, width};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Days after which a town's data counts as stale (a weekly meeting: more than a week and a day).
pub const STALE_DAYS: i64 = 8;

/// Draws the county overview.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let Some(c) = state.county.as_deref() else {
        return;
    };
    let t = &Theme::of(state.look);
    let lang = state.lang;
    let w = area.width as usize;
    let title = county_title(c, lang);
    let wide = w >= 100;
    let (columns, head) = columns_and_head(w, lang, t);
    let mut table = Table::new(columns).header(Row::Cells(head, t.dim));
    let name_w = if wide { 12 } else { 8 };
    for (pos, &i) in c.order.iter().enumerate() {
        let town = &c.county.towns[i];
        match not_loaded(state, c, pos, town, (w, name_w), t) {
            Some(line) => table.push(Row::Across(line)),
            None => table.push(Row::Cells(row(state, c, pos, town, w, t), Style::new())),
        }
    }
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(pad(&title, w), t.title))),
        top,
    );
    let sel = (!c.order.is_empty()).then(|| c.selected_pos());
    f.render_widget(table.select(sel, t.selected), rest);
}

/// The overview's title: how many towns (and how many still loading), the order, and the county's
/// light counts once every town has loaded.
fn county_title(c: &CountyState, lang: Lang) -> String {
    let total = c.county.towns.iter().fold(Counts::default(), |mut a, x| {
        let n = county_rank::counts(&x.board);
        a.red += n.red;
        a.amber += n.amber;
        a.overdue += n.overdue;
        a
    });
    let mut title = format!(
        " {} ({}{}",
        lang.pick("全县总览", "County overview"),
        c.county.towns.len(),
        lang.pick("个镇", " towns"),
    );
    match c.county.loading() {
        // The county's totals would count only the towns loaded so far: they wait for the rest.
        n @ 1.. => title.push_str(&format!(
            "{}{n}{}) · {}",
            lang.pick("，", ", "),
            lang.pick("个加载中", " loading"),
            c.sort.word(lang.en())
        )),
        0 => title.push_str(&format!(
            ") · {} · {}{} {}{} {}{}",
            c.sort.word(lang.en()),
            lang.pick("红灯", "red "),
            total.red,
            lang.pick("黄灯", "amber "),
            total.amber,
            lang.pick("逾期", "overdue "),
            total.overdue,
        )),
    }
    title
}

/// The table's columns at width `w` and their titles: rank, town, date, age, red, amber, overdue,
/// indicators, worst laggard.
fn columns_and_head(w: usize, lang: Lang, t: &Theme) -> (Vec<Column>, Vec<Cell<'static>>) {
    let wide = w >= 100;
    let (ind, flex) = flex_widths(w);
    let columns = vec![
        Column::left(4),
        Column::left(if wide { 12 } else { 8 }),
        Column::left(if wide { 10 } else { 5 }),
        // `⚠127天`: a town whose data is months old still shows its age whole.
        Column::right(if wide { 7 } else { 6 }),
        Column::right(2),
        Column::right(2),
        Column::right(4),
        Column::left(ind),
        Column::left(flex.saturating_sub(ind)),
    ];
    let head = [
        lang.pick("排名", "#"),
        lang.pick("镇", "Town"),
        if wide {
            lang.pick("数据截至", "As of")
        } else {
            lang.pick("截至", "As of")
        },
        lang.pick("距今", "Age"),
        lang.pick("红", "R"),
        lang.pick("黄", "A"),
        lang.pick("逾期", "OD"),
        lang.pick("主要指标 (较上期)", "Key figures (change)"),
        lang.pick("最滞后事项", "Worst laggard"),
    ];
    let head = head.iter().map(|h| Cell::text(*h, t.dim)).collect();
    (columns, head)
}

/// The widths of the indicators column and of it with the worst laggard's, at width `w`.
fn flex_widths(w: usize) -> (usize, usize) {
    let wide = w >= 100;
    // Rank, town, date, age, red, amber, overdue, indicators, worst laggard.
    let fixed = if wide {
        4 + 12 + 10 + 7 + 10
    } else {
        4 + 8 + 5 + 6 + 10
    };
    let flex = w.saturating_sub(fixed + 9);
    let ind = if wide { flex * 11 / 20 } else { flex / 2 };
    (ind, flex)
}

/// The age of a town's data as shown: `3天`, `⚠12天`.
pub fn age_text(age: Option<i64>, lang: Lang) -> String {
    match age {
        Some(a) if a > STALE_DAYS => format!("⚠{a}{}", lang.pick("天", "d")),
        Some(a) => format!("{a}{}", lang.pick("天", "d")),
        None => "-".into(),
    }
}

/// A town's key indicators with their change: `GDP 1.2亿元 +300 · 新增…`.
pub fn indicators_text(town: &TownEntry, n: usize, lang: Lang) -> String {
    indicators_fit(town, n, lang, usize::MAX)
}

/// [`indicators_text`] in `room` columns: each figure and its change stay whole and the labels give
/// way, sharing the room (`主题党.. 39次 +3 · 示例现.. 500/500亩`); figures that leave a label less
/// than three characters are left out from the last, and a lone figure that does not fit is cut.
pub fn indicators_fit(town: &TownEntry, n: usize, lang: Lang, room: usize) -> String {
    let parts: Vec<(String, String)> = county_rank::indicators(&town.board, n)
        .into_iter()
        .map(|it| {
            let mut figure = main_value(it, lang, true);
            if let Some((_, words)) = main_change_shown(it, lang).filter(|(c, _)| c.is_change()) {
                figure.push_str(&format!(" {words}"));
            }
            (it.item.label.to_string(), figure)
        })
        .collect();
    let fixed = |k: usize| -> usize {
        parts[..k].iter().map(|(_, f)| width(f) + 1).sum::<usize>() + 3 * k.saturating_sub(1)
    };
    let whole = |k: usize| fixed(k) + parts[..k].iter().map(|(l, _)| width(l)).sum::<usize>();
    let mut k = parts.len();
    while k > 1 && whole(k) > room && room.saturating_sub(fixed(k)) / k < 8 {
        k -= 1;
    }
    if k == 0 {
        return String::new();
    }
    let label_room = if whole(k) <= room {
        usize::MAX
    } else {
        room.saturating_sub(fixed(k)) / k
    };
    if k == 1 && label_room < 4 {
        return truncate(&parts[0].1, room);
    }
    parts[..k]
        .iter()
        .map(|(l, f)| format!("{} {f}", truncate(l, label_room)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A row without figures, across the table: a town still loading, or one that failed with its
/// reason. The place of the failure (`town.json:4:1`) always shows whole; the message gives way.
fn not_loaded<'a>(
    state: &State,
    c: &CountyState,
    pos: usize,
    town: &TownEntry,
    (w, name_w): (usize, usize),
    t: &Theme,
) -> Option<Line<'a>> {
    let lang = state.lang;
    let selected = pos == c.selected_pos();
    let base = if selected { t.selected } else { t.text };
    let mark = format!("{}{}", if selected { ">" } else { " " }, pos + 1);
    let head = format!("{} {} ", pad(&mark, 4), pad(&town.name, name_w));
    let room = w.saturating_sub(width(&head));
    let (text, style) = match (&town.failure, town.loading) {
        (_, true) => (lang.pick("加载中…", "loading...").to_string(), t.dim),
        (Some(f), _) => (failure_text(f, room, lang), t.error),
        (None, false) => return None,
    };
    Some(Line::from(vec![
        Span::styled(head, base),
        Span::styled(truncate(&text, room), style),
    ]))
}

/// A failed town's reason fitted to `room` columns: `✕ 未能加载：town.json:4:1: 错误: …` when it fits,
/// else the place whole and the message cut (`✕ town.json:4:1 错误: li…`).
pub fn failure_text(f: &Failure, room: usize, lang: Lang) -> String {
    let full = format!("✕ {}", f.text(lang));
    let Some(place) = f.place.as_ref().filter(|_| width(&full) > room) else {
        return full;
    };
    let head = format!("✕ {place} ");
    let rest = room.saturating_sub(width(&head));
    format!("{head}{}", truncate(&f.why(lang), rest))
}

fn row<'a>(
    state: &State,
    c: &CountyState,
    pos: usize,
    town: &TownEntry,
    w: usize,
    t: &Theme,
) -> Vec<Cell<'a>> {
    let wide = w >= 100;
    let lang = state.lang;
    let selected = pos == c.selected_pos();
    let base = if selected { t.selected } else { t.text };
    let mark = format!("{}{}", if selected { ">" } else { " " }, pos + 1);
    let mut cells = vec![Cell::text(mark, base), Cell::text(town.name.clone(), base)];
    let date = town.board.date.map_or("-".into(), |d| {
        if wide {
            d.to_string()
        } else {
            d.format("%m-%d").to_string()
        }
    });
    let age = county_rank::age(town, c.county.at.unwrap_or(state.today));
    let age_style = if age.is_some_and(|a| a > STALE_DAYS) {
        t.light(Light::Behind)
    } else {
        base
    };
    let n = county_rank::counts(&town.board);
    let count =
        |v: usize, l: Light| Cell::text(v.to_string(), if v > 0 { t.light(l) } else { t.dim });
    cells.extend([
        Cell::text(date, base),
        Cell::text(age_text(age, lang), age_style),
        count(n.red, Light::SeverelyBehind),
        count(n.amber, Light::Behind),
        count(n.overdue, Light::Overdue),
    ]);
    let errors = match town.errors() {
        0 => String::new(),
        n => format!("⚠{n}{} ", lang.pick("个文件未能加载", " files not loaded")),
    };
    let room = flex_widths(w).0.saturating_sub(width(&errors));
    let ind = errors + &indicators_fit(town, if wide { 2 } else { 1 }, lang, room);
    cells.push(Cell::text(ind, base));
    cells.push(match county_rank::worst_text(town) {
        Some((light, text)) => Cell::Spans(Line::from(vec![
            light_span_on(light, lang, t, selected),
            Span::styled(format!(" {text}"), base),
        ])),
        None => Cell::text(lang.pick("无滞后", "none"), t.dim),
    });
    cells
}
