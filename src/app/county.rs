//! The county level above the town: the county overview, the laggard list and search across towns,
//! and opening a town, whose screens then work exactly as for a town folder.

use super::screens::step;
use super::{Action, Effect, Effects, Route, State};
use crate::model::board::{Board, ItemRef};
use crate::model::county::{County, TownEntry};
use crate::model::county_rank::{self, SortBy, TownItem};
use crate::model::{DataSource, Dataset};

/// The county's screens: their selections, the order, the lists across towns and the town open.
#[derive(Debug, Clone)]
pub struct CountyState {
    /// The loaded county.
    pub county: County,
    /// How the overview orders the towns.
    pub sort: SortBy,
    /// Town positions (in `county.json`) in the overview's order.
    pub order: Vec<usize>,
    /// The selected town (its position in `county.json`).
    pub selected: usize,
    /// Every town's laggards, worst first.
    pub laggards: Vec<TownItem>,
    /// The selected row of the county laggard list.
    pub lag_selected: usize,
    /// What was typed in the county search.
    pub query: String,
    /// Items of any town that match.
    pub hits: Vec<TownItem>,
    /// The selected hit.
    pub hit_selected: usize,
    /// The town whose dashboard is open (its position in `county.json`).
    pub open: Option<usize>,
}

impl CountyState {
    /// The county's screens at the start: ranked by red count, the first town selected.
    pub fn new(county: County, today: chrono::NaiveDate) -> CountyState {
        let mut c = CountyState {
            county,
            sort: SortBy::default(),
            order: Vec::new(),
            selected: 0,
            laggards: Vec::new(),
            lag_selected: 0,
            query: String::new(),
            hits: Vec::new(),
            hit_selected: 0,
            open: None,
        };
        c.refresh(today);
        c.selected = c.order.first().copied().unwrap_or(0);
        c
    }

    /// Recomputes the order, the lists and the hits; selections stay in range.
    pub fn refresh(&mut self, today: chrono::NaiveDate) {
        self.order = county_rank::order(&self.county, self.sort, today);
        self.laggards = county_rank::laggards(&self.county);
        self.hits = search(&self.county, &self.query);
        let n = self.county.towns.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        self.lag_selected = self.lag_selected.min(self.laggards.len().saturating_sub(1));
        self.hit_selected = self.hit_selected.min(self.hits.len().saturating_sub(1));
    }

    /// Position of the selected town in the overview's order.
    pub fn selected_pos(&self) -> usize {
        self.order
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0)
    }

    /// The board of town `t` (its newest snapshot).
    pub fn board(&self, t: usize) -> Option<&Board> {
        self.county.towns.get(t).map(|x| &x.board)
    }
}

/// Items of every town whose label, owner, office or source contains `query`, in county order.
pub fn search(county: &County, query: &str) -> Vec<TownItem> {
    county
        .towns
        .iter()
        .enumerate()
        .flat_map(|(town, t)| {
            super::search(&t.board, query)
                .into_iter()
                .map(move |item| TownItem { town, item })
        })
        .collect()
}

/// The data of a county before any town is open: no lines, the county folder as its source.
pub fn no_town(county: &County) -> Dataset {
    Dataset {
        source: DataSource::Folder(county.dir.clone()),
        town: crate::model::Town {
            name: county.name.clone().into(),
            ..Default::default()
        },
        lines: Vec::new(),
        dates: Vec::new(),
        problems: Vec::new(),
        files: 0,
        older_pending: false,
        failed: Vec::new(),
    }
}

/// True for the routes of the county level.
pub fn is_county_route(r: &Route) -> bool {
    matches!(
        r,
        Route::County | Route::CountyLaggards | Route::CountySearch
    )
}

/// Handles `action` on a county screen; None when the action is the town level's (or the common
/// runtime's: quit, reload, help, ticks).
pub fn update(state: &mut State, action: Action) -> Option<Effects> {
    let route = state.route();
    if !is_county_route(&route) || state.present.is_some() {
        return None;
    }
    let today = state.today;
    let page = (state.size.1 as usize).saturating_sub(6).max(1) as isize;
    let c = state.county.as_mut()?;
    match action {
        Action::Up => move_by(c, &route, -1),
        Action::Down => move_by(c, &route, 1),
        Action::PageUp => move_by(c, &route, -page),
        Action::PageDown => move_by(c, &route, page),
        Action::First => move_by(c, &route, isize::MIN / 2),
        Action::Last => move_by(c, &route, isize::MAX / 2),
        Action::CycleSort if route == Route::County => {
            c.sort = c.sort.next();
            c.refresh(today);
        }
        Action::OpenLaggards if route != Route::CountyLaggards => {
            c.lag_selected = 0;
            state.stack.push(Route::CountyLaggards);
        }
        Action::OpenSearch if route != Route::CountySearch => {
            c.query.clear();
            c.hits.clear();
            c.hit_selected = 0;
            state.stack.push(Route::CountySearch);
        }
        Action::Input(ch)
            if route == Route::CountySearch && !ch.is_control() && c.query.chars().count() < 64 =>
        {
            c.query.push(ch);
            c.hits = search(&c.county, &c.query);
            c.hit_selected = 0;
        }
        Action::InputBackspace if route == Route::CountySearch => {
            c.query.pop();
            c.hits = search(&c.county, &c.query);
            c.hit_selected = 0;
        }
        Action::Back if state.stack.len() > 1 => {
            state.stack.pop();
        }
        Action::Enter => return Some(enter(state, &route)),
        Action::Quit
        | Action::Reload
        | Action::Suspend
        | Action::OpenHelp
        | Action::ToggleZoom
        | Action::Tick(_)
        | Action::Resize(..)
        | Action::NextSlide
        | Action::PrevSlide
        | Action::TogglePause => return None,
        _ => {}
    }
    Some(Effects::none())
}

