//! Presenter mode: slides for the projector in agenda order, headline figures in big digits, the meeting
//! date and a clock on every slide, no key hints.

use super::bigtext;
pub use super::slide_figure::big_figure;
use super::widgets::{change_span, due_text, light_span, main_value, owner_text};
use crate::app::{Slide, State};
use crate::model::board::{ItemBoard, LineBoard};
use crate::model::Light;
use crate::text::{pad, truncate, width, wrap};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

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
        Slide::Indicators => super::indicators::slide(f, body, state),
        Slide::Line(l) => {
            if let Some(x) = state.board.lines.get(l) {
                line(f, body, state, x);
            }
        }
        Slide::TownLine(t, l) => {
            if let Some(x) = super::county_present::town_line(state, t, l) {
                line(f, body, state, x);
            }
        }
        Slide::Laggards => laggards(f, body, state),
        Slide::Ranking => super::county_present::ranking(f, body, state),
        Slide::Town(t) => super::county_present::town(f, body, state, t),
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
        Slide::Ranking => super::county_present::title(state, None),
        Slide::Town(t) => super::county_present::title(state, Some(t)),
        Slide::TownLine(t, l) => super::county_present::line_title(state, t, l),
    }
}

fn draw_bar(f: &mut Frame, area: Rect, state: &State, slide: Slide) {
    let t = &super::theme::Theme::of(state.look);
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
fn problems_row(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
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

/// Rows needed by [`figure_rows`] with big digits.
pub const FIGURE_ROWS: usize = bigtext::HEIGHT + 2;

/// An item's headline figure for a slide: its label, the figure in big digits when `big` and it fits
/// (normal bold text otherwise) with the unit beside, then its light, change and deadline.
fn figure_rows(
    state: &State,
    it: &ItemBoard,
    as_of: chrono::NaiveDate,
    w: usize,
    big: bool,
) -> Vec<Line<'static>> {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let mut rows: Vec<Line> = vec![Line::from(Span::styled(
        truncate(&it.item.label, w),
        t.title,
    ))];
    let (num, small) = big_figure(it, lang.en());
    // 约 is no digit: it stands before the big number, on its baseline.
    let (about, num) = match num.strip_prefix("约") {
        Some(n) => ("约", n.to_string()),
        None => ("", num),
    };
    let style = if num.contains("**") {
        t.withheld
    } else {
        t.digits(it.judgement.light)
    };
    let aw = if about.is_empty() {
        0
    } else {
        width(about) + 1
    };
    if big && bigtext::supported(&num) && aw + bigtext::width(&num) + 1 + width(&small) <= w {
        for (i, r) in bigtext::render(&num)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let lead = if i == bigtext::HEIGHT - 1 && aw > 0 {
                format!("{about} ")
            } else {
                " ".repeat(aw)
            };
            let mut spans = vec![Span::styled(lead, t.text), Span::styled(t.pixels(r), style)];
            if i == bigtext::HEIGHT - 1 {
                spans.push(Span::styled(format!(" {small}"), t.text));
            }
            rows.push(Line::from(spans));
        }
    } else {
        let txt = if num.is_empty() {
            main_value(it, lang, false)
        } else {
            format!("{about}{num}{small}")
        };
        rows.push(Line::from(Span::styled(truncate(&txt, w), style)));
    }
    let mut foot = Vec::new();
    if it.judgement.light != Light::None {
        foot.push(light_span(it.judgement.light, lang, t));
        foot.push(Span::raw("  "));
    }
    if let Some(c) = crate::model::wording::main_change(it) {
        foot.push(Span::styled(
            lang.pick("较上期 ", "vs last ").to_string(),
            t.dim,
        ));
        foot.push(change_span(Some(c), lang, t));
    }
    let due = due_text(&it.judgement, as_of, state.today, lang);
    if !due.is_empty() {
        foot.push(Span::styled(format!("  {due}"), t.text));
    }
    rows.push(Line::from(foot));
    rows
}

