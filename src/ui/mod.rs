//! The view: draws the state, never changes it. One file per screen; shared chrome lives here.

pub mod bigtext;
pub mod county;
pub mod county_lists;
pub mod county_present;
pub mod help;
pub mod indicators;
pub mod item;
pub mod laggards;
pub mod line;
pub mod lines;
pub mod overview;
pub mod palette;
pub mod present;
pub mod search;
pub mod sgr;
pub mod slide_figure;
pub mod snippet;
pub mod table;
pub mod theme;
pub mod widgets;

use crate::app::keymap;
use crate::app::{Filter, Route, State};
use crate::model::DataSource;
use crate::text::{pad, truncate, width};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draws the whole screen for the state.
pub fn draw(f: &mut Frame, state: &State) {
    let area = f.area();
    f.render_widget(
        ratatui::widgets::Block::default().style(theme::Theme::of(state.look).text),
        area,
    );
    if state.present.is_some() && state.route() != Route::Help {
        present::draw(f, state);
        return;
    }
    if state.zoom {
        // The focused pane fills the screen: no header, banners or hints.
        match state.route() {
            Route::Overview => overview::draw_zoomed(f, area, state),
            _ => draw_body(f, area, state),
        }
        return;
    }
    let banners = banners(state);
    let [head, ban, body, foot] = frame_areas(area, banners.len().min(3) as u16);
    draw_header(f, head, state);
    for (i, (text, style)) in banners.iter().take(3).enumerate() {
        let r = Rect {
            y: ban.y + i as u16,
            height: 1,
            ..ban
        };
        f.render_widget(Paragraph::new(pad(text, r.width as usize)).style(*style), r);
    }
    draw_body(f, body, state);
    draw_footer(f, foot, state);
}

/// The header (two rows), the banners, the body and the footer (one row) of a screen `area` tall,
/// as `Layout::vertical([Length(2), Length(banners), Min(1), Length(1)])` lays them out; worked
/// out by hand when everything fits, which keeps the constraint solver out of the first frame.
fn frame_areas(area: Rect, banners: u16) -> [Rect; 4] {
    if area.height < banners + 4 {
        return Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(banners),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
    }
    let row = |y: u16, height: u16| Rect { y, height, ..area };
    let body = area.height - banners - 3;
    [
        row(area.y, 2),
        row(area.y + 2, banners),
        row(area.y + 2 + banners, body),
        row(area.bottom() - 1, 1),
    ]
}

fn draw_body(f: &mut Frame, body: Rect, state: &State) {
    match state.route() {
        Route::Overview => overview::draw(f, body, state),
        Route::Line(id) => {
            if let Some(l) = state.board.line_pos(&id) {
                line::draw(f, body, state, l)
            }
        }
        Route::Item(id) => {
            if let Some(r) = state.board.find(&id) {
                item::draw(f, body, state, r)
            }
        }
        Route::Laggards => laggards::draw(f, body, state),
        Route::Search => search::draw(f, body, state),
        Route::Filter => search::draw_filter(f, body, state),
        Route::Help => help::draw(f, body, state),
        Route::County => county::draw(f, body, state),
        Route::CountyLaggards => county_lists::draw_laggards(f, body, state),
        Route::CountySearch => county_lists::draw_search(f, body, state),
    }
}

fn banners(state: &State) -> Vec<(String, ratatui::style::Style)> {
    let lang = state.lang;
    let t = theme::Theme::of(state.look);
    let mut out = Vec::new();
    if let Some(c) = state.county.as_deref().filter(|_| state.on_county()) {
        // The county's own problems (its file, missing or unlisted folders, names, line sets).
        let (errors, warnings): (Vec<_>, Vec<_>) =
            c.county.problems.iter().partition(|d| d.is_error());
        for (list, style) in [(errors, t.error), (warnings, t.warn)] {
            if let Some(first) = list.first() {
                out.push((format!("⚠ {}: {first}", list.len()), style));
            }
        }
        let failed: Vec<String> = c
            .county
            .towns
            .iter()
            .filter(|x| x.failure.is_some())
            .map(|x| x.name.clone())
            .collect();
        if !failed.is_empty() {
            out.push((
                format!(
                    "{}{}{}",
                    lang.pick("⚠ 未能显示的镇：", "⚠ towns not shown: "),
                    failed.join(lang.pick("、", ", ")),
                    lang.pick(
                        "（原因见其所在行；huibao validate 列出全部问题）",
                        " (see their rows; huibao validate lists every problem)"
                    )
                ),
                t.error,
            ));
        }
        return out;
    }
    let errors: Vec<_> = state.data.errors().collect();
    if let Some(first) = errors.first() {
        out.push((
            format!(
                "{} {}: {}",
                lang.pick("⚠ 未能加载", "⚠ not loaded"),
                errors.len(),
                crate::model::say::diagnostic(first, lang)
            ),
            t.error,
        ));
    }
    if state.data.source == DataSource::Embedded {
        out.push((
            lang.pick(
                "未找到数据文件夹 ./data，显示内置的示例汇报（--data 指定文件夹）",
                "No ./data folder found: showing the built-in seed report (use --data DIR)",
            )
            .to_string(),
            t.warn,
        ));
    }
    if state.board.lines.is_empty() && state.board.indicators.is_none() {
        out.push((
            lang.pick(
                "数据文件夹中没有可显示的工作线文件",
                "No work-line file could be loaded",
            )
            .to_string(),
            t.warn,
        ));
    }
    out
}

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

fn draw_header(f: &mut Frame, area: Rect, state: &State) {
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

fn draw_footer(f: &mut Frame, area: Rect, state: &State) {
    let t = &theme::Theme::of(state.look);
    let w = area.width as usize;
    if let Some(n) = &state.notice {
        let text = truncate(&format!(" {}", n.text), w);
        let line = Line::from(Span::styled(text, t.warn));
        lines::put_lines(f.buffer_mut(), area, Style::default(), &[line]);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, desc) in keymap::hints(state) {
        let need = width(keys) + 1 + width(desc) + 2;
        if used + need > w {
            break;
        }
        spans.push(Span::styled(keys, t.key));
        spans.push(Span::styled(format!(" {desc}  "), t.dim));
        used += need;
    }
    lines::put_lines(f.buffer_mut(), area, Style::default(), &[Line::from(spans)]);
}

/// Scrolls so that row `sel` of `len` rows is visible in `height` rows; returns the first row shown.
pub fn scroll_to(sel: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let max = len - height;
    sel.saturating_sub(height / 2).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_screen_is_cut_as_the_layout_solver_cuts_it() {
        for height in 0..60 {
            for banners in 0..=3 {
                let area = Rect::new(3, 1, 80, height);
                let solved: [Rect; 4] = Layout::vertical([
                    Constraint::Length(2),
                    Constraint::Length(banners),
                    Constraint::Min(1),
                    Constraint::Length(1),
                ])
                .areas(area);
                assert_eq!(
                    frame_areas(area, banners),
                    solved,
                    "{height} rows, {banners}"
                );
            }
        }
    }
}
