//! Figures told against their plan: 实际到位资金13456万元，占全年计划的67% (a progress rate),
//! 财政收入1318万元，占全年任务2355万元的60% (the plan and the rate), 粮食种植任务38089亩，已完成38492亩
//! (the task, then what was done).

use super::figures::Drafted;
use super::{DraftFigure, DraftItem};

/// Puts the clause's figures on `prev`, the item the sentence drafted before, when the clause
/// states progress against a plan; gives them back otherwise.
pub(super) fn against_plan(
    prev: &mut DraftItem,
    clause: &str,
    drafted: Vec<Drafted>,
) -> Result<(), Vec<Drafted>> {
    // 核查超17万人次,占全区36%: the figure's share of a whole, one more figure of its item.
    let share = clause.trim().starts_with('占') && drafted.iter().all(|d| d.0.amount.is_rate());
    if share && of_the_plan(clause).is_none() && !drafted.is_empty() {
        for (f, l, _, _) in drafted {
            let words = l.trim_end_matches('的');
            prev.figures.push(DraftFigure {
                label: Some(if words.is_empty() { "占比" } else { words }.into()),
                amount: f.amount,
                plan: None,
            });
        }
        return Ok(());
    }
    if let Some(words) = of_the_plan(clause) {
        if drafted.iter().any(|d| d.0.amount.is_rate()) {
            let plan_words = words.trim_start_matches('占').trim_start_matches("完成");
            for (f, _, _, _) in drafted {
                let first = prev.figures.first_mut().filter(|p| {
                    !f.amount.is_rate() && p.plan.is_none() && p.amount.unit == f.amount.unit
                });
                match first {
                    Some(main) => main.plan = Some(f.amount),
                    None => prev.figures.push(DraftFigure {
                        label: Some(
                            if f.amount.is_rate() {
                                words
                            } else {
                                plan_words
                            }
                            .into(),
                        ),
                        amount: f.amount,
                        plan: None,
                    }),
                }
            }
            return Ok(());
        }
    }
    if let Some(name) = done_of_task(prev, clause, &drafted) {
        let (done, _, _, _) = drafted.into_iter().next().expect("one figure");
        let task = std::mem::replace(&mut prev.figures[0].amount, done.amount);
        prev.figures[0].plan = Some(task);
        prev.label = name;
        return Ok(());
    }
    Err(drafted)
}

/// The words of a clause stating progress against a plan (占全年计划的67%, 完成年任务的78%, 占上半年目标
/// 任务5500万元的110%, 完成任务的117.46%): 占全年计划, 完成年任务, 占上半年目标任务, 完成任务. None for
/// any other clause.
pub(crate) fn of_the_plan(clause: &str) -> Option<&str> {
    let t = clause.trim();
    if !(t.starts_with('占') || t.starts_with("完成")) {
        return None;
    }
    // The words end at the first figure or 的; a year (完成2024年度计划的60%) is part of them.
    let mut end = t.len();
    let mut from = 0;
    while let Some(i) = t[from..].find(|c: char| c.is_ascii_digit() || c == '的') {
        let at = from + i;
        let year = t[at..].bytes().take_while(u8::is_ascii_digit).count() == 4
            && t[at + 4..].starts_with('年');
        if !year {
            end = at;
            break;
        }
        from = at + 4;
    }
    let words = t[..end].trim_end();
    // 占目标任务(剔除烟叶税)的: a note on the plan after it. The plan need not name its period
    // (完成任务的117.46%): a rate of a task, a plan or a target is progress against it.
    let plain = match words.strip_suffix([')', '）']) {
        Some(w) => w.rfind(['(', '（']).map_or(words, |i| &w[..i]),
        None => words,
    };
    let plan = ["计划", "任务", "目标", "计划指标", "任务指标"]
        .iter()
        .any(|w| plain.ends_with(w));
    plan.then_some(words)
}

/// When `clause` says what was done of the task `prev` states (粮食种植任务38089亩 / 已完成38492亩):
/// the item's name without 任务 (粮食种植).
fn done_of_task(prev: &DraftItem, clause: &str, drafted: &[Drafted]) -> Option<String> {
    let t = clause.trim();
    let done_words = ["已完成", "实际完成", "完成", "已落实"];
    let words_end = t.find(|c: char| c.is_ascii_digit())?;
    if !done_words.contains(&t[..words_end].trim()) {
        return None;
    }
    let [(done, _, _, _)] = drafted else {
        return None;
    };
    let [task] = prev.figures.as_slice() else {
        return None;
    };
    // 粮食生产目标任务 → 粮食生产.
    let mut name = prev.label.as_str();
    while let Some(rest) = ["任务", "计划", "目标"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
    {
        name = rest;
    }
    if name.len() == prev.label.len() {
        return None;
    }
    let same = task.amount.unit == done.amount.unit && !done.amount.is_rate();
    (same && task.plan.is_none() && !name.is_empty()).then(|| name.to_string())
}
