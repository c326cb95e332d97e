//! Items that are more than a count: a project with its investment, status and milestones; a hazard
//! ledger (发现并整改隐患11处); a next-step task with a deadline and no figure.

use super::{DraftItem, DraftKind};
use crate::ingest::label::label;
use crate::ingest::words::{self, Amount, Deadline};

/// 发现并整改隐患11处 → a ledger of 隐患, found 11, rectified 11.
pub(super) fn ledger(
    sent: &str,
    cs: usize,
    ce: usize,
    figs: &[&Amount],
    span: (usize, usize),
) -> Option<DraftItem> {
    let clause = &sent[cs..ce];
    let a = figs.first()?;
    let head = &clause[..a.start - cs];
    let verb = ["发现并整改", "排查并整改", "排查整改"]
        .iter()
        .find_map(|v| head.find(v).map(|i| (i, v.len())))?;
    let noun = head[verb.0 + verb.1..].trim();
    // The kind of hazard named where the check is told (开展消防隐患排查): 消防隐患排查整改.
    let kind = sent[..cs + verb.0]
        .rfind(&format!("{noun}排查"))
        .and_then(|i| {
            let before: Vec<char> = sent[..i]
                .chars()
                .rev()
                .take_while(|c| !"，、。；的和".contains(*c))
                .collect();
            let kind: String = before.iter().take(2).rev().collect();
            (!kind.is_empty()).then_some(kind)
        });
    let label = match kind {
        Some(k) => format!("{k}{noun}排查整改"),
        None => format!("{noun}整改"),
    };
    Some(DraftItem {
        label,
        sure: kind_is_named(noun),
        source: span,
        figures: Vec::new(),
        kind: DraftKind::Ledger {
            found: (*a).clone(),
            rectified: (*a).clone(),
        },
        deadline: None,
        firmness: None,
        target: false,
        growth: Vec::new(),
        parts: Vec::new(),
        thresholds: Vec::new(),
    })
}

/// 排查隐患120处，已整改115处 → a ledger of 隐患, found 120, rectified 115. Returns the item and the
/// start of the rectified figure, which the caller must not draft again.
pub(super) fn found_then_rectified(
    sent: &str,
    found: &[Amount],
    a: &Amount,
    span: (usize, usize),
) -> Option<(DraftItem, usize)> {
    let clause_start = sent[..a.start]
        .rfind(['，', ',', '；', '。'])
        .map_or(0, |i| {
            i + sent[i..].chars().next().map_or(1, char::len_utf8)
        });
    let head = &sent[clause_start..a.start];
    let checked = ["排查", "发现", "摸排"].iter().any(|w| head.contains(w));
    let clause_end = sent[a.end..]
        .find(['，', ',', '；', '。'])
        .map_or(sent.len(), |i| a.end + i);
    let noun = ["隐患", "问题"]
        .into_iter()
        .find(|n| sent[clause_start..clause_end].contains(n))?;
    if !checked {
        return None;
    }
    let b = found.iter().find(|b| {
        b.start >= clause_end
            && b.unit == a.unit
            && ["整改", "销号", "办结", "化解"]
                .iter()
                .any(|w| sent[a.end..b.start].contains(w))
    })?;
    let item = DraftItem {
        label: format!("{noun}排查整改"),
        sure: true,
        source: span,
        figures: Vec::new(),
        kind: DraftKind::Ledger {
            found: a.clone(),
            rectified: b.clone(),
        },
        deadline: None,
        firmness: None,
        target: false,
        growth: Vec::new(),
        parts: Vec::new(),
        thresholds: Vec::new(),
    };
    Some((item, b.start))
}

fn kind_is_named(noun: &str) -> bool {
    noun.chars().count() >= 2
}

/// A clause of a project's paragraph: its status (目前…) or, when it has no figure, a milestone.
pub(super) fn project_clause(
    p: &mut DraftItem,
    clause: &str,
    cs: usize,
    dl: Option<Deadline>,
    sent: &str,
    span: (usize, usize),
    no_figures: bool,
) {
    let DraftKind::Project {
        status, milestones, ..
    } = &mut p.kind
    else {
        return;
    };
    let text = clause.trim();
    if text.starts_with("目前") && status.is_none() {
        *status = Some(text.to_string());
    }
    if !no_figures {
        return;
    }
    p.source.1 = span.1;
    if let Some(d) = dl {
        let what = format!("{}{}", &sent[cs..d.start], &sent[d.end..cs + clause.len()]);
        let what = what
            .trim()
            .trim_start_matches("计划")
            .trim_start_matches("争取");
        milestones.push((what.to_string(), d));
    }
}

/// A next-step clause with a deadline and no figure: a task (争取年底前完成呼雷汤项目重启建设).
pub(super) fn task_item(
    clause: &str,
    cs: usize,
    dl: Option<Deadline>,
    sent: &str,
    span: (usize, usize),
) -> Option<DraftItem> {
    let d = dl?;
    let rest = format!("{}{}", &sent[cs..d.start], &sent[d.end..cs + clause.len()]);
    let (l, sure) = label(&rest, rest.len(), rest.len(), None);
    Some(DraftItem {
        label: l,
        sure,
        source: span,
        figures: Vec::new(),
        kind: DraftKind::Task,
        deadline: Some(d),
        firmness: words::firmness(clause),
        target: true,
        growth: Vec::new(),
        parts: Vec::new(),
        thresholds: Vec::new(),
    })
}

/// True when an item counts projects (19个项目, 13个重点项目) and states their money.
pub(super) fn is_bundle(item: &DraftItem, sent: &str) -> bool {
    item.figures.first().is_some_and(|f| {
        let a = &f.amount;
        matches!(a.unit.as_str(), "个" | "项")
            && ["项目", "重点项目", "重大项目"]
                .iter()
                .any(|w| sent[a.end..].starts_with(w))
    })
}

/// True for a project bundle's money (当年投资6.03亿元) or its rate (占年计划100.36%).
pub(super) fn bundle_money(a: &Amount, sent: &str) -> bool {
    let before = &sent[..a.start];
    let tail: String = {
        let c: Vec<char> = before.chars().collect();
        c[c.len().saturating_sub(8)..].iter().collect()
    };
    (super::is_money(&a.unit) && tail.contains("投资"))
        || (a.unit == "%" && (tail.contains("占年") || tail.contains("完成率")))
}
