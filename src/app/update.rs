//! The pure state transition: `update(&mut State, Action) -> Effects`. No terminal, no I/O: what the
//! outside world must do (quit, reload, suspend, wake up later) is returned for the runtime to perform.

use super::notice::Nothing;
use super::screens::step;
use super::{Action, Effect, Effects, Route, Slide, State};
use crate::model::board::ItemRef;

/// Rows a page key moves: the body height less the chrome.
fn page(state: &State) -> usize {
    (state.size.1 as usize).saturating_sub(6).max(1)
}

/// Rows ↑/↓ move: on the overview's grid a whole row of cards, as the eye expects; else one.
fn grid_step(state: &State) -> isize {
    if state.route() != Route::Overview {
        return 1;
    }
    let (w, h) = super::grid::body(state.size);
    match super::grid::layout(state.board.lines.len(), w, h) {
        super::grid::Layout::Grid { cols, .. } => cols as isize,
        super::grid::Layout::List => 1,
    }
}

/// Applies one action to the state and returns what the runtime must do.
pub fn update(state: &mut State, action: Action) -> Effects {
    if !matches!(action, Action::Tick(_) | Action::Resize(..)) {
        state.notice = None;
    }
    if state.route() == Route::Help && !action.works_on_help() {
        state.nothing(Nothing::InHelp);
        return Effects::none();
    }
    if let Some(fx) = super::county::update(state, action) {
        return fx;
    }
    match action {
        Action::Quit => return Effects::one(Effect::Quit),
        Action::Reload => return Effects::one(Effect::Reload),
        Action::Suspend => return Effects::one(Effect::Suspend),
        Action::Tick(now) => return tick(state, now),
        Action::NextSlide | Action::PrevSlide => {
            let n = state.slides().len();
            let now = state.now;
            if let Some(p) = state.present.as_mut() {
                p.step(action == Action::NextSlide, n, now);
                return p.due.map(Effect::WakeAt).into();
            }
        }
        Action::TogglePause => {
            let now = state.now;
            if let Some(p) = state.present.as_mut() {
                p.toggle_pause(now);
                return p.due.map(Effect::WakeAt).into();
            }
        }
        Action::ToggleZoom => state.zoom = !state.zoom,
        Action::PrevDate | Action::NextDate => step_date(state, action == Action::NextDate),
        Action::Resize(w, h) => state.size = (w, h),
        Action::JumpLine(n) if n >= state.board.lines.len() => {
            let key = super::keymap::line_key(n).unwrap_or('?');
            let why = Nothing::NoSuchLine(key, state.board.lines.len());
            state.nothing(why)
        }
        Action::JumpLine(n) => open_line(state, n),
        Action::Unbound(c) => state.nothing(Nothing::Unbound(c)),
        Action::NextLine | Action::PrevLine => next_line(state, action == Action::NextLine),
        Action::Up => move_by(state, -grid_step(state)),
        Action::Down => move_by(state, grid_step(state)),
        Action::Left | Action::Right if state.route() == Route::Overview => {
            move_by(state, if action == Action::Left { -1 } else { 1 })
        }
        Action::Left | Action::Right => state.nothing(Nothing::NotHere),
        Action::PageUp => move_by(state, -(page(state) as isize)),
        Action::PageDown => move_by(state, page(state) as isize),
        Action::First => move_by(state, isize::MIN / 2),
        Action::Last => move_by(state, isize::MAX / 2),
        Action::Enter => enter(state),
        Action::Back => return back(state),
        Action::CycleSort => {}
        Action::OpenSearch | Action::OpenFilter | Action::OpenLaggards | Action::OpenHelp => {
            open_screen(state, action)
        }
        Action::Input(c) => type_into_search(state, Some(c)),
        Action::InputBackspace => type_into_search(state, None),
    }
    Effects::none()
}