/// A bordered tile holding one figure.
fn tile(f: &mut Frame, area: Rect, state: &State, it: &ItemBoard, as_of: chrono::NaiveDate) {
    let block = super::theme::Theme::of(state.look).block();
    let inner = block.inner(area);
    f.render_widget(block, area);
    let big = inner.height as usize >= FIGURE_ROWS;
    f.render_widget(
        Paragraph::new(figure_rows(state, it, as_of, inner.width as usize, big)),
        inner,
    );
}

/// Splits `area` into `n` tiles in a balanced grid of at most `max_cols` columns.
fn tiles(area: Rect, n: usize, max_cols: usize) -> Vec<Rect> {
    if n == 0 {
        return Vec::new();
    }
    let cols = max_cols.clamp(1, n);
    let rows = n.div_ceil(cols);
    let cols = n.div_ceil(rows);
    let (cw, ch) = (area.width / cols as u16, area.height / rows as u16);
    (0..n)
        .map(|i| Rect {
            x: area.x + cw * (i % cols) as u16,
            y: area.y + ch * (i / cols) as u16,
            width: cw,
            height: ch,
        })
        .collect()
}

fn overview(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let lines = &state.board.lines;
    for (i, (rect, line)) in tiles(area, lines.len(), (area.width / 40).max(1) as usize)
        .into_iter()
        .zip(lines)
        .enumerate()
    {
        let title = format!(
            " {} {} ",
            crate::app::keymap::line_key(i).unwrap_or(' '),
            line.short
        );
        let counts = super::widgets::line_counts(line, lang, t);
        let block = t
            .block()
            .title(Span::styled(title, t.title))
            .title_top(Line::from(counts).right_aligned());
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let w = inner.width as usize;
        let mut rows: Vec<Line> = Vec::new();
        let mut room = inner.height as usize;
        for it in line.chosen(4).0 {
            let big = room >= FIGURE_ROWS;
            let need = if big { FIGURE_ROWS } else { 3 };
            if room < need {
                break;
            }
            if !rows.is_empty() && room > need {
                rows.push(Line::raw(""));
                room -= 1;
            }
            let fr = figure_rows(state, it, line.as_of, w, big);
            room = room.saturating_sub(fr.len());
            rows.extend(fr);
        }
        f.render_widget(Paragraph::new(rows), inner);
    }
}

/// A line's slide: its figures as tiles, its laggards with their owners, its other figures.
fn line(f: &mut Frame, area: Rect, state: &State, line: &LineBoard) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let mut title = line.title.clone();
    if line.carried {
        title.push_str(&format!(
            "  {}{})",
            lang.pick("未更新 (截至 ", "not updated (as of "),
            line.as_of
        ));
    }
    let head = Line::from(vec![
        Span::styled(format!(" {title}  "), t.title),
        Span::styled(
            format!(
                "{}{} {}{}",
                lang.pick("红灯 ", "red "),
                line.red(),
                lang.pick("黄灯 ", "amber "),
                line.amber()
            ),
            super::widgets::counts_style(line, t),
        ),
    ]);
    f.render_widget(Paragraph::new(head), Rect { height: 1, ..area });
    let lagging: Vec<&ItemBoard> = line
        .items
        .iter()
        .filter(|i| i.judgement.light.is_laggard())
        .collect();
    let heads = line.chosen(4).0;
    let max_cols = if area.width >= 160 { 4 } else { 2 };
    let cols = max_cols.clamp(1, heads.len().max(1));
    let tile_rows = heads.len().div_ceil(cols) as u16;
    let tile_h = (FIGURE_ROWS as u16 + 2).min(area.height.saturating_sub(2) / tile_rows.max(1));
    let tiles_area = Rect {
        y: area.y + 1,
        height: tile_h * tile_rows,
        ..area
    };
    for (rect, it) in tiles(tiles_area, heads.len(), max_cols)
        .into_iter()
        .zip(heads.iter())
    {
        tile(f, rect, state, it, line.as_of);
    }
    let mut rows = vec![Line::from(Span::styled(
        format!(" {}", lang.pick("滞后事项", "Lagging items")),
        t.title,
    ))];
    if lagging.is_empty() {
        rows[0] = Line::from(Span::styled(
            format!(
                " {}",
                lang.pick("本条线无滞后事项", "Nothing lags on this line")
            ),
            t.dim,
        ));
    }
    for it in lagging {
        rows.push(Line::from(vec![
            Span::raw(" "),
            light_span(it.judgement.light, lang, t),
            Span::styled(
                format!(
                    "  {}  {}  {}",
                    it.item.label,
                    due_text(&it.judgement, line.as_of, state.today, lang),
                    owner_text(it, line)
                ),
                t.text,
            ),
        ]));
    }
    // The line's other figures, two to a row, in the room that is left.
    let others: Vec<&ItemBoard> = line
        .items
        .iter()
        .filter(|i| !heads.iter().any(|h| std::ptr::eq(*h, *i)))
        .filter(|i| i.item.has_figures())
        .collect();
    if !others.is_empty() {
        rows.push(Line::raw(""));
        rows.push(Line::from(Span::styled(
            format!(" {}", lang.pick("其他数据", "Other figures")),
            t.title,
        )));
        let half = (area.width as usize).saturating_sub(2) / 2;
        for pair in others.chunks(2) {
            let mut spans = vec![Span::raw(" ")];
            for it in pair {
                let v = main_value(it, lang, false);
                let lw = half.saturating_sub(width(&v) + 2);
                spans.push(Span::styled(pad(&it.item.label, lw), t.text));
                spans.push(Span::styled(format!(" {v} "), t.title));
            }
            rows.push(Line::from(spans));
        }
    }
    let list = Rect {
        y: tiles_area.y + tiles_area.height + 1,
        height: area.height.saturating_sub(tiles_area.height + 2),
        ..area
    };
    f.render_widget(Paragraph::new(rows), list);
}

