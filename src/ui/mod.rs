//! The view: draws the state, never changes it. One file per screen; shared chrome lives here.

pub mod bigtext;
pub mod county;
pub mod county_lists;
pub mod county_present;
pub mod due_strip;
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

mod header;
use header::draw_header;
pub use header::{breadcrumbs, filter_text};

use crate::app::keymap;
use crate::app::{Route, State};
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
