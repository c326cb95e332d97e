//! Help: generated from the keymap, so it can never disagree with the keys.

use super::theme::Theme;
use crate::app::keymap::{Scope, BINDINGS};
use crate::app::State;
use crate::model::Light;
use crate::text::pad;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// Draws the help screen.
pub fn draw(f: &mut Frame, area: Rect, state: &State) {
    let t = &Theme::of(state.look);
    let lang = state.lang;
    let mut rows = key_rows(state, t);
    rows.extend(light_rows(state, t));
    super::widgets::scrolled(f, area, rows, state.screens.help.scroll, lang, t, None);
}

/// Every key of the keymap with its description, by scope: the county's first on the county's
/// screens, and only when a county is open.
fn key_rows(state: &State, t: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mut rows: Vec<Line> = Vec::new();
    let kw = BINDINGS
        .iter()
        .map(|b| crate::text::width(b.shown))
        .max()
        .unwrap_or(8)
        + 2;
    let mut scopes = [
        (Scope::Browse, lang.pick("浏览", "Browsing")),
        (Scope::Search, lang.pick("搜索框内", "In the search box")),
        (
            Scope::County,
            lang.pick("全县总览 (县文件夹)", "County overview (county folder)"),
        ),
        (
            Scope::Present,
            lang.pick("演示模式 (--present)", "Presenter mode (--present)"),
        ),
    ];
    if state.on_county() {
        // On the county's screens their keys come first.
        scopes.sort_by_key(|(s, _)| *s != Scope::County);
    }
    for (scope, title) in scopes {
        if scope == Scope::County && state.county.is_none() {
            continue;
        }
        rows.push(Line::from(Span::styled(format!(" {title}"), t.title)));
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            rows.push(Line::from(vec![
                Span::styled(format!("   {}", pad(b.shown, kw)), t.key),
                Span::raw(lang.pick(b.zh, b.en).to_string()),
            ]));
        }
        rows.push(Line::raw(""));
    }
    rows
}

/// What each light means, and the town's thresholds.
fn light_rows(state: &State, t: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mut rows: Vec<Line> = Vec::new();
    rows.push(Line::from(Span::styled(
        format!(" {}", lang.pick("警示灯", "Lights")),
        t.title,
    )));
    let explain = [
        (
            Light::OnTrack,
            "进度不落后序时进度超过阈值",
            "progress within the amber threshold of time progress",
        ),
        (
            Light::Behind,
            "落后序时进度超过黄灯阈值",
            "behind time progress by more than the amber threshold",
        ),
        (
            Light::SeverelyBehind,
            "落后序时进度超过红灯阈值",
            "behind time progress by more than the red threshold",
        ),
        (
            Light::Overdue,
            "已过期限仍未完成",
            "deadline passed, not done",
        ),
        (Light::Done, "已完成 / 已销号", "done / closed out"),
    ];
    for (l, zh, en) in explain {
        rows.push(Line::from(vec![
            Span::raw("   "),
            Span::styled(
                pad(&format!("{} {}", l.symbol(), l.word(lang.en())), 14),
                t.light(l),
            ),
            Span::raw(lang.pick(zh, en).to_string()),
        ]));
    }
    let th = state.data.town.thresholds;
    rows.push(Line::from(Span::styled(
        format!(
            "   {} {}/{}",
            lang.pick("阈值(百分点) 黄/红:", "thresholds (points) amber/red:"),
            th.amber_points,
            th.red_points
        ),
        t.dim,
    )));
    rows
}
