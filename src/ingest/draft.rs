//! The intermediate draft: what `extract` understood of each sentence, with every construct kept —
//! growth, parts (其中), bounds and firmness included, even where today's format cannot hold them yet.

use super::label::label;
use super::outline::{sentences, Unit};
use super::words::{amounts, deadlines, Amount, Deadline, Firmness};

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
}

/// Why a sentence needs a person's look.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A growth rate (同比增长10.6%): not a level; the format has no growth field yet.
    Growth(String),
    /// A part of a whole (其中…): the format has no parts yet.
    Part(String),
    /// A bound or a range (至少3个, 3—5个): kept as its number; the format has no bounds yet.
    Bound(String),
    /// The firmness of a target (力争, 确保): written to the item's note for now.
    Firmness(&'static str),
    /// The label is a rough guess.
    Label(String),
    /// Figures outside any work line (before the first heading).
    Outside(String),
    /// A number with no unit huibao recognises.
    Unread(String),
    /// A table row whose figures the text already states.
    Repeated,
}

impl Reason {
    /// The reason in words.
    pub fn text(&self, en: bool) -> String {
        match (self, en) {
            (Reason::Growth(w), false) => format!("增幅“{w}”：格式暂不能保存增幅，未写入"),
            (Reason::Growth(w), true) => {
                format!("growth \"{w}\": the format cannot hold growth yet; not written")
            }
            (Reason::Part(w), false) => format!("“{w}”是其中的一部分：格式暂不能保存，未写入"),
            (Reason::Part(w), true) => format!(
                "\"{w}\" is a part of a whole: the format cannot hold parts yet; not written"
            ),
            (Reason::Bound(w), false) => format!("“{w}”带上下限：暂按数字写入，请核对"),
            (Reason::Bound(w), true) => {
                format!("\"{w}\" is a bound or range: written as its number; please check")
            }
            (Reason::Firmness(w), false) => format!("目标措辞“{w}”：暂写入备注"),
            (Reason::Firmness(w), true) => {
                format!("target wording \"{w}\": kept in the note for now")
            }
            (Reason::Label(l), false) => format!("标签“{l}”为草拟，请核对"),
            (Reason::Label(l), true) => format!("label \"{l}\" is a rough draft; please check"),
            (Reason::Outside(w), false) => format!("“{w}”不在任何工作条线标题下，未写入"),
            (Reason::Outside(w), true) => {
                format!("\"{w}\" is under no work-line heading; not written")
            }
            (Reason::Unread(w), false) => format!("数字“{w}”没有可识别的单位，未写入"),
            (Reason::Unread(w), true) => {
                format!("number \"{w}\" has no unit huibao knows; not written")
            }
            (Reason::Repeated, false) => "表格行的数字正文已有，未重复写入".into(),
            (Reason::Repeated, true) => {
                "a table row repeating figures of the text; not written twice".into()
            }
        }
    }
}

