//! A clause's figures with their labels, and cutting them into items where 和/与/及 joins two things.

use super::DraftFigure;
use crate::ingest::label::label;
use crate::ingest::words::Amount;

/// The figures of one clause with their labels: the first labelled from the clause, each further
/// one from the words between it and the figure before.
pub(super) fn figures_of(
    sent: &str,
    cs: usize,
    ce: usize,
    figs: &[&Amount],
    next: Option<&str>,
) -> Vec<Drafted> {
    let mut out = Vec::new();
    let mut from = cs;
    for (k, a) in figs.iter().enumerate() {
        let to = figs.get(k + 1).map_or(ce, |b| b.start);
        let mut joined = false;
        if k > 0 {
            // 300亩的农业种业基地和千亩百合园: the second figure's words start after 和.
            if let Some(i) = sent[from..a.start].rfind(['和', '与', '及']) {
                from += i + '和'.len_utf8();
                joined = true;
            }
        }
        // 32栋1526套安置房: figures side by side measure the same thing, named after the last.
        let mut last = k;
        while figs
            .get(last + 1)
            .is_some_and(|b| b.start == figs[last].end)
        {
            last += 1;
        }
        let (named, to) = match last > k {
            true => (figs[last], figs.get(last + 1).map_or(ce, |b| b.start)),
            false => (*a, to),
        };
        // The words before the run, then the last figure of the run and what follows it.
        let piece = format!("{}{}", &sent[from..a.start], &sent[named.start..to]);
        let start = a.start - from;
        let (l, sure) = label(
            &piece,
            start,
            start + (named.end - named.start),
            if last + 1 == figs.len() { next } else { None },
        );
        out.push((
            DraftFigure {
                amount: (*a).clone(),
                label: (k > 0).then(|| l.clone()),
                plan: None,
            },
            l,
            sure,
            joined,
        ));
        from = a.end;
    }
    respective_names(
        &sent[cs..],
        figs.first().map_or(0, |a| a.start - cs),
        &mut out,
    );
    out
}

/// 城镇和农村常住居民人均可支配收入分别达到79668元和40450元: each figure is one of the names the
/// subject before 分别 lists, in order — two things, not two figures of the first.
fn respective_names(clause: &str, first: usize, out: &mut [Drafted]) {
    let Some(at) = clause[..first].find("分别") else {
        return;
    };
    let subject = clause[..at].trim_start_matches(['，', ',', ' ']);
    let names = super::asides::listed_names(subject);
    if names.len() < 2 || names.len() != out.len() {
        return;
    }
    for (k, (d, l, sure, joined)) in out.iter_mut().enumerate() {
        d.label = None;
        *l = names[k].clone();
        *sure = true;
        *joined = k > 0;
    }
}

/// A figure of a clause: the figure, its label, whether the label is sure, and whether it is
/// joined to the one before by 和/与/及 (a second thing, not a second figure of the first).
pub(super) type Drafted = (DraftFigure, String, bool, bool);

/// The figures of a clause cut into items: a figure joined by 和 starts a new one.
pub(super) fn apart(drafted: Vec<Drafted>) -> Vec<Vec<(DraftFigure, String, bool)>> {
    let mut runs: Vec<Vec<(DraftFigure, String, bool)>> = Vec::new();
    for (f, l, sure, joined) in drafted {
        match runs.last_mut() {
            Some(run) if !joined => run.push((f, l, sure)),
            _ => runs.push(vec![(f, l, sure)]),
        }
    }
    runs
}

/// 18家规上工业企业实现总产值10.73亿元: the count says how many did it, the money what they did —
/// the money is the item's figure, and the count follows it, named by its noun (规上工业企业).
pub(super) fn subject_count_last(run: &mut Vec<(DraftFigure, String, bool)>, text: &str) {
    let Some(m) = run
        .iter()
        .position(|(f, _, _)| super::is_money(&f.amount.unit))
        .filter(|&m| m > 0)
    else {
        return;
    };
    let first = &run[0].0.amount;
    if first.is_rate() || super::is_money(&first.unit) || first.end > run[m].0.amount.start {
        return;
    }
    let between = &text[first.end..run[m].0.amount.start];
    let Some(v) = ["实现", "完成"]
        .iter()
        .filter_map(|w| between.find(w))
        .min()
    else {
        return;
    };
    let noun = between[..v].trim();
    if noun.is_empty() || noun.contains(['，', ',', '、', '。']) {
        return;
    }
    let mut money = run.remove(m);
    money.0.label = None;
    let mut count = std::mem::replace(&mut run[0], money);
    // The item keeps the name drafted from the whole clause (保科园商务楼宇实现总营收).
    run[0].1 = count.1.clone();
    count.0.label = Some(noun.to_string());
    run.insert(1, count);
}
