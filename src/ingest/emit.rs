//! Drafted items in today's format: ids that are unique, the item's kind as loading would decide it,
//! figures as values or targets, projects with their milestones, ledgers, and the review entries for
//! what the format cannot hold yet (firmness) or what is a guess (labels).

use super::draft::{DraftItem, DraftKind, Reason, Review};
use super::label::slug;
use super::outline::sentences;
use super::words::{self, Amount, Firmness};
use crate::model::format::{
    Basis, Bound, Day, Figure, Firmness as ModelFirmness, Growth, GrowthUnit, Ledger, Milestone,
    Project, Value,
};
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
/// 排查120处、整改115处 two; a growth and a part are one each).
pub(super) fn count(d: &DraftItem) -> usize {
    d.figures.len()
        + d.growth.len()
        + d.parts.len()
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
        id: unique(&format!("{line}.{}", slug(label)), ids, "-").into(),
        label: label.into(),
        source: source.into(),
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

/// The words of `text` before byte `at`, back to the start of its clause.
fn clause_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let from = before
        .rfind(['，', ',', '；', ';', '：', ':', '。', '、'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[from..]
}

/// The bound word of a figure's words, as the format names it; None for a word it has no name for
/// (高于, 最多, 控制在, 以下), which stays in the label.
fn bound_word(words: &str) -> Option<Bound> {
    let suffix = [("以上", Bound::OrMore), ("以内", Bound::Within)];
    if let Some((_, b)) = suffix.iter().find(|(w, _)| words.ends_with(w)) {
        return Some(*b);
    }
    [
        ("至少", Bound::AtLeast),
        ("不少于", Bound::NoFewer),
        ("不低于", Bound::NoLower),
        ("不超过", Bound::NoMore),
        ("不高于", Bound::NoHigher),
        ("超过", Bound::Exceeds),
        ("突破", Bound::BrokeThrough),
        ("超", Bound::Over),
        ("逾", Bound::Beyond),
    ]
    .iter()
    .find(|(w, _)| words.starts_with(w))
    .map(|(_, b)| *b)
}

/// Decimals as written when a trailing zero would be lost (25.0% → 1, 8.80 → 2).
fn decimals(written: &str) -> Option<u8> {
    let (_, frac) = written.split_once('.')?;
    (frac.ends_with('0')).then(|| u8::try_from(frac.len()).unwrap_or(u8::MAX))
}

/// The per-unit words before a figure (各村至少1个, 人均收入, 每周1次).
fn per_words(before: &str) -> Option<String> {
    for w in ["人均", "户均", "村均", "亩均"] {
        if before.contains(w) {
            return Some(w.into());
        }
    }
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    chars.iter().rev().find_map(|&(i, c)| {
        let next = before[i + c.len_utf8()..].chars().next()?;
        let unit_word = [
            '村', '镇', '户', '人', '周', '月', '年', '季', '天', '日', '组', '校',
        ];
        ((c == '各' || c == '每') && unit_word.contains(&next)).then(|| format!("{c}{next}"))
    })
}

/// The format's firmness for the extractor's, with the report's word (争取 as well as 力争).
pub(super) fn firmness_of(f: Firmness, word: &str) -> ModelFirmness {
    match (f, word) {
        (Firmness::Must, _) => ModelFirmness::Ensure,
        (Firmness::Strive, "争取") => ModelFirmness::Seek,
        (Firmness::Strive, _) => ModelFirmness::Strive,
        (Firmness::Expected, _) => ModelFirmness::Expected,
        (Firmness::Planned, _) => ModelFirmness::Planned,
    }
}

/// A growth in the format: its basis, the change (negative for a fall) or the target change.
pub(super) fn growth(g: &Amount, text: &str, target: bool) -> Growth {
    let before = clause_before(text, g.start);
    let basis = if before.contains("环比") {
        Basis::PeriodOnPeriod
    } else if before.contains("比上年") || before.contains("较上年") {
        Basis::LastYear
    } else if before.contains("比年初") {
        Basis::YearStart
    } else {
        Basis::YearOnYear
    };
    let down = g.growth.is_some_and(|w| w.down)
        || ["下降", "减少", "降低", "下滑", "降幅"]
            .iter()
            .any(|w| before.ends_with(w));
    let v = match g.value {
        Value::Num(n) if down && n > 0.0 => Value::Num(-n),
        v => v,
    };
    let bound = bound_word(&text[g.start..g.end]);
    Growth {
        basis,
        value: (!target).then_some(v),
        target: target.then_some(v),
        target_bound: bound.filter(|_| target),
        unit: if g.unit == "个百分点" {
            GrowthUnit::Points
        } else {
            GrowthUnit::Percent
        },
        decimals: decimals(&g.written),
    }
}

/// A figure in the format: a value, or a target in a next-step section, with its bound or range,
/// its rate kind, its written decimals and its per-unit words. A bound word the format has no name
/// for stays in the label and goes to the review list.
pub(super) fn figure(
    a: &Amount,
    label: Option<String>,
    target: bool,
    text: &str,
    review: &mut Vec<Review>,
) -> Figure {
    let words = &text[a.start..a.end];
    let before = clause_before(text, a.start);
    let bound = a.bound.and_then(|_| bound_word(words));
    let label = match (label, a.bound.is_some() && bound.is_none()) {
        (l, true) => {
            review.push(Review {
                sentence: text.into(),
                reason: Reason::Bound(words.into()),
            });
            Some(l.map_or_else(|| words.to_string(), |l| format!("{l}（{words}）")))
        }
        (l, false) => l,
    };
    let upper = a.upper.map(Value::Num);
    let expected = !target && before.contains("预计");
    Figure {
        label: label.map(Into::into),
        value: (!target).then_some(a.value),
        unit: a.unit.clone().into(),
        approx: a.approx,
        target: target.then_some(a.value),
        bound: bound.filter(|_| !target),
        target_bound: bound.filter(|_| target),
        value_max: upper.filter(|_| !target),
        target_max: upper.filter(|_| target),
        firmness: expected.then_some(ModelFirmness::Expected),
        rate: (a.unit == "%").then(|| rate_kind(before)),
        decimals: decimals(&a.written),
        per: per_words(before).map(Into::into),
        ..Figure::default()
    }
}

/// The sentence of `source` an amount was read from.
fn sentence_of<'s>(sents: &[&'s str], source: &'s str, a: &Amount) -> &'s str {
    sents
        .iter()
        .copied()
        .find(|s| s.len() >= a.end && words::amounts(s).iter().any(|b| b == a))
        .unwrap_or(source)
}

/// A drafted item in today's format: its figures with their parts and growth, its kind, deadline
/// and firmness; a guessed label goes to review.
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
    let sents = sentences(source);
    let sent_of = |a: &Amount| sentence_of(&sents, source, a);
    let mut figs: Vec<Figure> = d
        .figures
        .iter()
        .map(|f| {
            let mut fig = figure(
                &f.amount,
                f.label.clone(),
                d.target,
                sent_of(&f.amount),
                review,
            );
            // 已完成38492亩 of a task of 38089亩: the figure against its target.
            if let (Some(plan), false) = (&f.plan, d.target) {
                fig.target = Some(plan.value);
            }
            fig
        })
        .collect();
    let project = matches!(d.kind, DraftKind::Project { .. } | DraftKind::Ledger { .. });
    let placed = attach::parts(&d, &mut figs, &sent_of, review);
    attach::growths(&d, &mut figs, &sent_of, (project, &placed), review);
    if !project {
        if let Some(kind) = attach::bundle(&d, &mut figs, &sent_of) {
            item.kind = kind;
        }
    }
    item.figures = figs;
    if let Some(kind) = drafted_kind(&d, &sents, source, review) {
        item.kind = kind;
    }
    if let Some(dl) = &d.deadline {
        item.deadline = Some(Day(dl.date));
        item.deadline_text = Some(dl.words.clone().into());
    }
    settle_kind(&mut item);
    if let Some(f) = d.firmness {
        place_firmness(&mut item, f, source);
    }
    if !d.sure {
        review.push(Review {
            sentence: source.into(),
            reason: Reason::Label(d.label.clone()),
        });
    }
    item
}

