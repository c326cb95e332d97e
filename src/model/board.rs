//! The board: every line's items judged at one snapshot date, ready for any screen or export to read.

use super::diag::Diagnostic;
use super::format::Thresholds;
use super::history::{item_changes, removed_items, Change, QuantityKey};
use super::item::Item;
use super::line_file::LineFile;
use super::line_file::LineRole;
use super::load::{Dataset, Failed, LineHistory};
use super::status::{judge_in, Judgement, Light};
use chrono::NaiveDate;

/// One item with its judgement.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemBoard {
    /// The item as loaded.
    pub item: Item,
    /// Its title of group (the report's sub-heading).
    pub group: String,
    /// Progress, 序时进度 and light at the line's as-of date.
    pub judgement: Judgement,
    /// Change of each quantity since the line's previous snapshot (empty when there is none).
    pub changes: Vec<(QuantityKey, Change)>,
}

impl ItemBoard {
    /// The change of the main quantity (the first one), when there is a previous snapshot.
    pub fn main_change(&self) -> Option<Change> {
        self.changes.first().map(|(_, c)| *c)
    }
}

/// One work line at the board's date.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBoard {
    /// Stable id.
    pub id: String,
    /// Short name for tabs and cards.
    pub short: String,
    /// Full title.
    pub title: String,
    /// The as-of date of the file shown.
    pub as_of: NaiveDate,
    /// The file's path.
    pub path: String,
    /// Owner office, when stated.
    pub office: Option<String>,
    /// Leader in charge, when stated.
    pub leader: Option<String>,
    /// The line has no file at the board's date; an earlier one is shown (未更新).
    pub carried: bool,
    /// Items in report order, with their group titles.
    pub items: Vec<ItemBoard>,
    /// The date of the previous snapshot the changes are against.
    pub prev_date: Option<NaiveDate>,
    /// Items of the previous snapshot that are gone (已移除).
    pub removed: Vec<Item>,
    /// The line's file at the board's date failed to load: why, and where. The items shown (if any)
    /// are then its last good version (旧版).
    pub broken: Option<Diagnostic>,
    /// A work line, or the report's key indicators.
    pub role: LineRole,
}

impl LineBoard {
    /// The heading to show for `group`: none for an untitled group, nor for one titled as its line
    /// (an imported sheet's only group takes the sheet's title, which the line already shows).
    pub fn group_heading<'a>(&self, group: &'a str) -> Option<&'a str> {
        let g = group.trim();
        (!g.is_empty() && g != self.title.trim() && g != self.short.trim()).then_some(group)
    }

    fn build(
        file: &LineFile,
        path: &str,
        prev: Option<(NaiveDate, &LineFile)>,
        carried: bool,
        th: &Thresholds,
    ) -> Self {
        let as_of = file.as_of.date();
        let items = file
            .groups
            .iter()
            .flat_map(|g| {
                g.items.iter().map(move |it| ItemBoard {
                    item: it.clone(),
                    group: g.title.clone().into(),
                    judgement: judge_in(it, g.period.as_ref().or(file.period.as_ref()), as_of, th),
                    changes: match prev {
                        Some((_, p)) => item_changes(p.items().find(|x| x.id == it.id), it),
                        None => Vec::new(),
                    },
                })
            })
            .collect();
        LineBoard {
            id: file.id.clone().into(),
            short: file.short_name().to_string(),
            title: file.title.clone().into(),
            as_of,
            path: path.to_string(),
            office: file.office.clone().map(Into::into),
            leader: file.leader.clone().map(Into::into),
            carried,
            items,
            prev_date: prev.map(|(d, _)| d),
            removed: prev
                .map(|(_, p)| removed_items(p, file))
                .unwrap_or_default(),
            broken: None,
            role: file.role,
        }
    }

    /// A line none of whose files up to the board's date loaded: it keeps its place, with no items.
    fn unloaded(id: &str, failed: &Failed) -> Self {
        let name = failed.name.clone().unwrap_or_else(|| id.to_string());
        LineBoard {
            id: id.to_string(),
            short: name.clone(),
            title: name,
            as_of: failed.date,
            path: failed.problem.path.clone(),
            office: None,
            leader: None,
            carried: false,
            items: Vec::new(),
            prev_date: None,
            removed: Vec::new(),
            broken: Some(failed.problem.clone()),
            role: LineRole::Work,
        }
    }

    /// True when the items shown are an older version than the line's newest file (which failed).
    pub fn is_old(&self) -> bool {
        self.broken.is_some() && !self.items.is_empty()
    }

    /// How many quantities moved or appeared since the previous snapshot.
    pub fn changed(&self) -> usize {
        self.items
            .iter()
            .flat_map(|i| i.changes.iter())
            .filter(|(_, c)| c.is_change())
            .count()
    }

    /// How many items carry each light.
    pub fn count(&self, light: Light) -> usize {
        self.items
            .iter()
            .filter(|i| i.judgement.light == light)
            .count()
    }

    /// Red items: severely behind or overdue.
    pub fn red(&self) -> usize {
        self.count(Light::SeverelyBehind) + self.count(Light::Overdue)
    }

    /// Amber items: behind.
    pub fn amber(&self) -> usize {
        self.count(Light::Behind)
    }

    /// The items for the overview card and the brief, chosen by rule (reports have no `headline`
    /// flags): every item with a figure when there are at most `max`; otherwise the most interesting
    /// (see [`ItemBoard::interest`]: laggards, lights, deadlines, targets, changes, money, growth),
    /// shown in report order; and how many more there are.
    pub fn chosen(&self, max: usize) -> (Vec<&ItemBoard>, usize) {
        let with: Vec<&ItemBoard> = self.items.iter().filter(|i| i.item.has_figures()).collect();
        if with.len() <= max {
            return (with, 0);
        }
        let mut ranked = with.clone();
        ranked.sort_by_key(|i| std::cmp::Reverse(i.interest()));
        ranked.truncate(max);
        // Back in report order.
        let shown: Vec<&ItemBoard> = with
            .iter()
            .copied()
            .filter(|i| ranked.iter().any(|r| std::ptr::eq(*r, *i)))
            .collect();
        let more = with.len() - shown.len();
        (shown, more)
    }
}

