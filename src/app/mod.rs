//! The application: state, the pure `update`, the keymap and the terminal event loop.

pub mod action;
pub mod keymap;
pub mod probe;
pub mod run;
pub mod tty;
pub mod update;

pub use action::Action;
pub use update::update;

use crate::cli::Lang;
use crate::model::board::{Board, ItemRef};
use crate::model::{Dataset, Light};
use crate::ui::theme::Theme;
use chrono::{NaiveDate, NaiveTime};

/// A screen on the route stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// 总览: one card per work line.
    Overview,
    /// One work line's panel.
    Line(usize),
    /// One item's detail.
    Item(ItemRef),
    /// 滞后清单.
    Laggards,
    /// Search every line.
    Search,
    /// Choose a filter.
    Filter,
    /// Help.
    Help,
}

/// A route by ids, to find the same screen again after the data changed.
#[derive(Debug, Clone)]
enum RouteKey {
    Same(Route),
    Line(String),
    Item(String, String),
}

/// A slide of presenter mode, in agenda order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The overview.
    Overview,
    /// One work line.
    Line(usize),
    /// The laggard list.
    Laggards,
}

/// Presenter mode (`--present [SECONDS]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    /// Index of the slide shown.
    pub slide: usize,
    /// Seconds per slide when advancing by itself.
    pub interval: Option<u64>,
    /// Seconds left on this slide.
    pub remaining: u64,
    /// Auto-advance paused (`p`).
    pub paused: bool,
}

/// A filter on items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Items with this light.
    Light(Light),
    /// Items whose 责任领导 (or line leader) is this.
    Leader(String),
    /// Items whose 责任单位 (or line office) is this.
    Office(String),
}

/// Selections of each list screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selections {
    /// Selected card on the overview.
    pub overview: usize,
    /// Selected row of each line panel.
    pub lines: Vec<usize>,
    /// Selected row of the laggard list.
    pub laggards: usize,
    /// Selected search hit.
    pub search: usize,
    /// Selected filter choice.
    pub filter: usize,
    /// Scroll offset of the item detail and help.
    pub scroll: usize,
}

/// Everything the dashboard shows; the view only reads it.
#[derive(Debug, Clone)]
pub struct State {
    /// The loaded data.
    pub data: Dataset,
    /// The data judged at the date on screen.
    pub board: Board,
    /// Interface language.
    pub lang: Lang,
    /// Colours and styles.
    pub theme: Theme,
    /// "Today", for the data's age.
    pub today: NaiveDate,
    /// Wall-clock time for the header clock; None hides it (renders, tests).
    pub clock: Option<NaiveTime>,
    /// Screen stack; never empty, the first is the overview.
    pub stack: Vec<Route>,
    /// Selections.
    pub sel: Selections,
    /// The search box.
    pub query: String,
    /// Search hits for `query`.
    pub hits: Vec<ItemRef>,
    /// The active filter.
    pub filter: Option<Filter>,
    /// The laggard list under the filter.
    pub laggards: Vec<ItemRef>,
    /// Terminal size (columns, rows), for paging.
    pub size: (u16, u16),
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Set by the `r` key; the event loop reloads the folder and clears it.
    pub reload_requested: bool,
    /// Set by Ctrl-Z; the event loop restores the terminal, stops, and redraws on resume.
    pub suspend_requested: bool,
    /// Presenter mode, when on.
    pub present: Option<Presenter>,
    /// The focused pane fills the screen (`z`).
    pub zoom: bool,
}

impl State {
    /// A new state showing the latest snapshot of `data`.
    pub fn new(data: Dataset, lang: Lang, today: NaiveDate) -> State {
        let board = Board::build(&data, data.latest_date());
        let mut s = State {
            sel: Selections {
                lines: vec![0; board.lines.len()],
                ..Selections::default()
            },
            board,
            data,
            lang,
            theme: Theme::dark(),
            today,
            clock: None,
            stack: vec![Route::Overview],
            query: String::new(),
            hits: Vec::new(),
            filter: None,
            laggards: Vec::new(),
            size: (80, 24),
            quit: false,
            reload_requested: false,
            suspend_requested: false,
            present: None,
            zoom: false,
        };
        s.refresh();
        s
    }

    /// Starts presenter mode; `interval` seconds per slide when it should advance by itself.
    pub fn start_presenting(&mut self, interval: Option<u64>) {
        let interval = interval.filter(|s| *s > 0);
        self.present = Some(Presenter {
            slide: 0,
            interval,
            remaining: interval.unwrap_or(0),
            paused: false,
        });
    }