/// The kind a project or ledger draft gives its item; `None` for a quantity or a task.
fn drafted_kind<'s>(
    d: &DraftItem,
    sents: &[&'s str],
    source: &'s str,
    review: &mut Vec<Review>,
) -> Option<ItemKind> {
    match &d.kind {
        DraftKind::Project {
            investment,
            status,
            milestones,
        } => {
            let mut ms: Vec<Milestone> = milestones
                .iter()
                .map(|(what, dl)| Milestone {
                    what: what.clone().into(),
                    due: Day(dl.date),
                    due_text: Some(dl.words.clone().into()),
                    done: false,
                })
                .collect();
            ms.sort_by_key(|m| m.due);
            let inv = figure(
                investment,
                None,
                d.target,
                sentence_of(sents, source, investment),
                review,
            );
            Some(ItemKind::Project(Box::new(Project {
                investment: Some(inv),
                status: status.clone().map(Into::into),
                problems: Vec::new(),
                milestones: ms,
                ..Project::default()
            })))
        }
        DraftKind::Ledger { found, rectified } => Some(ItemKind::Ledger(Box::new(Ledger {
            unit: found.unit.clone().into(),
            found: found.value,
            found_approx: None,
            rectified: Some(rectified.value),
            open: None,
            entries: Vec::new(),
        }))),
        DraftKind::Quantity | DraftKind::Task => None,
    }
}

/// The report's firmness word (确保, 力争 …) on each target it qualifies, else on the item.
fn place_firmness(item: &mut Item, f: Firmness, source: &str) {
    // The word as the report has it (争取 as well as 力争), on each target it qualifies.
    let word = words::firmness_word(source)
        .filter(|(g, _)| *g == f)
        .map_or(f.zh(), |(_, w)| w);
    let firm = firmness_of(f, word);
    let mut placed = false;
    for fig in item
        .figures
        .iter_mut()
        .filter(|x| x.target.is_some() || x.growth.as_ref().is_some_and(|g| g.target.is_some()))
    {
        fig.firmness = Some(firm);
        placed = true;
    }
    if !placed {
        item.firmness = Some(firm);
    }
}

mod attach;
mod rates;
use rates::rate_kind;