impl ItemBoard {
    /// How much a leader wants to see this item first: one point for each of a light, a deadline,
    /// a target, a change since last time, money (a project, or a figure in 万元/亿元) and a growth;
    /// three more for a laggard.
    pub fn interest(&self) -> u8 {
        let figs = &self.item.figures;
        let light = self.judgement.light;
        [
            light != Light::None,
            light.is_laggard(),
            light.is_laggard(),
            light.is_laggard(),
            self.judgement.deadline.is_some(),
            figs.iter().any(|f| f.target.is_some()),
            self.changes.iter().any(|(_, c)| c.is_change()),
            self.item.project().is_some()
                || figs
                    .iter()
                    .any(|f| super::numbers::wan_factor(&f.unit).is_some()),
            figs.iter().any(|f| f.growth.is_some()),
        ]
        .into_iter()
        .filter(|b| *b)
        .count() as u8
    }
}

/// A work line's stable id (the `id` of its files), the same in every snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineId(pub String);

impl LineId {
    /// The id as written in the data.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An item's stable id: its line's id and its own id within the line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    /// The line the item belongs to.
    pub line: LineId,
    /// The item's id within the line.
    pub item: String,
}

/// Where an item sits on the board (indexes, valid only for the board they were taken from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemRef {
    /// Index of the line.
    pub line: usize,
    /// Index of the item within the line.
    pub item: usize,
}

/// Every line judged at one date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    /// The snapshot date on screen.
    pub date: Option<NaiveDate>,
    /// Lines in meeting order.
    pub lines: Vec<LineBoard>,
    /// The report's key indicators (主要指标: a file with `"role": "indicators"`), shown as a strip on
    /// the overview and a slide, never as a work line.
    pub indicators: Option<LineBoard>,
}

