//! The intermediate draft: what `extract` understood of each sentence, with every construct kept —
//! growth, parts (其中), bounds and firmness included, even where today's format cannot hold them yet.

use super::label::label;
use super::outline::{sentences, Unit};
pub use super::review::{Reason, Review};

mod asides;
mod kinds;
use super::words::{amounts, deadlines, Amount, Deadline, Firmness};
pub(crate) use asides::strip_growth_words;
use kinds::{bundle_money, found_then_rectified, is_bundle, ledger, project_clause, task_item};

/// A figure placed on an item.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFigure {
    /// The figure as read.
    pub amount: Amount,
    /// What it counts, when the item has several figures.
    pub label: Option<String>,
}

/// What kind of thing an item is.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftKind {
    /// Counts and amounts (召开会议6次).
    Quantity,
    /// A key project introduced with its investment (引进总投资1.2亿元…项目).
    Project {
        /// 总投资 as stated.
        investment: Amount,
        /// 形象进度 in words (the 目前… clause).
        status: Option<String>,
        /// Milestones: what is due, and when.
        milestones: Vec<(String, Deadline)>,
    },
    /// A hazard ledger (发现并整改隐患11处): found and rectified.
    Ledger {
        /// Found.
        found: Amount,
        /// Rectified.
        rectified: Amount,
    },
    /// A next-step task without figures (争取年底前完成呼雷汤项目重启建设).
    Task,
}

/// One drafted item.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    /// The draft label.
    pub label: String,
    /// The label guess is sure enough to pass without a look.
    pub sure: bool,
    /// Byte range of the source sentence(s) in the unit's text.
    pub source: (usize, usize),
    /// The figures.
    pub figures: Vec<DraftFigure>,
    /// What kind of item.
    pub kind: DraftKind,
    /// Its deadline, for a target.
    pub deadline: Option<Deadline>,
    /// 确保 / 力争 / 预计 …, for a target.
    pub firmness: Option<Firmness>,
    /// Figures are targets (a 下步 section).
    pub target: bool,
    /// Changes of its figures (同比增长8.5%), each written on the figure before it (or on a figure of
    /// its own when the sentence states no base: 固定资产投资同比增长20.1%).
    pub growth: Vec<Amount>,
    /// Parts of its figure (其中税收收入2800万元), written under the whole in their unit.
    pub parts: Vec<Amount>,
    /// Size classes of parts (其中500万元以上项目…4.86亿元): (the part's start, the threshold).
    pub thresholds: Vec<(usize, Amount)>,
}

/// Clause byte ranges of a sentence, cut at ， and ,.
fn clauses(sent: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    for (i, c) in sent.char_indices() {
        match c {
            '“' | '（' | '《' | '(' => depth += 1,
            '”' | '）' | '》' | ')' => depth -= 1,
            '，' | ',' | '：' | ':' if depth <= 0 => {
                out.push((start, i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    let end = sent.trim_end_matches(['。', '；', ';', '！', '？']).len();
    out.push((start, end.max(start)));
    out
}

/// A rate told as a change (同比分别-6.2%, 增幅10%): not a level.
fn is_change_rate(a: &Amount, before_in_clause: &str) -> bool {
    a.is_rate()
        && ["同比", "环比", "增长", "下降", "增幅", "降幅", "增速"]
            .iter()
            .any(|w| before_in_clause.contains(w))
}

fn is_money(unit: &str) -> bool {
    matches!(unit, "万元" | "亿元" | "元")
}

/// Drafts the items of one unit (a paragraph or a 一是 segment). `target` for a 下步 section.
pub fn draft_unit(
    unit: &Unit,
    year: i32,
    target: bool,
    review: &mut Vec<Review>,
) -> Vec<DraftItem> {
    let mut d = Drafter {
        target,
        items: Vec::new(),
        project: None,
        consumed: Vec::new(),
        asides: Vec::new(),
        review,
    };
    let body = unit.body.as_str();
    let mut offset = 0;
    for text in sentences(body) {
        let s0 = body[offset..].find(text).map_or(offset, |i| offset + i);
        offset = s0 + text.len();
        d.sentence(&Sentence {
            text,
            span: (s0, offset),
            found: amounts(text),
            dls: deadlines(text, year),
        });
    }
    d.items
}

/// One sentence with its figures and deadlines.
struct Sentence<'a> {
    text: &'a str,
    span: (usize, usize),
    found: Vec<Amount>,
    dls: Vec<Deadline>,
}

/// The items of a unit being drafted, sentence by sentence.
struct Drafter<'r> {
    target: bool,
    items: Vec<DraftItem>,
    /// The project the unit introduced: later figures of the unit are its figures.
    project: Option<usize>,
    /// Figures of the sentence already drafted with an earlier one (a ledger's rectified count).
    consumed: Vec<usize>,
    /// Growth (false) and parts (true) of the clause, for the item they belong to, with the size
    /// class a part is counted in.
    asides: Vec<(bool, Amount, Option<Amount>)>,
    review: &'r mut Vec<Review>,
}

impl Drafter<'_> {
    fn sentence(&mut self, s: &Sentence) {
        self.consumed.clear();
        unread_numbers(s.text, &s.found, &s.dls, self.review);
        let cl = clauses(s.text);
        for (ci, &(cs, ce)) in cl.iter().enumerate() {
            let next = cl.get(ci + 1).map(|&(a, b)| &s.text[a..b]);
            self.clause(s, cs, ce, next);
        }
    }

    fn clause(&mut self, s: &Sentence, cs: usize, ce: usize, next: Option<&str>) {
        self.place(s, cs, ce, next);
        self.asides(s, cs, ce);
    }

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
        let mut figs = self.levels(s, cs, clause, here);
        if figs.is_empty() {
            return;
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
                }));
            return;
        }
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
        // 300亩的农业种业基地和千亩百合园项目: two things joined by 和, two items.
        for run in apart(drafted) {
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
                    })
                    .collect(),
                kind: DraftKind::Quantity,
                deadline: target
                    .then(|| dl.clone().or_else(|| s.dls.first().cloned()))
                    .flatten(),
                firmness: target.then(|| super::words::firmness(clause)).flatten(),
                target,
                growth: Vec::new(),
                parts: Vec::new(),
                thresholds: Vec::new(),
            });
        }
    }

    /// The figures of a clause that are levels. Parts (after 其中, with the size class they are
    /// counted in) and growth are set aside for the item they belong to; bounds and ranges stay.
    fn levels<'a>(
        &mut self,
        s: &Sentence,
        cs: usize,
        clause: &str,
        here: Vec<&'a Amount>,
    ) -> Vec<&'a Amount> {
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
        let _ = clause;
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
            firmness: super::words::firmness(clause),
            target: self.target,
            growth: Vec::new(),
            parts: Vec::new(),
            thresholds: Vec::new(),
        });
        true
    }
}