/// The clock moved on: the header's clock, a notice that has had its time, presenter mode's next
/// slide.
fn tick(state: &mut State, now: super::Now) -> Effects {
    state.clock = Some(now.clock);
    state.now = now.mono;
    if state.notice.as_ref().is_some_and(|n| n.until <= now.mono) {
        state.notice = None;
    }
    let n = state.slides().len();
    let due = state.present.as_mut().and_then(|p| p.tick(now.mono, n));
    due.map(Effect::WakeAt).into()
}

/// A character typed into the search box (`None`: backspace); anywhere else it does nothing.
fn type_into_search(state: &mut State, c: Option<char>) {
    if state.route() != Route::Search {
        return;
    }
    let s = &mut state.screens.search;
    match c {
        Some(c) if c.is_control() || s.query.chars().count() >= 64 => return,
        Some(c) => s.query.push(c),
        None => {
            s.query.pop();
        }
    }
    s.hits = super::search(&state.board, &s.query);
    s.selected = 0;
}

/// Opens the search box, the filter chooser, the laggard list or help (help toggles).
fn open_screen(state: &mut State, action: Action) {
    let on = state.route();
    match action {
        Action::OpenSearch if on != Route::Search => {
            state.screens.search = Default::default();
            state.stack.push(Route::Search);
        }
        Action::OpenFilter if on != Route::Filter => {
            let choices = state.filter_choices();
            state.screens.filter.selected =
                choices.iter().position(|c| *c == state.filter).unwrap_or(0);
            state.stack.push(Route::Filter);
        }
        Action::OpenLaggards if on != Route::Laggards => {
            state.screens.laggards.selected = 0;
            state.stack.push(Route::Laggards);
        }
        Action::OpenHelp if on == Route::Help => {
            state.stack.pop();
        }
        Action::OpenHelp => {
            // From the slides, help opens at the presenter keys.
            state.screens.help.scroll = if state.present.is_some() {
                super::keymap::help_row(super::keymap::Scope::Present, state.county.is_some())
            } else {
                0
            };
            state.stack.push(Route::Help);
        }
        _ => {}
    }
}

/// Steps to the next or previous snapshot date. Works from a date between snapshots too (--at): the
/// next is the first after it, the previous the last before it.
fn step_date(state: &mut State, forward: bool) {
    if state.data.lines.is_empty() {
        // A county's town whose history has not arrived yet (or a folder with nothing loaded).
        return;
    }
    let dates = &state.data.dates;
    let Some(cur) = state.board.date else { return };
    let next = if forward {
        dates.partition_point(|d| *d <= cur)
    } else {
        dates.partition_point(|d| *d < cur).wrapping_sub(1)
    };
    if let Some(&d) = dates.get(next) {
        state.show_date(Some(d));
    } else {
        state.nothing(if forward {
            Nothing::LastDate
        } else {
            Nothing::FirstDate
        });
    }
}

/// Tab / Shift-Tab: the next line's panel from a line or an item, the next card on the overview.
fn next_line(state: &mut State, forward: bool) {
    let n = state.board.lines.len();
    if n == 0 {
        return;
    }
    let cur = state
        .current_line()
        .unwrap_or_else(|| state.overview_selected());
    let next = if forward {
        (cur + 1) % n
    } else {
        (cur + n - 1) % n
    };
    if state.current_line().is_some() {
        open_line(state, next);
    } else {
        state.select_overview(next);
    }
}

/// Esc: one screen back; in presenter mode, leave for the dashboard on the slide's screen (a town's
/// slide opens that town's dashboard).
fn back(state: &mut State) -> Effects {
    if state.present.is_some() && state.route() != Route::Help {
        let slide = state.slide();
        state.present = None;
        state.zoom = false;
        state.stack = state.town_base();
        match slide {
            Some(Slide::Line(l)) => state.stack.extend(state.board.line_id(l).map(Route::Line)),
            Some(Slide::Laggards) => state.stack.push(Route::Laggards),
            Some(Slide::Ranking) => state.stack = vec![Route::County],
            Some(Slide::Town(t)) => return super::county::open_town(state, t),
            Some(Slide::TownLine(t, l)) => {
                let fx = super::county::open_town(state, t);
                state.stack.extend(state.board.line_id(l).map(Route::Line));
                return fx;
            }
            _ => {}
        }
    } else if state.stack.len() > 1 {
        state.stack.pop();
    }
    Effects::none()
}

