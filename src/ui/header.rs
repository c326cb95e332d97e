//! The header's two rows: the report's title with the data's date and the clock, then the
//! breadcrumbs with the filter and, on the overview, the headline figures.

use super::{lines, theme};
use crate::app::{Filter, Route, State};
use crate::text::{pad, truncate, width};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// Where the user is, as breadcrumbs: 总览 › 经济发展 › 禾源白羽鸡养殖项目. They name the place, not
/// the way there: an item shows its own line however it was opened, the laggard list sits under
/// the overview, and search, filter and help are named after the screen they cover.
pub fn breadcrumbs(state: &State) -> String {
    let lang = state.lang;
    let top = state.route();
    let under = |r: &Route| matches!(r, Route::Search | Route::Filter | Route::Help);
    let base = state.stack.iter().rev().find(|r| !under(r)).cloned();
    // The county's own screens are named as they are stacked; a town's screens from the town's
    // overview (全县总览 › 东山镇 …).
    let mut place = match base.clone() {
        Some(Route::County | Route::CountyLaggards | Route::CountySearch) => {
            state.stack.iter().filter(|r| !under(r)).cloned().collect()
        }
        _ => state.town_base(),
    };
    match base.unwrap_or(Route::Overview) {
        Route::Item(id) => place.extend([Route::Line(id.line.clone()), Route::Item(id)]),
        Route::Overview | Route::County | Route::CountyLaggards | Route::CountySearch => {}
        r => place.push(r),
    }
    if under(&top) {
        place.push(top);
    }
    let names: Vec<String> = place
        .iter()
        .map(|r| match r {
            Route::Overview if state.county.is_some() => state.data.town.name.to_string(),
            Route::Overview => lang.pick("总览", "Overview").to_string(),
            Route::County => lang.pick("全县总览", "County").to_string(),
            Route::CountyLaggards => lang.pick("全县滞后清单", "County laggards").to_string(),
            Route::CountySearch => lang.pick("全县搜索", "Search towns").to_string(),
            Route::Line(id) => state
                .board
                .line_pos(id)
                .map_or("?".into(), |l| state.board.lines[l].short.clone()),
            Route::Item(id) => state
                .board
                .find(id)
                .and_then(|r| state.board.item(r))
                .map_or("?".into(), |x| x.item.label.to_string()),
            Route::Laggards => lang.pick("滞后清单", "Laggards").to_string(),
            Route::Search => lang.pick("搜索", "Search").to_string(),
            Route::Filter => lang.pick("筛选", "Filter").to_string(),
            Route::Help => lang.pick("帮助", "Help").to_string(),
        })
        .collect();
    names.join(" › ")
}

/// A filter as text: `滞后`, `领导: 张三`.
pub fn filter_text(f: &Filter, lang: crate::model::Lang) -> String {
    match f {
        Filter::Light(l) => format!("{} {}", l.symbol(), l.word(lang.en())),
        Filter::Leader(n) => format!("{}{n}", lang.pick("责任领导：", "leader: ")),
        Filter::Office(n) => format!("{}{n}", lang.pick("责任单位：", "office: ")),
    }
}

pub(super) fn draw_header(f: &mut Frame, area: Rect, state: &State) {
    let lang = state.lang;
    let t = &theme::Theme::of(state.look);
    let w = area.width as usize;
    let town = &state.data.town;
    let county = state.county.as_deref().filter(|_| state.on_county());
    let left = match (county, state.county.as_deref()) {
        (Some(c), _) => format!(" 汇报 · {}", c.county.name),
        (None, Some(c)) => format!(" {} · {}", c.county.name, town.name),
        _ if town.title.is_empty() => format!(" 汇报 · {}", town.name),
        _ => format!(" {}", town.title),
    };
    let right = truncate(&header_right(state, county), w.saturating_sub(12));
    let lw = w.saturating_sub(width(&right) + 1);
    let line1 = Line::from(vec![
        Span::styled(pad(&left, lw), t.header.patch(t.title).patch(t.header)),
        Span::styled(format!("{right} "), t.header),
    ]);
    lines::put_lines(
        f.buffer_mut(),
        Rect { height: 1, ..area },
        t.header,
        &[line1],
    );
    let mut crumbs = format!(" {}", breadcrumbs(state));
    if let Some(fl) = &state.filter {
        crumbs.push_str(&format!(
            "   [{}{} · {}{}{}]",
            lang.pick("筛选：", "filter: "),
            filter_text(fl, lang),
            lang.pick("隐去", "hiding "),
            state.hidden(),
            lang.pick("项", " items")
        ));
    }
    // On the overview the rest of the row holds the headline block: projects, investment, lights.
    let key = if state.route() == Route::Overview {
        crate::model::wording::key_figures(&state.board, lang)
    } else {
        String::new()
    };
    let key = truncate(&key, w.saturating_sub(width(&crumbs) + 2));
    let line = Line::from(vec![
        Span::styled(pad(&crumbs, w.saturating_sub(width(&key) + 1)), t.title),
        Span::styled(format!("{key} "), t.text),
    ]);
    let crumbs_row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    lines::put_lines(f.buffer_mut(), crumbs_row, Style::default(), &[line]);
}

/// The header's right side: the data's date (the county's, or `--at`), its age or that a past date
/// is shown, that the history is still loading, and the clock.
fn header_right(state: &State, county: Option<&crate::app::county::CountyState>) -> String {
    let lang = state.lang;
    let mut right = String::new();
    if let Some(at) = county.and_then(|c| c.county.at) {
        // `--at`: every town as of that date.
        right.push_str(&format!(
            "{} {at}",
            lang.pick("历史 · 各镇数据截至", "history · towns as of")
        ));
    } else if let Some(date) = county.and_then(|c| c.county.latest_date()) {
        right.push_str(&format!("{} {date}", lang.pick("最新数据", "newest data")));
    } else if let Some(date) = state.board.date.filter(|_| county.is_none()) {
        let age = (state.today - date).num_days();
        right.push_str(&format!("{} {date}", lang.pick("数据截至", "data as of")));
        if state.is_history() {
            let latest = state
                .data
                .latest_date()
                .map(|d| d.to_string())
                .unwrap_or_default();
            right.push_str(&format!(
                " [{} {latest}]",
                lang.pick("历史 · 最新", "history · latest")
            ));
        }
        if state.is_history() {
            // The age warning is about the newest data, not a date stepped back to.
        } else if age > 8 {
            right.push_str(&format!(
                " {}{age}{}",
                lang.pick("⚠ 已过", "⚠ "),
                lang.pick("天", " days old")
            ));
        } else if age >= 0 {
            right.push_str(&format!(" ({age}{})", lang.pick("天前", "d ago")));
        }
    }
    if state.data.older_pending {
        // The first frame shows the newest snapshots; trends and earlier dates fill in shortly.
        right.push_str(lang.pick("  载入历史中…", "  loading history..."));
    }
    if let Some(c) = state.clock {
        right.push_str(&format!("  {}", c.format("%H:%M")));
    }
    right
}
