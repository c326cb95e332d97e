//! `extract`: a drafted data folder from a report's paragraphs — lines from its headings, items from
//! its sentences, every figure with the sentence it came from, and a review list of what it could not
//! place. It never invents: every number written occurs in the sentence the item cites.

use super::draft::{draft_unit, DraftItem, DraftKind, Reason, Review};
use super::label::slug;
use super::outline::{outline, sentences, Para};
use super::plan::{line_id, plan, LinePlan};
use super::words::{self, Amount, Deadline, Firmness};
use super::write::Drafted;
use crate::model::format::{Day, Figure, Group, Item, Ledger, LineFile, Milestone, Project, Town};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// What the clerk may set on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The as-of date, overriding what the report says.
    pub as_of: Option<NaiveDate>,
}

/// The result of an extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The data folder to write.
    pub drafted: Drafted,
    /// Sentences that need a person's look, with the reason.
    pub review: Vec<Review>,
    /// How many figures were drafted.
    pub figures: usize,
}

/// Extracts a data folder from a report's paragraphs. Fails only when no as-of date can be found
/// (the message asks for `--as-of`).
pub fn extract(paras: &[Para], opts: &Options) -> Result<Extraction, String> {
    let root = outline(&paras[..paras.len() - signature_len(paras)]);
    let all: String = paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let head: String = root.paras.join("\n");
    let title_line = root
        .paras
        .first()
        .filter(|t| t.chars().count() <= 60 && !t.ends_with('。') && !t.ends_with('：'));
    let (as_of, period) = as_of(opts, title_line.map_or("", |s| s), &head, paras, &all)?;
    let year = as_of.year();
    let name = town_name(&head).unwrap_or_else(|| "本镇".into());
    let title = match title_line {
        Some(t) => t.clone(),
        None => format!("{name}{year}年{period}工作汇报"),
    };
    let mut review = Vec::new();
    for p in &root.paras {
        for s in sentences(p) {
            for a in words::amounts(s) {
                review.push(Review {
                    sentence: s.into(),
                    reason: Reason::Outside(s[a.start..a.end].into()),
                });
            }
        }
    }
    let mut figures = 0;
    let mut lines = Vec::new();
    let mut used_ids = HashSet::new();
    for (n, lp) in plan(&root).iter().enumerate() {
        let line = draft_line(lp, n, year, as_of, &mut used_ids, &mut review, &mut figures);
        lines.push(line);
    }
    let town = Town {
        name,
        title,
        lines: lines.iter().map(|l: &LineFile| l.id.clone()).collect(),
        ..Town::default()
    };
    Ok(Extraction {
        drafted: Drafted {
            town,
            date: as_of.format("%Y-%m-%d").to_string(),
            lines,
        },
        review,
        figures,
    })
}

/// The as-of date and the period's words (上半年), from `--as-of`, the title and opening paragraphs
/// (上半年, 前三季度, 2023年度), or a date line of the report (2023年7月5日).
fn as_of(
    opts: &Options,
    title: &str,
    head: &str,
    paras: &[Para],
    all: &str,
) -> Result<(NaiveDate, String), String> {
    let year = report_year(title, paras, all);
    let period = |d: &Deadline| {
        ["上半年", "前三季度", "季度", "年度", "全年", "半年"]
            .iter()
            .find(|w| d.words.contains(*w))
            .map(|w| (d.date, w.to_string()))
    };
    let from_words = year.and_then(|y| {
        words::deadlines(&format!("{title}\n{head}"), y)
            .iter()
            .find_map(period)
    });
    if let Some(d) = opts.as_of {
        return Ok((d, from_words.map(|p| p.1).unwrap_or_default()));
    }
    if let Some(found) = from_words.or_else(|| date_line(paras).map(|d| (d, String::new()))) {
        return Ok(found);
    }
    Err(
        "无法从报告中确定截至日期（如“上半年”“前三季度”或落款日期），请用 --as-of YYYY-MM-DD 指定"
            .into(),
    )
}

/// The report's year: in its title, else in its date line, else the year it names most often.
fn report_year(title: &str, paras: &[Para], all: &str) -> Option<i32> {
    let years = |s: &str| -> Vec<i32> {
        let b = s.as_bytes();
        (0..b.len().saturating_sub(3))
            .filter(|&i| {
                b[i..i + 4].iter().all(u8::is_ascii_digit)
                    && (i == 0 || !b[i - 1].is_ascii_digit())
                    && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            })
            .filter_map(|i| s[i..i + 4].parse().ok())
            .filter(|y| (1990..2200).contains(y))
            .collect()
    };
    if let Some(y) = years(title).first() {
        return Some(*y);
    }
    if let Some(d) = date_line(paras) {
        return Some(d.year());
    }
    let all_years = years(all);
    let mut best: Option<(i32, usize)> = None;
    for y in &all_years {
        let n = all_years.iter().filter(|x| *x == y).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((*y, n));
        }
    }
    best.map(|b| b.0)
}

