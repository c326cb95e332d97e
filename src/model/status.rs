//! Status rules: progress ratios, 序时进度 (time progress) and the red/amber/green warning light of an item.

use super::format::{Figure, Milestone, Period, Project, Thresholds, Value};
use super::item::{Item, ItemKind};
use chrono::{Datelike, NaiveDate};

/// The warning light of an item. Never shown as colour alone: each has a symbol and a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// Nothing to judge (no deadline, or nothing measurable yet).
    None,
    /// Done (完成 / 销号).
    Done,
    /// At or ahead of 序时进度, or within the amber threshold.
    OnTrack,
    /// 滞后: trailing 序时进度 by more than the amber threshold.
    Behind,
    /// 严重滞后: trailing by more than the red threshold.
    SeverelyBehind,
    /// 逾期: a deadline has passed and the work is not done.
    Overdue,
}

impl Light {
    /// Symbol that carries the light without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Light::None => "-",
            Light::Done => "✓",
            Light::OnTrack => "●",
            Light::Behind => "▲",
            Light::SeverelyBehind => "■",
            Light::Overdue => "✕",
        }
    }
    /// The word for the light, Chinese or English.
    pub fn word(self, en: bool) -> &'static str {
        match (self, en) {
            (Light::None, false) => "无",
            (Light::None, true) => "n/a",
            (Light::Done, false) => "完成",
            (Light::Done, true) => "done",
            (Light::OnTrack, false) => "正常",
            (Light::OnTrack, true) => "on track",
            (Light::Behind, false) => "滞后",
            (Light::Behind, true) => "behind",
            (Light::SeverelyBehind, false) => "严重滞后",
            (Light::SeverelyBehind, true) => "far behind",
            (Light::Overdue, false) => "逾期",
            (Light::Overdue, true) => "overdue",
        }
    }
    /// True for the lights that put an item on the laggard list (滞后清单).
    pub fn is_laggard(self) -> bool {
        matches!(self, Light::Behind | Light::SeverelyBehind | Light::Overdue)
    }
    /// Larger is worse; used to sort the laggard list worst first.
    pub fn severity(self) -> u8 {
        match self {
            Light::Overdue => 5,
            Light::SeverelyBehind => 4,
            Light::Behind => 3,
            Light::OnTrack => 2,
            Light::Done => 1,
            Light::None => 0,
        }
    }
}

/// Everything the model computes about one item at a snapshot's as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The light.
    pub light: Light,
    /// Real progress 0.0..=1.0 (clamped, finite) from the first figure with a value and a target.
    pub progress: Option<f64>,
    /// Unclamped progress ratio, for the text (e.g. 120%).
    pub progress_raw: Option<f64>,
    /// Index of the figure progress is measured on.
    pub progress_figure: Option<usize>,
    /// 序时进度 0.0..=1.0 at the as-of date, when there is a deadline.
    pub time_progress: Option<f64>,
    /// The final deadline (the item's, or its last milestone's).
    pub deadline: Option<NaiveDate>,
    /// The next deadline still open (earliest undone milestone, or the deadline).
    pub next_due: Option<NaiveDate>,
    /// Days from the as-of date to `next_due` (negative when overdue).
    pub days_left: Option<i64>,
    /// Percentage points by which progress trails time progress (positive = behind).
    pub gap_points: Option<f64>,
}

/// Clamps a ratio to 0..=1 and maps NaN/infinite to None, so no gauge ever sees a bad ratio.
pub fn clamp_ratio(r: f64) -> Option<f64> {
    r.is_finite().then(|| r.clamp(0.0, 1.0))
}

/// The figure progress is measured on: the first that states both a value and a positive target as
/// numbers, with its ratio value / target; else the first percent progress (形象进度60% → 0.6).
pub fn progress_figure(item: &Item) -> Option<(usize, f64)> {
    let of_target = item.figures.iter().enumerate().find_map(|(i, f)| {
        let v = f.value?.num()?;
        let t = f.target?.num()?;
        (t > 0.0)
            .then(|| v / t)
            .filter(|r| r.is_finite())
            .map(|r| (i, r))
    });
    of_target.or_else(|| {
        item.figures.iter().enumerate().find_map(|(i, f)| {
            let v = f.value?.num()?;
            (f.is_progress_rate() && f.unit == "%" && v.is_finite()).then_some((i, v / 100.0))
        })
    })
}

/// A project's (or bundle's) progress from its money or its stated rate: 年度完成 / 年度计划, else
/// 年度投资完成率.
pub fn project_progress(p: &Project) -> Option<f64> {
    let money = |f: &Option<Figure>| {
        f.as_ref()
            .and_then(|f| super::numbers::to_wan(f.value?, &f.unit))
    };
    let rate = |f: &Option<Figure>| {
        let f = f.as_ref()?;
        (f.unit == "%").then_some(f.value?.num()? / 100.0)
    };
    match (money(&p.annual_done), money(&p.annual_plan)) {
        (Some(d), Some(t)) if t > 0.0 => Some(d / t),
        _ => rate(&p.annual_rate),
    }
    .filter(|r| r.is_finite())
}