/// The figures of one clause with their labels: the first labelled from the clause, each further
/// one from the words between it and the figure before.
fn figures_of(
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
        let piece = &sent[from..to];
        let (l, sure) = label(
            piece,
            a.start - from,
            a.end - from,
            if k + 1 == figs.len() { next } else { None },
        );
        out.push((
            DraftFigure {
                amount: (*a).clone(),
                label: (k > 0).then(|| l.clone()),
            },
            l,
            sure,
            joined,
        ));
        from = a.end;
    }
    out
}

/// A figure of a clause: the figure, its label, whether the label is sure, and whether it is
/// joined to the one before by 和/与/及 (a second thing, not a second figure of the first).
type Drafted = (DraftFigure, String, bool, bool);

/// The figures of a clause cut into items: a figure joined by 和 starts a new one.
fn apart(drafted: Vec<Drafted>) -> Vec<Vec<(DraftFigure, String, bool)>> {
    let mut runs: Vec<Vec<(DraftFigure, String, bool)>> = Vec::new();
    for (f, l, sure, joined) in drafted {
        match runs.last_mut() {
            Some(run) if !joined => run.push((f, l, sure)),
            _ => runs.push(vec![(f, l, sure)]),
        }
    }
    runs
}

/// Arabic numbers that are neither a figure nor a date: the sentence goes to the review list once.
fn unread_numbers(sent: &str, found: &[Amount], dls: &[Deadline], review: &mut Vec<Review>) {
    let covered = |i: usize| {
        found.iter().any(|a| a.start <= i && i < a.end)
            || dls.iter().any(|d| d.start <= i && i < d.end)
    };
    let mut unread: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < sent.len() {
        let c = sent[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() && !covered(i) {
            let len = sent[i..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.')
                .count();
            let after = &sent[i + len..];
            // Ages, dates, month ranges (1-5月) and codes (3C, 5G) are words, not figures.
            let month_range = after.strip_prefix(['-', '—', '－', '~']).is_some_and(|r| {
                r.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with('月')
            });
            let code = after.starts_with(|c: char| c.is_ascii_alphabetic());
            let skip = month_range
                || code
                || ["岁", "年", "月", "日", "号", "届", "周年"]
                    .iter()
                    .any(|w| after.starts_with(w));
            if !skip {
                unread.push(&sent[i..i + len]);
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    if !unread.is_empty() {
        review.push(Review {
            sentence: sent.into(),
            reason: Reason::Unread(unread.join("、")),
        });
    }
}

#[cfg(test)]
mod tests;