/// How many closing paragraphs are the signature block: the date line and the office's name
/// (青山镇人民政府 / 2024年7月5日), which belong to no work line.
fn signature_len(paras: &[Para]) -> usize {
    let date_at = paras.len().saturating_sub(3)
        + paras
            .iter()
            .rev()
            .take(3)
            .rev()
            .position(|p| date_line(std::slice::from_ref(p)).is_some())
            .unwrap_or(3);
    if date_at >= paras.len() {
        return 0;
    }
    let signer = date_at > 0 && {
        let t = paras[date_at - 1].text.trim();
        t.chars().count() <= 20 && !t.contains(['。', '，']) && outline_free(t)
    };
    paras.len() - date_at + usize::from(signer)
}

fn outline_free(t: &str) -> bool {
    super::outline::heading_mark(t).is_none()
}

/// The report's own date, on a line of its own near the end (2023年7月5日).
fn date_line(paras: &[Para]) -> Option<NaiveDate> {
    paras.iter().rev().take(4).find_map(|p| {
        let t = p.text.trim();
        let (y, rest) = t.split_once('年')?;
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        NaiveDate::from_ymd_opt(y.trim().parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
}

/// The town's name as the report writes it: the first …镇 / …街道 / …乡 after a break.
fn town_name(text: &str) -> Option<String> {
    for (i, _) in text
        .match_indices(['镇', '乡'])
        .chain(text.match_indices("街道"))
    {
        let before: Vec<char> = text[..i]
            .chars()
            .rev()
            .take_while(|c| *c == '*' || (*c >= '\u{4e00}' && *c <= '\u{9fff}'))
            .take(6)
            .collect();
        if !before.is_empty() && before.len() <= 4 {
            let name: String = before.iter().rev().collect();
            let tail = if text[i..].starts_with("街道") {
                "街道"
            } else {
                &text[i..i + 3]
            };
            return Some(format!("{name}{tail}"));
        }
    }
    None
}

fn draft_line(
    lp: &LinePlan,
    n: usize,
    year: i32,
    as_of: NaiveDate,
    used_ids: &mut HashSet<String>,
    review: &mut Vec<Review>,
    figures: &mut usize,
) -> LineFile {
    let (id, short) = match line_id(&lp.title, lp.target) {
        Some((id, short)) => (id.to_string(), Some(short.to_string())),
        None => (format!("line{}", n + 1), None),
    };
    let id = unique(&id, used_ids, "-");
    let mut item_ids = HashSet::new();
    let mut groups = Vec::new();
    for (title, units) in &lp.groups {
        let mut items: Vec<Item> = Vec::new();
        for unit in units {
            let drafted = draft_unit(unit, year, lp.target, review);
            if drafted.is_empty() && lp.target {
                // A next-step point with no figure is still a target: its heading and first sentence.
                if let (Some(h), Some(s)) = (&unit.heading, sentences(&unit.body).first()) {
                    items.push(task(&id, h, s, &mut item_ids));
                }
            }
            for d in drafted {
                *figures += count(&d);
                items.push(to_item(&id, d, &unit.body, &mut item_ids, review));
            }
        }
        if items.is_empty() {
            if let Some(s) = units
                .iter()
                .find_map(|u| sentences(&u.body).first().copied())
            {
                items.push(task(&id, title, s, &mut item_ids));
            }
        }
        if let Some(first) = items
            .iter_mut()
            .find(|i| !i.figures.is_empty() || i.ledger.is_some())
        {
            first.headline = true;
        }
        groups.push(Group {
            title: title.clone(),
            items,
        });
    }
    LineFile {
        schema: None,
        id,
        title: lp.title.clone(),
        short,
        as_of: Day(as_of),
        office: None,
        leader: None,
        groups,
    }
}

fn unique(base: &str, used: &mut HashSet<String>, sep: &str) -> String {
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

fn count(d: &DraftItem) -> usize {
    d.figures.len()
        + match d.kind {
            DraftKind::Project { .. } | DraftKind::Ledger { .. } => 1,
            _ => 0,
        }
}

fn task(line: &str, label: &str, source: &str, ids: &mut HashSet<String>) -> Item {
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
        project: None,
        ledger: None,
        note: None,
    }
}

/// A figure in today's format: a value, or a target in a next-step section. Bound and range words
/// stay in the label.
fn figure(a: &Amount, label: Option<String>, target: bool, text: &str) -> Figure {
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
    }
}

fn to_item(
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
            item.project = Some(Project {
                investment: Some(figure(investment, None, d.target, sent_of(investment))),
                status: status.clone(),
                problems: Vec::new(),
                milestones: ms,
            });
        }
        DraftKind::Ledger { found, rectified } => {
            item.ledger = Some(Ledger {
                unit: found.unit.clone(),
                found: found.value,
                rectified: rectified.value,
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
    if let Some(f) = d.firmness {
        item.note = Some(format!("目标措辞：{}", f.zh()));
        // 确保 and 力争 change what a miss means; 计划 and 预计 are how plans are always worded.
        if matches!(f, Firmness::Must | Firmness::Strive) {
            review.push(Review {
                sentence: source.into(),
                reason: Reason::Firmness(f.zh()),
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

#[cfg(test)]
mod tests;