/// The gap in points between 序时进度 and progress as the screens show it: each rounded to the whole
/// percent it is shown as (positive = behind), so the words never say 超前0个百分点 next to two
/// equal percentages, nor 落后1 between 50% and 50%.
pub fn shown_gap(j: &Judgement) -> Option<i64> {
    let (p, t) = (j.progress_raw?, j.time_progress?);
    let g = (t * 100.0).round() - (p * 100.0).round();
    g.is_finite().then_some(g as i64)
}

/// value / target of the progress figure (see [`progress_figure`]).
pub fn progress_ratio(item: &Item) -> Option<f64> {
    progress_figure(item).map(|(_, r)| r)
}

/// 序时进度: the share of the period from `start` to `deadline` elapsed at `at`, clamped to 0..=1.
pub fn time_progress(start: NaiveDate, deadline: NaiveDate, at: NaiveDate) -> f64 {
    let total = (deadline - start).num_days();
    if total <= 0 {
        return if at >= deadline { 1.0 } else { 0.0 };
    }
    let done = (at - start).num_days();
    (done as f64 / total as f64).clamp(0.0, 1.0)
}

/// What an item's kind adds to its judgement.
#[derive(Default)]
struct KindFacts<'a> {
    /// A project's milestones.
    milestones: &'a [Milestone],
    /// A ledger with nothing left open.
    ledger_closed: bool,
    /// A ledger known to have something open (rectified < found, or open entries).
    ledger_open: bool,
    /// A ledger entry past its deadline and not closed.
    entry_overdue: bool,
    /// The earliest deadline of a ledger entry still open.
    next_entry: Option<NaiveDate>,
}