/// A review entry: the sentence as in the report, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The sentence, verbatim.
    pub sentence: String,
    /// Why it needs a look.
    pub reason: Reason,
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
    let body = unit.body.as_str();
    let mut items: Vec<DraftItem> = Vec::new();
    let mut project: Option<usize> = None;
    let mut offset = 0;
    for sent in sentences(body) {
        let s0 = body[offset..].find(sent).map_or(offset, |i| offset + i);
        offset = s0 + sent.len();
        let span = (s0, offset);
        let found = amounts(sent);
        let dls = deadlines(sent, year);
        unread_numbers(sent, &found, &dls, review);
        let cl = clauses(sent);
        for (ci, &(cs, ce)) in cl.iter().enumerate() {
            let clause = &sent[cs..ce];
            let here: Vec<&Amount> = found
                .iter()
                .filter(|a| a.start >= cs && a.end <= ce)
                .collect();
            let next = cl.get(ci + 1).map(|&(a, b)| &sent[a..b]);
            let dl = dls.iter().find(|d| d.start >= cs && d.end <= ce).cloned();
            if let Some(p) = project.and_then(|p| items.get_mut(p)) {
                project_clause(p, clause, cs, dl.clone(), sent, span, here.is_empty());
            } else if here.is_empty() && target {
                items.extend(task_item(clause, cs, dl.clone(), sent, span));
            }
            if here.is_empty() {
                continue;
            }
            // After 其中, figures in the unit of the first one are parts of the whole before it.
            let part_from = sent.find("其中").unwrap_or(sent.len());
            let part_unit = found
                .iter()
                .find(|a| a.start > part_from)
                .map(|a| a.unit.as_str());
            let mut figs: Vec<&Amount> = Vec::new();
            let mut parted = false;
            for a in here {
                if a.start > part_from && Some(a.unit.as_str()) == part_unit {
                    if !parted {
                        review.push(Review {
                            sentence: sent.into(),
                            reason: Reason::Part(clause.trim().into()),
                        });
                    }
                    parted = true;
                } else if a.growth.is_some() || is_change_rate(a, &sent[cs..a.start]) {
                    review.push(Review {
                        sentence: sent.into(),
                        reason: Reason::Growth(clause.trim().into()),
                    });
                } else {
                    if a.bound.is_some() || a.upper.is_some() {
                        review.push(Review {
                            sentence: sent.into(),
                            reason: Reason::Bound(sent[a.start..a.end].into()),
                        });
                    }
                    figs.push(a);
                }
            }
            if figs.is_empty() {
                continue;
            }
            // A project introduced by its investment: 引进总投资1.2亿元禾源白羽鸡养殖项目.
            let after = clause[figs[0].end - cs..].trim_start_matches('的');
            if is_money(&figs[0].unit) && after.ends_with("项目") && after.chars().count() >= 4 {
                project = Some(items.len());
                items.push(DraftItem {
                    label: after.to_string(),
                    sure: !after.contains('*'),
                    source: span,
                    figures: Vec::new(),
                    kind: DraftKind::Project {
                        investment: figs[0].clone(),
                        status: None,
                        milestones: Vec::new(),
                    },
                    deadline: None,
                    firmness: super::words::firmness(clause),
                    target,
                });
                figs.remove(0);
                if figs.is_empty() {
                    continue;
                }
            }
            if let Some(item) = ledger(sent, cs, ce, &figs, span) {
                items.push(item);
                continue;
            }
            let drafted = figures_of(sent, cs, ce, &figs, next);
            match project.and_then(|p| items.get_mut(p)) {
                Some(p) => {
                    p.source.1 = span.1;
                    p.figures
                        .extend(drafted.into_iter().map(|(f, l, _)| DraftFigure {
                            amount: f.amount,
                            label: Some(l),
                        }));
                }
                None => {
                    let (label, sure) = (drafted[0].1.clone(), drafted[0].2 && drafted.len() == 1);
                    items.push(DraftItem {
                        label,
                        sure,
                        source: span,
                        figures: drafted.into_iter().map(|(f, _, _)| f).collect(),
                        kind: DraftKind::Quantity,
                        deadline: if target {
                            dl.or_else(|| dls.first().cloned())
                        } else {
                            None
                        },
                        firmness: if target {
                            super::words::firmness(clause)
                        } else {
                            None
                        },
                        target,
                    });
                }
            }
        }
    }
    items
}

/// The figures of one clause with their labels: the first labelled from the clause, each further
/// one from the words between it and the figure before.
fn figures_of(
    sent: &str,
    cs: usize,
    ce: usize,
    figs: &[&Amount],
    next: Option<&str>,
) -> Vec<(DraftFigure, String, bool)> {
    let mut out = Vec::new();
    let mut from = cs;
    for (k, a) in figs.iter().enumerate() {
        let to = figs.get(k + 1).map_or(ce, |b| b.start);
        if k > 0 {
            // 300亩的农业种业基地和千亩百合园: the second figure's words start after 和.
            if let Some(i) = sent[from..a.start].rfind(['和', '与', '及']) {
                from += i + '和'.len_utf8();
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
        ));
        from = a.end;
    }
    out
}

/// 发现并整改隐患11处 → a ledger of 隐患, found 11, rectified 11.
fn ledger(
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
    })
}

fn kind_is_named(noun: &str) -> bool {
    noun.chars().count() >= 2
}

/// A clause of a project's paragraph: its status (目前…) or, when it has no figure, a milestone.
fn project_clause(
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
fn task_item(
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
        firmness: super::words::firmness(clause),
        target: true,
    })
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
            // Ages, dates, years and ordinals are words, not figures.
            let skip = ["岁", "年", "月", "日", "号", "届", "周年"]
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