fn move_by(c: &mut CountyState, route: &Route, delta: isize) {
    match route {
        Route::County => {
            let pos = step(c.selected_pos(), delta, c.order.len());
            c.selected = c.order.get(pos).copied().unwrap_or(0);
        }
        Route::CountyLaggards => c.lag_selected = step(c.lag_selected, delta, c.laggards.len()),
        _ => c.hit_selected = step(c.hit_selected, delta, c.hits.len()),
    }
}

fn enter(state: &mut State, route: &Route) -> Effects {
    let Some(c) = state.county.as_ref() else {
        return Effects::none();
    };
    let target = match route {
        Route::County => return open_town(state, c.selected),
        Route::CountyLaggards => c.laggards.get(c.lag_selected).copied(),
        _ => c.hits.get(c.hit_selected).copied(),
    };
    let Some(TownItem { town, item }) = target else {
        return Effects::none();
    };
    if *route == Route::CountySearch {
        // The search box closes; the hit opens on top of where the user was.
        state.stack.pop();
    }
    let keep = state.stack.clone();
    let fx = open_town(state, town);
    if fx.is_empty() {
        return fx;
    }
    open_item_over(state, keep, item);
    fx
}

/// Shows item `r` of the open town over the county screens `keep` (Esc returns to them).
fn open_item_over(state: &mut State, keep: Vec<Route>, r: ItemRef) {
    if let Some(id) = state.board.item_id(r) {
        state.stack = keep;
        state.stack.push(Route::Item(id));
    }
}

/// Opens town `t`'s dashboard from its board at once (its newest snapshot against the one before), and asks the runtime for its whole
/// history (which replaces the data, keeping routes by id, when it arrives).
pub fn open_town(state: &mut State, t: usize) -> Effects {
    let Some(c) = state.county.as_mut() else {
        return Effects::none();
    };
    let Some(town) = c.county.towns.get(t) else {
        return Effects::none();
    };
    if town.failure.is_some() {
        // Nothing of it loaded: its row says why (an opened dashboard would be empty). The county
        // shows with that row selected — also when Esc leaves its slide.
        let name = town.name.clone();
        c.selected = t;
        state.stack = vec![Route::County];
        state.say(match state.lang {
            crate::model::Lang::Zh => {
                format!("{name}未能加载，原因见其所在行（huibao validate 列出全部问题）")
            }
            crate::model::Lang::En => {
                format!(
                    "{name} did not load: its row says why (huibao validate lists every problem)"
                )
            }
        });
        return Effects::none();
    }
    let Some(mut data) = town.data.clone() else {
        if town.loading {
            let name = town.name.clone();
            state.say(match state.lang {
                crate::model::Lang::Zh => format!("{name}仍在加载，稍后再打开"),
                crate::model::Lang::En => format!("{name} is still loading; open it in a moment"),
            });
        }
        return Effects::none();
    };
    // Its snapshots were let go once its board was built: no other date can be shown until its
    // whole history arrives.
    data.dates.retain(|d| Some(*d) == town.board.date);
    c.open = Some(t);
    c.selected = t;
    state.all = town.board.clone();
    state.data = data;
    state.screens = Default::default();
    state.filter = None;
    state.zoom = false;
    state.stack = vec![Route::County, Route::Overview];
    state.refresh();
    Effects::one(Effect::LoadTown(t))
}

/// Row `t` of the county loaded (behind the first frame): the row fills in, the order and the lists
/// follow, the selection stays on its town. The board is copied here, off the loading thread's heap,
/// whose pages then free whole when that thread ends (see `model::load::compact`).
pub fn town_loaded(state: &mut State, t: usize, row: TownEntry) {
    let today = state.today;
    let Some(c) = state.county.as_mut() else {
        return;
    };
    let row = TownEntry {
        board: row.board.clone(),
        ..row
    };
    c.county.set_row(t, row);
    c.refresh(today);
}

/// The whole history of town `t` arrived: it replaces the newest snapshots shown (keeping routes by
/// id, and the county's `--at` date) when the town is still open. Returns true when it did.
pub fn history_arrived(state: &mut State, t: usize, mut fresh: Dataset) -> bool {
    let Some(c) = state.county.as_deref() else {
        return false;
    };
    if c.open != Some(t) {
        return false;
    }
    let date = c
        .county
        .at
        .and(c.county.towns.get(t).and_then(|x| x.board.date));
    crate::model::load::keep_last_good(&mut fresh, &state.data);
    state.replace_data(fresh);
    if date.is_some() {
        state.show_date(date);
    }
    true
}

/// After the county folder was loaded again: the new county, the order and lists, and a fresh load of
/// the open town.
pub fn replace_county(state: &mut State, county: County) -> Effects {
    let today = state.today;
    let Some(c) = state.county.as_mut() else {
        return Effects::none();
    };
    c.county = county;
    c.refresh(today);
    match c.open {
        Some(t) if t < c.county.towns.len() => Effects::one(Effect::LoadTown(t)),
        _ => Effects::none(),
    }
}
