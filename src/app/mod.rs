//! The application: state per screen, the pure `update` returning effects, the keymap and the runtime.

pub mod action;
mod behind;
mod cells;
pub mod clock;
pub mod county;
pub mod county_load;
pub mod county_watch;
pub mod effects;
pub mod exit;
pub mod frame;
pub mod grid;
mod hangup;
pub mod keymap;
mod late;
mod loader;
pub mod notice;
pub mod paint;
pub mod present;
pub mod probe;
mod route;
pub mod run;
pub mod screens;
pub mod signals;
pub mod tty;
mod typeahead;
pub mod update;

pub use action::{Action, Now};
pub use effects::{Effect, Effects};
pub use present::{Presenter, Slide};
pub use route::{Filter, Route};
pub use screens::Screens;
pub use update::update;

use crate::look::Look;
use crate::model::board::{Board, ItemRef};
use crate::model::{Dataset, Lang, Light};
use chrono::{NaiveDate, NaiveTime};
use std::time::Duration;

/// Everything the dashboard shows; the view only reads it.
#[derive(Debug, Clone)]
pub struct State {
    /// The loaded data.
    pub data: Dataset,
    /// The data judged at the date on screen, under the filter: what every screen shows.
    pub board: Board,
    /// The data judged at the date on screen, every item (the filter's choices; what it hides).
    pub all: Board,
    /// Interface language.
    pub lang: Lang,
    /// Which theme at which colour depth; the view makes the styles.
    pub look: Look,
    /// "Today", for the data's age.
    pub today: NaiveDate,
    /// Wall-clock time for the header clock; None hides it (renders, tests).
    pub clock: Option<NaiveTime>,
    /// Monotonic time of the last tick, since the runtime started.
    pub now: Duration,
    /// Screen stack; never empty, the first is the overview.
    pub stack: Vec<Route>,
    /// Each screen's selection and scroll.
    pub screens: Screens,
    /// The active filter.
    pub filter: Option<Filter>,
    /// The laggard list under the filter.
    pub laggards: Vec<ItemRef>,
    /// Terminal size (columns, rows), for paging.
    pub size: (u16, u16),
    /// Presenter mode, when on.
    pub present: Option<Presenter>,
    /// The focused pane fills the screen (`z`).
    pub zoom: bool,
    /// A message in the footer for a moment (a key that did nothing, a reload).
    pub notice: Option<notice::Notice>,
    /// The county level, when the data folder is a county's.
    pub county: Option<Box<county::CountyState>>,
}

impl State {
    /// A new state showing the latest snapshot of `data`.
    pub fn new(data: Dataset, lang: Lang, today: NaiveDate) -> State {
        let mut s = State {
            all: Board::build(&data, data.latest_date()),
            // Filled by `refresh` from `all` (one copy of the board, not two).
            board: Board::default(),
            data,
            lang,
            look: Look::default(),
            today,
            clock: None,
            now: Duration::ZERO,
            stack: vec![Route::Overview],
            screens: Screens::default(),
            filter: None,
            laggards: Vec::new(),
            size: (80, 24),
            present: None,
            zoom: false,
            notice: None,
            county: None,
        };
        s.refresh();
        s
    }

    /// A new state on the county overview; a town's dashboard opens from it.
    pub fn new_county(county: crate::model::county::County, lang: Lang, today: NaiveDate) -> State {
        let mut s = State::new(county::no_town(&county), lang, today);
        s.county = Some(Box::new(county::CountyState::new(county, today)));
        s.stack = vec![Route::County];
        s
    }

    /// The bottom of the stack under a town's screens: its overview, above the county when there is one.
    pub fn town_base(&self) -> Vec<Route> {
        if self.county.is_some() {
            vec![Route::County, Route::Overview]
        } else {
            vec![Route::Overview]
        }
    }

    /// True when the county's screens are shown (no town open on the stack; help may be on top).
    pub fn on_county(&self) -> bool {
        self.county.is_some()
            && !self
                .stack
                .iter()
                .any(|r| matches!(r, Route::Overview | Route::Line(_) | Route::Item(_)))
    }

    /// Starts presenter mode; `interval` seconds per slide when it should advance by itself.
    pub fn start_presenting(&mut self, interval: Option<u64>) {
        self.present = Some(Presenter::new(interval, self.now));
    }

