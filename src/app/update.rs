//! The pure state transition: `update(&mut State, Action)`. No terminal, no I/O.

use super::{Action, Route, State};
use crate::model::board::ItemRef;

/// Rows a page key moves: the body height less the chrome.
fn page(state: &State) -> usize {
    (state.size.1 as usize).saturating_sub(6).max(1)
}

/// Applies one action to the state.
pub fn update(state: &mut State, action: Action) {
    match action {
        Action::Quit => state.quit = true,
        Action::Tick(t) => {
            state.clock = Some(t);
            let n = state.slides().len();
            if let Some(p) = state.present.as_mut() {
                if let (Some(every), false) = (p.interval, p.paused) {
                    p.remaining = p.remaining.saturating_sub(1);
                    if p.remaining == 0 {
                        p.slide = (p.slide + 1) % n;
                        p.remaining = every;
                    }
                }
            }
        }
        Action::NextSlide | Action::PrevSlide => {
            let n = state.slides().len();
            if let Some(p) = state.present.as_mut() {
                p.slide = if action == Action::NextSlide {
                    (p.slide + 1).min(n - 1)
                } else {
                    p.slide.saturating_sub(1)
                };
                p.remaining = p.interval.unwrap_or(0);
            }
        }
        Action::TogglePause => {
            if let Some(p) = state.present.as_mut() {
                p.paused = !p.paused;
            }
        }
        Action::ToggleZoom => state.zoom = !state.zoom,
        Action::Reload => state.reload_requested = true,
        Action::Suspend => state.suspend_requested = true,
        Action::PrevDate | Action::NextDate => {
            let dates = &state.data.dates;
            let Some(cur) = state.board.date else { return };
            // Works from a date between snapshots too (--at): the next is the first after it, the
            // previous the last before it.
            let next = if action == Action::NextDate {
                dates.partition_point(|d| *d <= cur)
            } else {
                dates.partition_point(|d| *d < cur).wrapping_sub(1)
            };
            if let Some(&d) = dates.get(next) {
                state.show_date(Some(d));
            }
        }
        Action::Resize(w, h) => state.size = (w, h),
        Action::JumpLine(n) => open_line(state, n),
        Action::NextLine | Action::PrevLine => {
            let n = state.board.lines.len();
            if n == 0 {
                return;
            }
            let cur = state.current_line().unwrap_or(state.sel.overview);
            let next = if action == Action::NextLine {
                (cur + 1) % n
            } else {
                (cur + n - 1) % n
            };
            if state.current_line().is_some() {
                open_line(state, next);
            } else {
                state.sel.overview = next;
            }
        }
        Action::Up => move_by(state, -1),
        Action::Down => move_by(state, 1),
        Action::PageUp => move_by(state, -(page(state) as isize)),
        Action::PageDown => move_by(state, page(state) as isize),
        Action::First => move_by(state, isize::MIN / 2),
        Action::Last => move_by(state, isize::MAX / 2),
        Action::Enter => enter(state),
        Action::Back if state.present.is_some() && state.route() != Route::Help => {
            // Esc leaves presenter mode for the dashboard, on the slide's screen.
            let slide = state.slide();
            state.present = None;
            state.zoom = false;
            state.stack = match slide {
                Some(crate::app::Slide::Line(l)) => vec![Route::Overview, Route::Line(l)],
                Some(crate::app::Slide::Laggards) => vec![Route::Overview, Route::Laggards],
                _ => vec![Route::Overview],
            };
        }
        Action::Back => {
            if state.stack.len() > 1 {
                state.stack.pop();
                state.sel.scroll = 0;
            }
        }
        Action::OpenSearch => {
            if state.route() != Route::Search {
                state.query.clear();
                state.hits.clear();
                state.sel.search = 0;
                state.stack.push(Route::Search);
            }
        }
        Action::OpenFilter => {
            if state.route() != Route::Filter {
                let choices = state.filter_choices();
                state.sel.filter = choices.iter().position(|c| *c == state.filter).unwrap_or(0);
                state.stack.push(Route::Filter);
            }
        }
        Action::OpenLaggards => {
            if state.route() != Route::Laggards {
                state.sel.laggards = 0;
                state.stack.push(Route::Laggards);
            }
        }
        Action::OpenHelp => {
            if state.route() == Route::Help {
                state.stack.pop();
            } else {
                state.sel.scroll = 0;
                state.stack.push(Route::Help);
            }
        }
        Action::Input(c) => {
            if state.route() == Route::Search && !c.is_control() && state.query.chars().count() < 64
            {
                state.query.push(c);
                state.hits = super::search(&state.board, &state.query);
                state.sel.search = 0;
            }
        }
        Action::InputBackspace => {
            if state.route() == Route::Search {
                state.query.pop();
                state.hits = super::search(&state.board, &state.query);
                state.sel.search = 0;
            }
        }
    }
}

/// Opens line `n` from anywhere: the stack becomes overview → line.
fn open_line(state: &mut State, n: usize) {
    if n < state.board.lines.len() {
        state.stack = vec![Route::Overview, Route::Line(n)];
        state.sel.overview = n;
        state.sel.scroll = 0;
    }
}

fn step(cur: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

fn move_by(state: &mut State, delta: isize) {
    match state.route() {
        Route::Overview => {
            state.sel.overview = step(state.sel.overview, delta, state.board.lines.len())
        }
        Route::Line(l) => {
            let n = state.visible_items(l).len();
            if let Some(s) = state.sel.lines.get_mut(l) {
                *s = step(*s, delta, n);
            }
        }
        Route::Laggards => {
            state.sel.laggards = step(state.sel.laggards, delta, state.laggards.len())
        }
        Route::Search => state.sel.search = step(state.sel.search, delta, state.hits.len()),
        Route::Filter => {
            state.sel.filter = step(state.sel.filter, delta, state.filter_choices().len())
        }
        Route::Item(_) | Route::Help => {
            state.sel.scroll = step(state.sel.scroll, delta, 500);
        }
    }
}

fn open_item(state: &mut State, r: ItemRef) {
    if state.board.item(r).is_some() {
        state.sel.scroll = 0;
        state.stack.push(Route::Item(r));
    }
}

fn enter(state: &mut State) {
    match state.route() {
        Route::Overview => {
            let n = state.sel.overview;
            if n < state.board.lines.len() {
                state.stack.push(Route::Line(n));
            }
        }
        Route::Line(l) => {
            let vis = state.visible_items(l);
            let sel = state.sel.lines.get(l).copied().unwrap_or(0);
            if let Some(&i) = vis.get(sel) {
                open_item(state, ItemRef { line: l, item: i });
            }
        }
        Route::Laggards => {
            if let Some(&r) = state.laggards.get(state.sel.laggards) {
                open_item(state, r);
            }
        }
        Route::Search => {
            if let Some(&r) = state.hits.get(state.sel.search) {
                // The search box closes; the hit opens on top of where the user was.
                state.stack.pop();
                let pos = state
                    .visible_items(r.line)
                    .iter()
                    .position(|&i| i == r.item);
                if let (Some(pos), Some(s)) = (pos, state.sel.lines.get_mut(r.line)) {
                    *s = pos;
                }
                open_item(state, r);
            }
        }
        Route::Filter => {
            let choices = state.filter_choices();
            if let Some(c) = choices.get(state.sel.filter) {
                state.filter = c.clone();
                state.stack.pop();
                state.sel.lines.iter_mut().for_each(|s| *s = 0);
                state.sel.laggards = 0;
                state.refresh();
            }
        }
        Route::Item(_) | Route::Help => {}
    }
}
