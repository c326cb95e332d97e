//! The intermediate draft: what `extract` understood of each sentence, with every construct kept —
//! growth, parts (其中), bounds and firmness included, even where today's format cannot hold them yet.

use super::label::label;
use super::outline::{sentences, Unit};
pub use super::review::{Reason, Review};

mod asides;
mod figures;
mod kinds;
mod place;
mod plans;
mod unread;
use super::words::{amounts, deadlines, Amount, Deadline, Firmness};
pub(crate) use asides::strip_growth_words;
pub(crate) use plans::of_the_plan;
use unread::unread_numbers;

/// A figure placed on an item.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFigure {
    /// The figure as read.
    pub amount: Amount,
    /// What it counts, when the item has several figures.
    pub label: Option<String>,
    /// The plan it is measured against, stated with it (任务38089亩，已完成38492亩; 占全年任务2355万元
    /// 的60%): the figure's target.
    pub plan: Option<Amount>,
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

/// Clause byte ranges of a sentence, cut at ， , ： and at a ； inside it (a 其中 list run on).
fn clauses(sent: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let stray = super::outline::unclosed(sent);
    for (i, c) in sent.char_indices() {
        match c {
            '“' | '（' | '《' | '(' if !stray.contains(&i) => depth += 1,
            '”' | '）' | '》' | ')' => depth = (depth - 1).max(0),
            '，' | ',' | '：' | ':' | '；' | ';' if depth <= 0 && i + c.len_utf8() < sent.len() =>
            {
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

#[cfg(test)]
mod tests;