    /// The slides in agenda order: overview, each line in the town's order, the laggard list.
    pub fn slides(&self) -> Vec<Slide> {
        if let Some(c) = &self.county {
            // The county's agenda: the ranking, then each town in the county's order with its lines.
            let mut v = vec![Slide::Ranking];
            for (t, town) in c.county.towns.iter().enumerate() {
                v.push(Slide::Town(t));
                if town.failure.is_none() {
                    v.extend((0..town.board.lines.len()).map(|l| Slide::TownLine(t, l)));
                }
            }
            return v;
        }
        let mut v = vec![Slide::Overview];
        if self.board.indicators.is_some() {
            v.push(Slide::Indicators);
        }
        v.extend((0..self.board.lines.len()).map(Slide::Line));
        v.push(Slide::Laggards);
        v
    }

    /// The slide on screen in presenter mode.
    pub fn slide(&self) -> Option<Slide> {
        let p = self.present.as_ref()?;
        let slides = self.slides();
        slides.get(p.slide.min(slides.len() - 1)).copied()
    }

    /// True when the date on screen is not the newest snapshot (历史).
    pub fn is_history(&self) -> bool {
        self.board.date.is_some() && self.board.date != self.data.latest_date()
    }

    /// Shows the data at `date` (None: the newest). Routes and selections name lines and items by id,
    /// so they carry over; the stack is cut at the first screen whose line or item is gone.
    pub fn show_date(&mut self, date: Option<NaiveDate>) {
        self.all = Board::build(&self.data, date);
        self.refresh();
    }

    /// Cuts the stack at the first screen whose line or item the board no longer shows.
    fn keep_routes(&mut self) {
        let keep = self
            .stack
            .iter()
            .take_while(|r| match r {
                Route::Line(id) => self.board.line_pos(id).is_some(),
                Route::Item(id) => self.board.find(id).is_some(),
                _ => true,
            })
            .count()
            .max(1);
        self.stack.truncate(keep);
        if self.stack.is_empty() {
            self.stack = self.town_base();
        }
        let lag = &mut self.screens.laggards.selected;
        *lag = (*lag).min(self.laggards.len().saturating_sub(1));
    }

    /// Replaces the data (a reload), keeping the date on screen when it still exists, else the newest.
    /// Returns the data it replaced, for the caller to drop when it suits (after drawing: freeing
    /// a long history takes milliseconds).
    pub fn replace_data(&mut self, data: Dataset) -> Dataset {
        let was_history = self.is_history();
        // The history arriving behind the first frame is not a reload: the header's 载入历史中…
        // going is what says so.
        let filling = self.data.older_pending;
        let date = self
            .board
            .date
            .filter(|d| was_history && data.dates.contains(d));
        let old = std::mem::replace(&mut self.data, data);
        self.show_date(date);
        if filling {
            return old;
        }
        let n = self.data.files;
        let text = match self.lang {
            Lang::Zh => format!("已重新加载 {n}个文件"),
            Lang::En => format!("reloaded {n} files"),
        };
        self.say(text);
        old
    }

    /// Shows `text` in the footer for a moment.
    pub fn say(&mut self, text: String) {
        self.notice = Some(notice::Notice {
            text,
            until: self.now + notice::NOTICE_FOR,
        });
    }

    /// Says in the footer why a key did nothing.
    pub fn nothing(&mut self, why: notice::Nothing) {
        self.say(why.text(self.lang));
    }

    /// The screen on top of the stack.
    pub fn route(&self) -> Route {
        self.stack.last().cloned().unwrap_or(Route::Overview)
    }

    /// Recomputes what derives from the date's board, the filter and the query: the filtered board
    /// every screen reads, the laggard list and the search hits; screens showing what the filter
    /// now hides are left.
    pub fn refresh(&mut self) {
        self.board = match &self.filter {
            None => self.all.clone(),
            Some(f) => self.all.filtered(|line, it| f.keeps(line, it)),
        };
        self.laggards = self
            .board
            .laggards()
            .into_iter()
            .filter(|r| self.passes(*r))
            .collect();
        self.screens.search.hits = search(&self.board, &self.screens.search.query);
        self.keep_routes();
    }

