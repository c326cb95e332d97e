//! Status rules: progress ratios, 序时进度 (time progress) and the red/amber/green warning light of an item.

mod light;
mod progress;

use super::format::{Milestone, Period, Thresholds, Value};
use super::item::{Item, ItemKind};
use chrono::{Datelike, NaiveDate};
use light::light_of;
pub use light::Light;
pub use progress::{
    clamp_ratio, progress_figure, progress_ratio, project_progress, shown_gap, time_progress,
};

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
    let light = light_of(done, overdue, facts.ledger_open, gap_points, th);
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