impl<'a> KindFacts<'a> {
    fn of(item: &'a Item, as_of: NaiveDate) -> KindFacts<'a> {
        match &item.kind {
            ItemKind::Project(p) => KindFacts {
                milestones: &p.milestones,
                ..KindFacts::default()
            },
            ItemKind::Ledger(l) => {
                let open = l.open_count();
                let still_open = || l.entries.iter().filter(|e| e.closed.is_none());
                KindFacts {
                    milestones: &[],
                    ledger_closed: open == Some(Value::Num(0.0))
                        || (open.is_none()
                            && Some(l.found) == l.rectified
                            && l.found != Value::Withheld),
                    ledger_open: open.and_then(Value::num).is_some_and(|n| n > 0.0)
                        || still_open().next().is_some(),
                    entry_overdue: still_open()
                        .any(|e| e.deadline.is_some_and(|d| d.date() < as_of)),
                    next_entry: still_open()
                        .filter_map(|e| e.deadline)
                        .min()
                        .map(|d| d.date()),
                }
            }
            ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => {
                KindFacts::default()
            }
        }
    }
}

/// Judges an item at `as_of` with the town's thresholds.
pub fn judge(item: &Item, as_of: NaiveDate, th: &Thresholds) -> Judgement {
    judge_in(item, None, as_of, th)
}

/// Judges an item inside a plan's period (the group's or the line's): the item's own start and
/// deadline win; else the period's. A percent progress (or a project's yearly money) with no
/// deadline and no period is measured against the end of the as-of year.
pub fn judge_in(
    item: &Item,
    period: Option<&Period>,
    as_of: NaiveDate,
    th: &Thresholds,
) -> Judgement {
    let measured = progress_figure(item);
    let money = item.project().and_then(project_progress);
    let progress_raw = measured.map(|(_, r)| r).or(money);
    let rate_progress = measured.is_some_and(|(i, _)| item.figures[i].target.is_none())
        || (measured.is_none() && money.is_some());
    let year_end = NaiveDate::from_ymd_opt(as_of.year(), 12, 31);
    let progress = progress_raw.and_then(clamp_ratio);
    let facts = KindFacts::of(item, as_of);
    let milestones = facts.milestones;
    let last_milestone = milestones.iter().map(|m| m.due.date()).max();
    let deadline = item
        .deadline
        .map(|d| d.date())
        .or(last_milestone)
        .or(period.map(|p| p.end.date()))
        .or(year_end.filter(|_| rate_progress));
    let next_open_milestone = milestones
        .iter()
        .filter(|m| !m.done)
        .map(|m| m.due.date())
        .min();
    let all_milestones_done = !milestones.is_empty() && milestones.iter().all(|m| m.done);
    let ledger_overdue = facts.entry_overdue;
    let done = item.done == Some(true)
        || (item.done.is_none() && (all_milestones_done || progress_raw.is_some_and(|p| p >= 1.0)))
        || (item.done.is_none() && facts.ledger_closed && !ledger_overdue);
    let next_open_entry = facts.next_entry;
    let next_due = if done {
        None
    } else {
        next_open_milestone
            .or(item.deadline.map(|d| d.date()))
            .or(next_open_entry)
            .or(period.map(|p| p.end.date()))
    };
    let days_left = next_due.map(|d| (d - as_of).num_days());
    let start = item
        .start
        .or(period.map(|p| p.start))
        .map(|d| d.date())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of));
    let time_progress = deadline.map(|d| time_progress(start, d, as_of));
    let gap_points = match (progress, time_progress) {
        (Some(p), Some(t)) => Some((t - p) * 100.0),
        _ => None,
    };
    let overdue = !done && (days_left.is_some_and(|d| d < 0) || ledger_overdue);
    let light = if done {
        Light::Done
    } else if overdue {
        Light::Overdue
    } else if facts.ledger_open {
        Light::Behind
    } else if let Some(gap) = gap_points {
        if gap > th.red_points {
            Light::SeverelyBehind
        } else if gap > th.amber_points {
            Light::Behind
        } else {
            Light::OnTrack
        }
    } else {
        Light::None
    };
    Judgement {
        light,
        progress,
        progress_raw,
        progress_figure: measured.map(|(i, _)| i),
        time_progress,
        deadline,
        next_due,
        days_left,
        gap_points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::{Day, Figure, Milestone, Project};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn item(value: f64, target: f64, deadline: &str) -> Item {
        Item {
            id: "x".into(),
            label: "x".into(),
            source: "x".into(),
            headline: false,
            leader: None,
            office: None,
            figures: vec![Figure {
                label: None,
                value: Some(Value::Num(value)),
                unit: "亩".into(),
                approx: None,
                target: Some(Value::Num(target)),
                ..Figure::default()
            }],
            start: None,
            deadline: Some(Day(d(deadline))),
            deadline_text: None,
            done: None,
            firmness: None,
            task: None,
            note: None,
            kind: crate::model::ItemKind::Quantity,
        }
    }

    #[test]
    fn lights_follow_the_thresholds() {
        let th = Thresholds::default();
        // Half the year gone on 2023-07-02 (182/364 days): 50%.
        let at = d("2023-07-02");
        assert_eq!(
            judge(&item(45.0, 100.0, "2023-12-31"), at, &th).light,
            Light::OnTrack
        );
        assert_eq!(
            judge(&item(35.0, 100.0, "2023-12-31"), at, &th).light,
            Light::Behind
        );
        assert_eq!(
            judge(&item(10.0, 100.0, "2023-12-31"), at, &th).light,
            Light::SeverelyBehind
        );
        assert_eq!(
            judge(&item(100.0, 100.0, "2023-12-31"), at, &th).light,
            Light::Done
        );
        assert_eq!(
            judge(&item(90.0, 100.0, "2023-06-30"), at, &th).light,
            Light::Overdue
        );
        let j = judge(&item(200.0, 800.0, "2023-12-31"), at, &th);
        assert_eq!(j.progress, Some(0.25));
    }

    #[test]
    fn no_deadline_means_no_light_but_progress() {
        let mut it = item(200.0, 800.0, "2023-12-31");
        it.deadline = None;
        let j = judge(&it, d("2023-06-30"), &Thresholds::default());
        assert_eq!(j.light, Light::None);
        assert_eq!(j.progress, Some(0.25));
    }

    #[test]
    fn milestones_give_next_due_and_overdue() {
        let mut it = item(0.0, 0.0, "2023-12-31");
        it.figures.clear();
        it.deadline = None;
        it.kind = ItemKind::Project(Box::new(Project {
            milestones: vec![
                Milestone {
                    what: "a".into(),
                    due: Day(d("2023-07-31")),
                    due_text: None,
                    done: false,
                },
                Milestone {
                    what: "b".into(),
                    due: Day(d("2023-12-31")),
                    due_text: None,
                    done: false,
                },
            ],
            ..Project::default()
        }));
        let j = judge(&it, d("2023-06-30"), &Thresholds::default());
        assert_eq!(j.next_due, Some(d("2023-07-31")));
        assert_eq!(j.days_left, Some(31));
        assert_eq!(j.deadline, Some(d("2023-12-31")));
        assert_eq!(j.light, Light::None);
        assert_eq!(
            judge(&it, d("2023-08-01"), &Thresholds::default()).light,
            Light::Overdue
        );
    }

    #[test]
    fn ratios_are_clamped_and_finite() {
        assert_eq!(clamp_ratio(f64::NAN), None);
        assert_eq!(clamp_ratio(1.5), Some(1.0));
        assert_eq!(clamp_ratio(-0.5), Some(0.0));
        let j = judge(
            &item(120.0, 100.0, "2023-12-31"),
            d("2023-06-30"),
            &Thresholds::default(),
        );
        assert_eq!(j.progress, Some(1.0));
        assert_eq!(j.progress_raw, Some(1.2));
    }
}