fn laggards(f: &mut Frame, area: Rect, state: &State) {
    let t = &super::theme::Theme::of(state.look);
    let lang = state.lang;
    let n = state.laggards.len().to_string();
    let mut rows: Vec<Line> = Vec::new();
    let style = if state.laggards.is_empty() {
        t.digits(Light::Done)
    } else {
        t.digits(Light::Overdue)
    };
    if area.height as usize > bigtext::HEIGHT + 4 {
        for (i, r) in bigtext::render(&n)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let mut spans = vec![Span::raw(" "), Span::styled(t.pixels(r), style)];
            if i == bigtext::HEIGHT - 1 {
                spans.push(Span::styled(
                    lang.pick(" 项滞后、严重滞后或逾期", " items behind or overdue"),
                    t.title,
                ));
            }
            rows.push(Line::from(spans));
        }
    } else {
        rows.push(Line::from(Span::styled(
            format!(" {n} {}", lang.pick("项滞后", "items lagging")),
            style,
        )));
    }
    rows.push(Line::raw(""));
    if state.laggards.is_empty() {
        rows.push(Line::from(Span::styled(
            lang.pick(" 暂无滞后事项", " Nothing lags"),
            t.dim,
        )));
    }
    let w = area.width as usize;
    for r in &state.laggards {
        let (Some(line), Some(it)) = (state.board.lines.get(r.line), state.board.item(*r)) else {
            continue;
        };
        let ls = light_span(it.judgement.light, lang, t);
        let gap = 12usize.saturating_sub(width(&ls.content));
        let mut spans = vec![Span::raw(" "), ls, Span::raw(" ".repeat(gap))];
        let text = format!("{} › {}", line.short, it.item.label);
        let due = due_text(&it.judgement, line.as_of, state.today, lang);
        let owner = owner_text(it, line);
        let rest = format!("{due}  {owner}");
        let tw = w.saturating_sub(16 + width(&rest)).max(10);
        spans.push(Span::styled(pad(&text, tw), t.title));
        spans.push(Span::styled(format!(" {rest}"), t.text));
        rows.push(Line::from(spans));
        if area.height as usize > rows.len() + 2 * state.laggards.len() {
            rows.push(Line::raw(""));
        }
    }
    let _ = wrap;
    f.render_widget(Paragraph::new(rows), area);
}
