//! Drafted items in today's format: ids that are unique, the item's kind as loading would decide it,
//! figures as values or targets, projects with their milestones, ledgers, and the review entries for
//! what the format cannot hold yet (firmness) or what is a guess (labels).

use super::draft::{DraftItem, DraftKind, Reason, Review};
use super::label::slug;
use super::outline::sentences;
use super::words::{self, Amount, Firmness};
use crate::model::format::{Day, Figure, Ledger, Milestone, Project};
use crate::model::{Item, ItemKind};
use std::collections::HashSet;

pub(super) fn unique(base: &str, used: &mut HashSet<String>, sep: &str) -> String {
    let id = (1..)
        .map(|k| {
            if k == 1 {
                base.to_string()
            } else {
                format!("{base}{sep}{k}")
            }
        })
        .find(|c| !used.contains(c))
        .unwrap_or_default();
    used.insert(id.clone());
    id
}

/// How many numbers of the report an item drafts (a ledger's 发现并整改11处 is one number, its
/// 排查120处、整改115处 two).
pub(super) fn count(d: &DraftItem) -> usize {
    d.figures.len()
        + match &d.kind {
            DraftKind::Project { .. } => 1,
            DraftKind::Ledger { found, rectified } => {
                1 + usize::from(found.start != rectified.start)
            }
            _ => 0,
        }
}

pub(super) fn task(line: &str, label: &str, source: &str, ids: &mut HashSet<String>) -> Item {
    Item {
        id: unique(&format!("{line}.{}", slug(label)), ids, "-"),
        label: label.to_string(),
        source: source.to_string(),
        headline: false,
        leader: None,
        office: None,
        figures: Vec::new(),
        start: None,
        deadline: None,
        deadline_text: None,
        done: None,
        firmness: None,
        task: None,
        kind: ItemKind::Text,
        note: None,
    }
}

/// The kind of an item that is not a project or a ledger, as loading would decide it: counts when a
/// figure has a value, a target when figures state only targets or there is a deadline, else words.
pub(super) fn settle_kind(item: &mut Item) {
    if matches!(item.kind, ItemKind::Project(_) | ItemKind::Ledger(_)) {
        return;
    }
    item.kind = if item.figures.first().is_some_and(|f| f.rate.is_some()) {
        ItemKind::Rate
    } else if item.figures.iter().any(|f| f.value.is_some()) {
        ItemKind::Quantity
    } else if !item.figures.is_empty() || item.deadline.is_some() {
        ItemKind::Target
    } else {
        ItemKind::Text
    };
}

/// A figure in today's format: a value, or a target in a next-step section. Bound and range words
/// stay in the label.
pub(super) fn figure(a: &Amount, label: Option<String>, target: bool, text: &str) -> Figure {
    let words = &text[a.start..a.end];
    let label = match (label, a.bound.is_some() || a.upper.is_some()) {
        (Some(l), true) => Some(format!("{l}（{words}）")),
        (None, true) => Some(words.to_string()),
        (l, false) => l,
    };
    Figure {
        label,
        value: (!target).then_some(a.value),
        unit: a.unit.clone(),
        approx: a.approx,
        target: target.then_some(a.value),
        ..Figure::default()
    }
}

pub(super) fn to_item(
    line: &str,
    d: DraftItem,
    body: &str,
    ids: &mut HashSet<String>,
    review: &mut Vec<Review>,
) -> Item {
    let source = &body[d.source.0..d.source.1];
    let mut item = task(line, &d.label, source, ids);
    // Amount spans are relative to their sentence: find each sentence's text for bound words.
    let sent_of = |a: &Amount| {
        sentences(source)
            .into_iter()
            .find(|s| s.len() >= a.end && words::amounts(s).iter().any(|b| b == a))
            .unwrap_or(source)
    };
    item.figures = d
        .figures
        .iter()
        .map(|f| figure(&f.amount, f.label.clone(), d.target, sent_of(&f.amount)))
        .collect();
    match &d.kind {
        DraftKind::Project {
            investment,
            status,
            milestones,
        } => {
            let mut ms: Vec<Milestone> = milestones
                .iter()
                .map(|(what, dl)| Milestone {
                    what: what.clone(),
                    due: Day(dl.date),
                    due_text: Some(dl.words.clone()),
                    done: false,
                })
                .collect();
            ms.sort_by_key(|m| m.due);
            item.kind = ItemKind::Project(Box::new(Project {
                investment: Some(figure(investment, None, d.target, sent_of(investment))),
                status: status.clone(),
                problems: Vec::new(),
                milestones: ms,
                ..Project::default()
            }));
        }
        DraftKind::Ledger { found, rectified } => {
            item.kind = ItemKind::Ledger(Ledger {
                unit: found.unit.clone(),
                found: found.value,
                found_approx: None,
                rectified: Some(rectified.value),
                open: None,
                entries: Vec::new(),
            });
        }
        DraftKind::Quantity | DraftKind::Task => {}
    }
    if let Some(dl) = &d.deadline {
        item.deadline = Some(Day(dl.date));
        item.deadline_text = Some(dl.words.clone());
    }
    settle_kind(&mut item);
    if let Some(f) = d.firmness {
        // The word as the report has it (争取 as well as 力争).
        let word = words::firmness_word(source)
            .filter(|(g, _)| *g == f)
            .map_or(f.zh(), |(_, w)| w);
        item.note = Some(format!("目标措辞：{word}"));
        // 确保 and 力争 change what a miss means; 计划 and 预计 are how plans are always worded.
        if matches!(f, Firmness::Must | Firmness::Strive) {
            review.push(Review {
                sentence: source.into(),
                reason: Reason::Firmness(word),
            });
        }
    }
    if !d.sure {
        review.push(Review {
            sentence: source.into(),
            reason: Reason::Label(d.label.clone()),
        });
    }
    item
}