    /// True when the item passes the active filter.
    pub fn passes(&self, r: ItemRef) -> bool {
        let Some(f) = &self.filter else { return true };
        let (Some(line), Some(item)) = (self.board.lines.get(r.line), self.board.item(r)) else {
            return false;
        };
        f.keeps(line, item)
    }

    /// How many items the filter hides at the date on screen.
    pub fn hidden(&self) -> usize {
        self.all.item_count() - self.board.item_count()
    }

    /// Indices of the line's items that pass the filter.
    pub fn visible_items(&self, line: usize) -> Vec<usize> {
        let n = self.board.lines.get(line).map_or(0, |l| l.items.len());
        (0..n)
            .filter(|&i| self.passes(ItemRef { line, item: i }))
            .collect()
    }

    /// Position of the selected card on the overview.
    pub fn overview_selected(&self) -> usize {
        let sel = self.screens.overview.selected.as_ref();
        sel.and_then(|id| self.board.line_pos(id)).unwrap_or(0)
    }

    /// Selects the card at position `l` on the overview.
    pub fn select_overview(&mut self, l: usize) {
        self.screens.overview.selected = self.board.line_id(l);
    }

    /// The selected row of line `l`'s panel: a position among its visible items.
    pub fn line_selected(&self, l: usize) -> usize {
        let Some(line) = self.board.lines.get(l) else {
            return 0;
        };
        let screen = self
            .board
            .line_id(l)
            .and_then(|id| self.screens.lines.get(&id));
        let Some(item) = screen.and_then(|s| s.selected.as_ref()) else {
            return 0;
        };
        self.visible_items(l)
            .iter()
            .position(|&i| line.items[i].item.id == *item)
            .unwrap_or(0)
    }

    /// Selects row `pos` (a position among the visible items) of line `l`'s panel.
    pub fn select_line_row(&mut self, l: usize, pos: usize) {
        let (Some(id), Some(&i)) = (self.board.line_id(l), self.visible_items(l).get(pos)) else {
            return;
        };
        let item = self.board.lines[l].items[i].item.id.clone();
        self.screens.lines.entry(id).or_default().selected = Some(item.into());
    }

    /// The choices of the filter screen: clear, each light, each leader and office in the data.
    pub fn filter_choices(&self) -> Vec<Option<Filter>> {
        let mut out = vec![None];
        for l in [
            Light::Overdue,
            Light::SeverelyBehind,
            Light::Behind,
            Light::OnTrack,
            Light::Done,
        ] {
            out.push(Some(Filter::Light(l)));
        }
        let mut leaders = std::collections::BTreeSet::new();
        let mut offices = std::collections::BTreeSet::new();
        for line in &self.all.lines {
            leaders.extend(line.leader.clone());
            offices.extend(line.office.clone());
            for i in &line.items {
                leaders.extend(i.item.leader.clone().map(String::from));
                offices.extend(i.item.office.clone().map(String::from));
            }
        }
        out.extend(leaders.into_iter().map(|l| Some(Filter::Leader(l))));
        out.extend(offices.into_iter().map(|o| Some(Filter::Office(o))));
        out
    }

    /// Position of the line a route shows, if it shows one.
    pub fn line_of(&self, route: &Route) -> Option<usize> {
        match route {
            Route::Line(id) => self.board.line_pos(id),
            Route::Item(id) => self.board.line_pos(&id.line),
            _ => None,
        }
    }

    /// The line the user is looking at (from the route), if any.
    pub fn current_line(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|r| self.line_of(r))
    }
}

/// Items whose label, owner, office or source sentence contains `query` (case-insensitive).
pub fn search(board: &Board, query: &str) -> Vec<ItemRef> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let has = |s: &str| s.to_lowercase().contains(&q);
    let mut out = Vec::new();
    for (l, line) in board.lines.iter().enumerate() {
        for (i, it) in line.items.iter().enumerate() {
            let x = &it.item;
            let hit = has(&x.label)
                || has(&x.source)
                || x.leader.as_deref().is_some_and(has)
                || x.office.as_deref().is_some_and(has)
                || line.leader.as_deref().is_some_and(has)
                || line.office.as_deref().is_some_and(has);
            if hit {
                out.push(ItemRef { line: l, item: i });
            }
        }
    }
    out
}
