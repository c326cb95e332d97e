//! Placing a clause's figures: on the unit's project, a ledger, a bundle, or new items.

use super::figures::{apart, figures_of, subject_count_last, Drafted};
use super::kinds::{
    bundle_money, found_then_rectified, is_bundle, ledger, project_clause, task_item,
};
use super::{
    clauses, is_change_rate, is_money, unread_numbers, Amount, Deadline, DraftFigure, DraftItem,
    DraftKind, Drafter, Reason, Review, Sentence,
};
use crate::ingest::words::firmness;

impl Drafter<'_> {
    /// Drafts one sentence, clause by clause.
    pub(super) fn sentence(&mut self, s: &Sentence) {
        self.consumed.clear();
        unread_numbers(s.text, &s.found, &s.dls, self.review);
        let cl = clauses(s.text);
        for (ci, &(cs, ce)) in cl.iter().enumerate() {
            let next = cl.get(ci + 1).map(|&(a, b)| &s.text[a..b]);
            self.clause(s, cs, ce, next);
        }
    }

    /// Places one clause's figures, then its growth and parts.
    fn clause(&mut self, s: &Sentence, cs: usize, ce: usize, next: Option<&str>) {
        self.place(s, cs, ce, next);
        self.asides(s, cs, ce);
    }

    /// Places the clause's figures that are levels (see [`Drafter::levels`]).
    fn place(&mut self, s: &Sentence, cs: usize, ce: usize, next: Option<&str>) {
        let clause = &s.text[cs..ce];
        let here: Vec<&Amount> = s
            .found
            .iter()
            .filter(|a| a.start >= cs && a.end <= ce && !self.consumed.contains(&a.start))
            .collect();
        let dl = s.dls.iter().find(|d| d.start >= cs && d.end <= ce).cloned();
        let project = self.project;
        if let Some(p) = project.and_then(|p| self.items.get_mut(p)) {
            project_clause(p, clause, cs, dl.clone(), s.text, s.span, here.is_empty());
        } else if here.is_empty() && self.target {
            self.items
                .extend(task_item(clause, cs, dl.clone(), s.text, s.span));
        }
        let mut figs = self.levels(s, cs, here);
        if figs.is_empty() {
            return;
        }
        // 引进1亿元以上项目1个: the money is the size class of what is counted, part of its name.
        if figs.len() >= 2 && size_class(clause, cs, figs[0], figs[1]) {
            figs.remove(0);
        }
        if self.starts_project(s, cs, clause, figs[0]) {
            figs.remove(0);
            if figs.is_empty() {
                return;
            }
        }
        if let Some(item) = ledger(s.text, cs, ce, &figs, s.span) {
            self.items.push(item);
            return;
        }
        if let Some((item, rectified)) = found_then_rectified(s.text, &s.found, figs[0], s.span) {
            self.items.push(item);
            self.consumed.push(rectified);
            figs.remove(0);
            if figs.is_empty() {
                return;
            }
        }
        let drafted = figures_of(s.text, cs, ce, &figs, next);
        if let Some(p) = project.and_then(|p| self.items.get_mut(p)) {
            p.source.1 = s.span.1;
            p.figures
                .extend(drafted.into_iter().map(|(f, l, _, _)| DraftFigure {
                    amount: f.amount,
                    label: Some(l),
                    plan: None,
                }));
            return;
        }
        self.new_items(s, clause, dl, drafted);
    }

    /// Figures that belong to no project: added to the sentence's bundle, or drafted as new
    /// quantity items, one per thing named.
    fn new_items(
        &mut self,
        s: &Sentence,
        clause: &str,
        dl: Option<Deadline>,
        drafted: Vec<Drafted>,
    ) {
        // 13个重点项目累计完成投资35.42亿元，占年计划100.36%: the bundle's money and rate, one item.
        if let Some(b) = self
            .items
            .last_mut()
            .filter(|i| i.source == s.span && is_bundle(i, s.text))
            .filter(|_| {
                drafted
                    .iter()
                    .all(|(f, _, _, _)| bundle_money(&f.amount, s.text))
            })
        {
            b.figures.extend(drafted.into_iter().map(|(f, _, _, _)| f));
            return;
        }
        // 实际到位资金13456万元，占全年计划的67%; 粮食种植任务38089亩，已完成38492亩: the plan and the
        // progress against it belong to the figure before.
        let before = self
            .items
            .last_mut()
            .filter(|i| i.source == s.span && matches!(i.kind, DraftKind::Quantity) && !i.target);
        let drafted = match before {
            Some(prev) => match super::plans::against_plan(prev, clause, drafted) {
                Ok(()) => return,
                Err(drafted) => drafted,
            },
            None => drafted,
        };
        // 300亩的农业种业基地和千亩百合园项目: two things joined by 和, two items.
        for mut run in apart(drafted) {
            subject_count_last(&mut run, s.text);
            let (label, sure) = (run[0].1.clone(), run[0].2 && run.len() == 1);
            let target = self.target;
            self.items.push(DraftItem {
                label,
                sure,
                source: s.span,
                figures: run
                    .into_iter()
                    .enumerate()
                    .map(|(k, (f, _, _))| DraftFigure {
                        label: if k == 0 { None } else { f.label },
                        amount: f.amount,
                        plan: None,
                    })
                    .collect(),
                kind: DraftKind::Quantity,
                deadline: target
                    .then(|| dl.clone().or_else(|| s.dls.first().cloned()))
                    .flatten(),
                firmness: target.then(|| firmness(clause)).flatten(),
                target,
                growth: Vec::new(),
                parts: Vec::new(),
                thresholds: Vec::new(),
            });
        }
    }

    /// The figures of a clause that are levels. Parts (after 其中, with the size class they are
    /// counted in) and growth are set aside for the item they belong to; bounds and ranges stay.
    fn levels<'a>(&mut self, s: &Sentence, cs: usize, here: Vec<&'a Amount>) -> Vec<&'a Amount> {
        // After 其中, figures in the unit of the first one are parts of the whole before it.
        let part_from = s.text.find("其中").unwrap_or(s.text.len());
        let part_unit = s
            .found
            .iter()
            .find(|a| a.start > part_from && a.bound.is_none() && a.upper.is_none())
            .map(|a| a.unit.as_str());
        let mut figs = Vec::new();
        let mut class: Option<Amount> = None;
        for a in here {
            // 500万元以上项目, 10至500万元项目: a size class of the parts, not a part.
            let threshold = a.start > part_from && (a.bound.is_some() || a.upper.is_some());
            if threshold {
                class = Some(a.clone());
            } else if a.start > part_from && Some(a.unit.as_str()) == part_unit {
                let t = class.take();
                self.asides.push((true, a.clone(), t));
            } else if a.growth.is_some() || is_change_rate(a, &s.text[cs..a.start]) {
                self.asides.push((false, a.clone(), None));
            } else {
                figs.push(a);
            }
        }
        if let Some(t) = class {
            // A size class with no part after it in the clause: it cannot be placed.
            self.review.push(Review {
                sentence: s.text.into(),
                reason: Reason::Part(s.text[t.start..t.end].into()),
            });
        }
        figs
    }

    /// A project introduced by its investment (引进总投资1.2亿元禾源白羽鸡养殖项目): true when the
    /// clause starts one.
    fn starts_project(&mut self, s: &Sentence, cs: usize, clause: &str, first: &Amount) -> bool {
        let after = clause[first.end - cs..].trim_start_matches('的');
        if !is_money(&first.unit) || !after.ends_with("项目") || after.chars().count() < 4 {
            return false;
        }
        self.project = Some(self.items.len());
        self.items.push(DraftItem {
            label: after.to_string(),
            sure: !after.contains('*'),
            source: s.span,
            figures: Vec::new(),
            kind: DraftKind::Project {
                investment: first.clone(),
                status: None,
                milestones: Vec::new(),
            },
            deadline: None,
            firmness: firmness(clause),
            target: self.target,
            growth: Vec::new(),
            parts: Vec::new(),
            thresholds: Vec::new(),
        });
        true
    }
}

/// True when `a` (1亿元以上) names the size class of the thing `b` counts (项目1个): a bounded money
/// figure right before the thing's name, the count right after it, ending the clause (in
/// 资金2000万元以上支持5个村发展产业 the count names whom the money reaches: no class).
fn size_class(clause: &str, cs: usize, a: &Amount, b: &Amount) -> bool {
    let between = &clause[a.end - cs..b.start - cs];
    let after = clause[b.end - cs..].trim_end_matches(['，', '。', '；', ' ']);
    after.is_empty()
        && a.bound.is_some()
        && is_money(&a.unit)
        && !b.is_rate()
        && !is_money(&b.unit)
        && (1..=6).contains(&between.chars().count())
        && !between.contains(['、', '和', '及'])
}