    /// The slides in agenda order: overview, each line in the town's order, the laggard list.
    pub fn slides(&self) -> Vec<Slide> {
        let mut v = vec![Slide::Overview];
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

    /// Shows the data at `date` (None: the newest), keeping the screen and selections by line and item id.
    pub fn show_date(&mut self, date: Option<NaiveDate>) {
        let keys = self.route_keys();
        let sel_ids: Vec<(String, Option<String>)> = self
            .board
            .lines
            .iter()
            .enumerate()
            .map(|(l, line)| {
                let vis = self.visible_items(l);
                let item = self
                    .sel
                    .lines
                    .get(l)
                    .and_then(|&s| vis.get(s))
                    .map(|&i| line.items[i].item.id.clone());
                (line.id.clone(), item)
            })
            .collect();
        let overview_id = self
            .board
            .lines
            .get(self.sel.overview)
            .map(|l| l.id.clone());
        self.board = Board::build(&self.data, date);
        self.sel.lines = vec![0; self.board.lines.len()];
        self.refresh();
        for (line_id, item_id) in sel_ids {
            let Some(l) = self.line_index(&line_id) else {
                continue;
            };
            let vis = self.visible_items(l);
            if let Some(pos) = item_id.and_then(|id| {
                vis.iter()
                    .position(|&i| self.board.lines[l].items[i].item.id == id)
            }) {
                self.sel.lines[l] = pos;
            }
        }
        self.sel.overview = overview_id
            .and_then(|id| self.line_index(&id))
            .unwrap_or(0)
            .min(self.board.lines.len().saturating_sub(1));
        self.sel.laggards = self.sel.laggards.min(self.laggards.len().saturating_sub(1));
        self.restore_routes(keys);
    }

    /// Replaces the data (a reload), keeping the date on screen when it still exists, else the newest.
    pub fn replace_data(&mut self, data: Dataset) {
        let was_history = self.is_history();
        let date = self
            .board
            .date
            .filter(|d| was_history && data.dates.contains(d));
        self.data = data;
        self.show_date(date);
    }

    fn line_index(&self, id: &str) -> Option<usize> {
        self.board.lines.iter().position(|l| l.id == id)
    }

    fn route_keys(&self) -> Vec<RouteKey> {
        self.stack
            .iter()
            .map(|r| match r {
                Route::Line(l) => RouteKey::Line(
                    self.board
                        .lines
                        .get(*l)
                        .map(|x| x.id.clone())
                        .unwrap_or_default(),
                ),
                Route::Item(r) => RouteKey::Item(
                    self.board
                        .lines
                        .get(r.line)
                        .map(|x| x.id.clone())
                        .unwrap_or_default(),
                    self.board
                        .item(*r)
                        .map(|x| x.item.id.clone())
                        .unwrap_or_default(),
                ),
                other => RouteKey::Same(*other),
            })
            .collect()
    }

    fn restore_routes(&mut self, keys: Vec<RouteKey>) {
        let mut stack = Vec::new();
        for k in keys {
            let r = match k {
                RouteKey::Same(r) => Some(r),
                RouteKey::Line(id) => self.line_index(&id).map(Route::Line),
                RouteKey::Item(lid, iid) => self.line_index(&lid).and_then(|l| {
                    let i = self.board.lines[l]
                        .items
                        .iter()
                        .position(|x| x.item.id == iid)?;
                    Some(Route::Item(ItemRef { line: l, item: i }))
                }),
            };
            match r {
                Some(r) => stack.push(r),
                None => break,
            }
        }
        if stack.is_empty() {
            stack.push(Route::Overview);
        }
        self.stack = stack;
    }

    /// The screen on top of the stack.
    pub fn route(&self) -> Route {
        *self.stack.last().unwrap_or(&Route::Overview)
    }

    /// Recomputes what derives from the board, the filter and the query.
    pub fn refresh(&mut self) {
        self.sel.lines.resize(self.board.lines.len(), 0);
        self.laggards = self
            .board
            .laggards()
            .into_iter()
            .filter(|r| self.passes(*r))
            .collect();
        self.hits = search(&self.board, &self.query);
    }

    /// True when the item passes the active filter.
    pub fn passes(&self, r: ItemRef) -> bool {
        let Some(f) = &self.filter else { return true };
        let (Some(line), Some(item)) = (self.board.lines.get(r.line), self.board.item(r)) else {
            return false;
        };
        match f {
            Filter::Light(l) => item.judgement.light == *l,
            Filter::Leader(n) => item.item.leader.as_ref().or(line.leader.as_ref()) == Some(n),
            Filter::Office(n) => item.item.office.as_ref().or(line.office.as_ref()) == Some(n),
        }
    }

    /// Indices of the line's items that pass the filter.
    pub fn visible_items(&self, line: usize) -> Vec<usize> {
        let n = self.board.lines.get(line).map_or(0, |l| l.items.len());
        (0..n)
            .filter(|&i| self.passes(ItemRef { line, item: i }))
            .collect()
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
        for line in &self.board.lines {
            leaders.extend(line.leader.clone());
            offices.extend(line.office.clone());
            for i in &line.items {
                leaders.extend(i.item.leader.clone());
                offices.extend(i.item.office.clone());
            }
        }
        out.extend(leaders.into_iter().map(|l| Some(Filter::Leader(l))));
        out.extend(offices.into_iter().map(|o| Some(Filter::Office(o))));
        out
    }

    /// The line the user is looking at (from the route), if any.
    pub fn current_line(&self) -> Option<usize> {
        match self.route() {
            Route::Line(l) => Some(l),
            Route::Item(r) => Some(r.line),
            _ => self.stack.iter().rev().find_map(|r| match r {
                Route::Line(l) => Some(*l),
                Route::Item(r) => Some(r.line),
                _ => None,
            }),
        }
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