impl Board {
    /// Builds the board at `date` (default: the newest snapshot date): each line's newest file on or before
    /// it, compared with that line's snapshot before it. A line with no file at `date` is carried forward.
    pub fn build(ds: &Dataset, date: Option<NaiveDate>) -> Board {
        let th = ds.town.thresholds;
        // A newest file that failed still dates the board, so its line shows as broken.
        let newest_failed = ds.failed.iter().map(|(_, f)| f.date).max();
        let date = date.or(ds.latest_date().max(newest_failed));
        let (indicators, lines): (Vec<LineBoard>, Vec<LineBoard>) = ds
            .agenda()
            .into_iter()
            .filter_map(|id| {
                let failed = ds.failed_at(id, date);
                match ds.line(id) {
                    Some(l) => Self::line_at(l, date, failed, &th),
                    None => failed.map(|f| LineBoard::unloaded(id, f)),
                }
            })
            .partition(|l| l.role == LineRole::Indicators);
        Board {
            date,
            lines,
            indicators: indicators.into_iter().next(),
        }
    }

    fn line_at(
        l: &LineHistory,
        date: Option<NaiveDate>,
        failed: Option<&Failed>,
        th: &Thresholds,
    ) -> Option<LineBoard> {
        let snap = match date {
            Some(d) => l.at(d),
            None => Some(l.latest()),
        };
        let Some(snap) = snap else {
            return failed.map(|f| LineBoard::unloaded(&l.id, f));
        };
        let carried = failed.is_none() && date.is_some_and(|d| snap.date < d);
        let prev = l.before(snap.date).map(|p| (p.date, &*p.file));
        let mut board = LineBoard::build(&snap.file, &snap.path, prev, carried, th);
        board.broken = failed.map(|f| f.problem.clone());
        Some(board)
    }

    /// The board with only the items `keep` accepts; every line keeps its place (an empty line stays).
    pub fn filtered(&self, keep: impl Fn(&LineBoard, &ItemBoard) -> bool) -> Board {
        let lines = self
            .lines
            .iter()
            .map(|l| LineBoard {
                items: l.items.iter().filter(|i| keep(l, i)).cloned().collect(),
                ..l.clone()
            })
            .collect();
        Board {
            date: self.date,
            lines,
            indicators: self.indicators.clone(),
        }
    }

    /// How many items the board holds, on every line.
    pub fn item_count(&self) -> usize {
        self.lines.iter().map(|l| l.items.len()).sum()
    }

    /// The position of the line with this id.
    pub fn line_pos(&self, id: &LineId) -> Option<usize> {
        self.lines.iter().position(|l| l.id == id.0)
    }

    /// The id of the line at position `l`.
    pub fn line_id(&self, l: usize) -> Option<LineId> {
        self.lines.get(l).map(|x| LineId(x.id.clone()))
    }

    /// Where the item with this id sits on this board.
    pub fn find(&self, id: &ItemId) -> Option<ItemRef> {
        let line = self.line_pos(&id.line)?;
        let item = self.lines[line]
            .items
            .iter()
            .position(|x| x.item.id == id.item)?;
        Some(ItemRef { line, item })
    }

    /// The stable id of the item at `r`.
    pub fn item_id(&self, r: ItemRef) -> Option<ItemId> {
        Some(ItemId {
            line: self.line_id(r.line)?,
            item: self.item(r)?.item.id.clone().into(),
        })
    }

    /// The item at `r`.
    pub fn item(&self, r: ItemRef) -> Option<&ItemBoard> {
        self.lines.get(r.line)?.items.get(r.item)
    }

    /// Every amber, red or overdue item across all lines, worst first (then by days left, then order).
    pub fn laggards(&self) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = self
            .lines
            .iter()
            .enumerate()
            .flat_map(|(l, line)| {
                line.items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.judgement.light.is_laggard())
                    .map(move |(i, _)| ItemRef { line: l, item: i })
            })
            .collect();
        out.sort_by(|a, b| {
            let (ia, ib) = (
                &self.item(*a).unwrap().judgement,
                &self.item(*b).unwrap().judgement,
            );
            ib.light
                .severity()
                .cmp(&ia.light.severity())
                .then_with(|| {
                    let ga = ia.gap_points.unwrap_or(0.0);
                    let gb = ib.gap_points.unwrap_or(0.0);
                    gb.partial_cmp(&ga).unwrap_or(std::cmp::Ordering::Equal)
                })
                .then_with(|| {
                    ia.days_left
                        .unwrap_or(i64::MAX)
                        .cmp(&ib.days_left.unwrap_or(i64::MAX))
                })
                .then_with(|| (a.line, a.item).cmp(&(b.line, b.item)))
        });
        out
    }
}
