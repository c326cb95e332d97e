//! Presenter mode: slides for the projector in agenda order, headline figures in big digits, the meeting
//! date and a clock on every slide, no key hints.

mod laggards;
mod line;
mod overview;
mod tiles;

pub use super::slide_figure::big_figure;
use crate::app::{Slide, State};
use crate::text::{pad, truncate, width};
use laggards::laggards;
use line::line;
use overview::overview;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
pub use tiles::FIGURE_ROWS;

/// Draws the current slide over the whole screen.
pub fn draw(f: &mut Frame, state: &State) {
    let area = f.area();
    let Some(slide) = state.slide() else { return };
    let body = if state.zoom {
        area
    } else {
        draw_bar(f, Rect { height: 1, ..area }, state, slide);
        problems_row(
            f,
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
            state,
        );
        Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        }
    };
    match slide {
        Slide::Overview => overview(f, body, state),
        Slide::Indicators => crate::ui::indicators::slide(f, body, state),
        Slide::Line(l) => {
            if let Some(x) = state.board.lines.get(l) {
                line(f, body, state, x);
            }
        }
        Slide::TownLine(t, l) => {
            if let Some(x) = crate::ui::county_present::town_line(state, t, l) {
                line(f, body, state, x);
            }
        }
        Slide::Laggards => laggards(f, body, state),
        Slide::Ranking => crate::ui::county_present::ranking(f, body, state),
        Slide::Town(t) => crate::ui::county_present::town(f, body, state, t),
    }
}

fn slide_title(state: &State, slide: Slide) -> String {
    let lang = state.lang;
    match slide {
        Slide::Overview => lang.pick("总览", "Overview").to_string(),
        Slide::Indicators => lang.pick("主要指标", "Key indicators").to_string(),
        Slide::Line(l) => state.board.lines.get(l).map_or(String::new(), |x| {
            format!(
                "{} {}",
                crate::app::keymap::line_key(l).unwrap_or(' '),
                x.short
            )
        }),
        Slide::Laggards => lang.pick("滞后清单", "Laggard list").to_string(),
        Slide::Ranking => crate::ui::county_present::title(state, None),
        Slide::Town(t) => crate::ui::county_present::title(state, Some(t)),
        Slide::TownLine(t, l) => crate::ui::county_present::line_title(state, t, l),
    }
}

fn draw_bar(f: &mut Frame, area: Rect, state: &State, slide: Slide) {
    let t = &crate::ui::theme::Theme::of(state.look);
    let lang = state.lang;
    let Some(p) = &state.present else { return };
    let left = format!(
        " {}  ·  {}",
        state.data.town.name,
        slide_title(state, slide)
    );
    let mut right = String::new();
    if let Some(d) = state.board.date {
        right.push_str(&format!("{} {d}", lang.pick("数据截至", "data as of")));
        let age = (state.today - d).num_days();
        if age > 8 && !state.is_history() {
            right.push_str(&format!(
                " {}{age}{}",
                lang.pick("⚠ 已过", "⚠ "),
                lang.pick("天", " days old")
            ));
        }
    }
    if let Some(c) = state.clock {
        right.push_str(&format!("   {}", c.format("%H:%M")));
    }
    right.push_str(&format!("   {}/{}", p.slide + 1, state.slides().len()));
    if p.interval.is_some() {
        // A fixed width, so the header does not shift as the seconds count down.
        let next = if p.paused {
            lang.pick("已暂停", "paused").to_string()
        } else {
            format!(
                "{}{:>3}{}",
                lang.pick("翻页 ", "next in "),
                p.remaining,
                lang.pick("秒", "s")
            )
        };
        right.push_str(&format!("  {}", crate::text::pad_left(&next, 12)));
    }
    right.push(' ');
    let w = area.width as usize;
    let right = truncate(&right, w.saturating_sub(10));
    let lw = w.saturating_sub(width(&right));
    let line = Line::from(vec![
        Span::styled(pad(&left, lw), t.header),
        Span::styled(right, t.header),
    ]);
    f.render_widget(Paragraph::new(line).style(t.header), area);
}

/// The row under the bar: the load problems, on every slide, so the room sees that figures are missing.
/// The row under the slide's bar: a notice while it lasts (why a key did nothing: slides have no
/// footer), else the files that failed to load.
fn problems_row(f: &mut Frame, area: Rect, state: &State) {
    let t = &crate::ui::theme::Theme::of(state.look);
    let lang = state.lang;
    if let Some(n) = &state.notice {
        let text = truncate(&format!(" {}", n.text), area.width as usize);
        f.render_widget(Paragraph::new(text).style(t.warn), area);
        return;
    }
    let errors: Vec<_> = state.data.errors().collect();
    let Some(first) = errors.first() else { return };
    let text = format!(
        " {} {}: {}",
        lang.pick("⚠ 未能加载", "⚠ not loaded"),
        errors.len(),
        crate::model::say::diagnostic(first, lang)
    );
    f.render_widget(
        Paragraph::new(truncate(&text, area.width as usize)).style(t.error),
        area,
    );
}
