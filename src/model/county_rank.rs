//! Reading a county's towns side by side: their light counts, staleness, key indicators, worst
//! laggard, the ranking orders and the laggard list across every town.

use super::board::{Board, ItemBoard, ItemRef};
use super::county::{County, TownEntry};
use super::status::Light;
use chrono::NaiveDate;

/// How the county overview orders its towns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most red items first (the ranking the meeting reads), then most amber.
    #[default]
    Red,
    /// Oldest data first.
    Staleness,
    /// The order of `county.json`.
    Name,
}

impl SortBy {
    /// The next order (`s` cycles through them).
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Red => SortBy::Staleness,
            SortBy::Staleness => SortBy::Name,
            SortBy::Name => SortBy::Red,
        }
    }

    /// The order's name.
    pub fn word(self, en: bool) -> &'static str {
        match (self, en) {
            (SortBy::Red, false) => "按红灯数",
            (SortBy::Staleness, false) => "按数据陈旧",
            (SortBy::Name, false) => "按县定顺序",
            (SortBy::Red, true) => "by red count",
            (SortBy::Staleness, true) => "by staleness",
            (SortBy::Name, true) => "in county order",
        }
    }
}

/// A town's light counts at its newest snapshot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Severely behind or overdue (红).
    pub red: usize,
    /// Behind (黄).
    pub amber: usize,
    /// Overdue (逾期), a part of `red`.
    pub overdue: usize,
}

/// The light counts of a board.
pub fn counts(board: &Board) -> Counts {
    let mut c = Counts::default();
    for l in &board.lines {
        c.red += l.red();
        c.amber += l.amber();
        c.overdue += l.count(Light::Overdue);
    }
    c
}

/// Days from a town's newest snapshot to `today` (None: no data).
pub fn age(t: &TownEntry, today: NaiveDate) -> Option<i64> {
    t.board.date.map(|d| (today - d).num_days())
}

/// The town's worst laggard (the first of its laggard list).
pub fn worst(t: &TownEntry) -> Option<ItemRef> {
    t.board.laggards().first().copied()
}

/// The town's key figures, at most `n`: its report's 主要指标 (the `"role": "indicators"` file) first,
/// in their order; then, when they are fewer than `n`, the items it marks as headline, else each
/// line's first item with a figure.
pub fn indicators(board: &Board, n: usize) -> Vec<&ItemBoard> {
    let reported = board
        .indicators
        .iter()
        .flat_map(|l| l.items.iter())
        .filter(|i| i.item.has_figures());
    let marked: Vec<&ItemBoard> = board
        .lines
        .iter()
        .flat_map(|l| l.items.iter())
        .filter(|i| i.item.headline && i.item.has_figures())
        .collect();
    let fallback: Vec<&ItemBoard> = if marked.is_empty() {
        board
            .lines
            .iter()
            .filter_map(|l| l.items.iter().find(|i| i.item.has_figures()))
            .collect()
    } else {
        marked
    };
    reported.chain(fallback).take(n).collect()
}

/// The towns' positions in the chosen order. Towns without data go last in every order but `Name`.
pub fn order(county: &County, by: SortBy, today: NaiveDate) -> Vec<usize> {
    let mut v: Vec<usize> = (0..county.towns.len()).collect();
    let t = &county.towns;
    match by {
        SortBy::Name => {}
        SortBy::Red => v.sort_by_key(|&i| {
            let c = counts(&t[i].board);
            (
                t[i].failure.is_some() || t[i].loading,
                std::cmp::Reverse(c.red),
                std::cmp::Reverse(c.amber),
                i,
            )
        }),
        SortBy::Staleness => v.sort_by_key(|&i| {
            (
                t[i].failure.is_some() || t[i].loading,
                std::cmp::Reverse(age(&t[i], today).unwrap_or(i64::MIN)),
                i,
            )
        }),
    }
    v
}

/// An item of one town.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TownItem {
    /// The town's position in `county.json`.
    pub town: usize,
    /// The item on that town's newest board.
    pub item: ItemRef,
}

/// Every town's laggards, worst first: by light, then gap to 序时进度, days left, then county order.
pub fn laggards(county: &County) -> Vec<TownItem> {
    let mut out: Vec<TownItem> = county
        .towns
        .iter()
        .enumerate()
        .flat_map(|(town, t)| {
            t.board
                .laggards()
                .into_iter()
                .map(move |item| TownItem { town, item })
        })
        .collect();
    let judgement = |x: &TownItem| {
        county.towns[x.town]
            .board
            .item(x.item)
            .map(|i| i.judgement.clone())
    };
    out.sort_by(|a, b| {
        let (Some(ja), Some(jb)) = (judgement(a), judgement(b)) else {
            return std::cmp::Ordering::Equal;
        };
        jb.light
            .severity()
            .cmp(&ja.light.severity())
            .then_with(|| {
                let (ga, gb) = (ja.gap_points.unwrap_or(0.0), jb.gap_points.unwrap_or(0.0));
                gb.partial_cmp(&ga).unwrap_or(std::cmp::Ordering::Equal)
            })
            .then_with(|| {
                ja.days_left
                    .unwrap_or(i64::MAX)
                    .cmp(&jb.days_left.unwrap_or(i64::MAX))
            })
            .then_with(|| {
                (a.town, a.item.line, a.item.item).cmp(&(b.town, b.item.line, b.item.item))
            })
    });
    out
}

/// A town's worst laggard: its light, item and line (`■ 严重滞后 禾源项目 (经济)`).
pub fn worst_text(town: &TownEntry) -> Option<(Light, String)> {
    let r = worst(town)?;
    let line = town.board.lines.get(r.line)?;
    let it = town.board.item(r)?;
    Some((
        it.judgement.light,
        format!("{}（{}）", it.item.label, line.short),
    ))
}