/// Opens line `n` from anywhere: the stack becomes overview → line.
fn open_line(state: &mut State, n: usize) {
    if let Some(id) = state.board.line_id(n) {
        state.stack = state.town_base();
        state.stack.push(Route::Line(id));
        state.select_overview(n);
    }
}

fn move_by(state: &mut State, delta: isize) {
    let route = state.route();
    let len = state.laggards.len();
    let scr = &mut state.screens;
    match route {
        Route::Laggards => scr.laggards.selected = step(scr.laggards.selected, delta, len),
        Route::Search => {
            let s = &mut scr.search;
            s.selected = step(s.selected, delta, s.hits.len())
        }
        Route::Item(_) => scr.item.scroll = step(scr.item.scroll, delta, 500),
        Route::Help => scr.help.scroll = step(scr.help.scroll, delta, 500),
        Route::Overview => {
            let l = step(state.overview_selected(), delta, state.board.lines.len());
            state.select_overview(l);
        }
        Route::Line(id) => {
            if let Some(l) = state.board.line_pos(&id) {
                let n = state.visible_items(l).len();
                let pos = step(state.line_selected(l), delta, n);
                state.select_line_row(l, pos);
            }
        }
        Route::Filter => {
            let n = state.filter_choices().len();
            state.screens.filter.selected = step(state.screens.filter.selected, delta, n)
        }
        // Handled by the county level.
        Route::County | Route::CountyLaggards | Route::CountySearch => {}
    }
}

/// Opens an item from anywhere: the stack becomes overview → its line → the item, so that Esc goes to
/// the item's own line whichever screen it was opened from.
fn open_item(state: &mut State, r: ItemRef) {
    if let Some(id) = state.board.item_id(r) {
        state.screens.item.scroll = 0;
        state.stack = state.town_base();
        state
            .stack
            .extend([Route::Line(id.line.clone()), Route::Item(id)]);
    }
}

fn enter(state: &mut State) {
    match state.route() {
        Route::Overview => {
            let n = state.overview_selected();
            if let Some(id) = state.board.line_id(n) {
                state.stack.push(Route::Line(id));
            }
        }
        Route::Line(id) => {
            if let Some(l) = state.board.line_pos(&id) {
                let vis = state.visible_items(l);
                if let Some(&i) = vis.get(state.line_selected(l)) {
                    open_item(state, ItemRef { line: l, item: i });
                }
            }
        }
        Route::Laggards => {
            if let Some(&r) = state.laggards.get(state.screens.laggards.selected) {
                open_item(state, r);
            }
        }
        Route::Search => {
            let s = &state.screens.search;
            if let Some(&r) = s.hits.get(s.selected) {
                // The search box closes; the hit opens on top of where the user was, and becomes the
                // selected row of its line when the filter shows it.
                state.stack.pop();
                if let Some(pos) = state
                    .visible_items(r.line)
                    .iter()
                    .position(|&i| i == r.item)
                {
                    state.select_line_row(r.line, pos);
                }
                open_item(state, r);
            }
        }
        Route::Filter => {
            let choices = state.filter_choices();
            if let Some(c) = choices.get(state.screens.filter.selected) {
                state.filter = c.clone();
                state.stack.pop();
                state.screens.lines.clear();
                state.screens.laggards.selected = 0;
                state.refresh();
            }
        }
        Route::Item(_) | Route::Help => {}
        Route::County | Route::CountyLaggards | Route::CountySearch => {}
    }
}

/// Feeds `keys` (a list as `render --keys` takes it) through the keymap and `update`, as the
/// runtime would; returns every effect asked for, in order, without performing them.
pub fn press_keys(state: &mut State, keys: &str) -> Result<Vec<super::Effect>, String> {
    let mut effects = Vec::new();
    for k in super::keymap::parse_keys(keys)? {
        if let Some(a) = super::keymap::action_for(state, &k) {
            effects.extend(update(state, a).iter());
        }
    }
    Ok(effects)
}
