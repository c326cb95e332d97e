//! `extract`: a drafted data folder from a report's paragraphs — lines from its headings, items from
//! its sentences, every figure with the sentence it came from, and a review list of what it could not
//! place. It never invents: every number written occurs in the sentence the item cites.

use super::draft::{draft_unit, Reason, Review};
use super::emit::{count, task, to_item, unique};
use super::outline::{outline, sentences, units, Para, Unit};
use super::period::{as_of, is_meta, period_without_year, signature_len, title_line, town_name};
use super::plan::{is_target, line_id, plan, LinePlan};
use super::table::{key_tasks, row_figures, TaskRow};
use super::words::{self, Amount};
use super::write::Drafted;
use super::Message;
use crate::model::format::{Day, Town};
use crate::model::{Group, Item, LineFile};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// The paragraphs without the table rows whose every figure the prose states already (a 附表 that
/// repeats the text): drafted once, from the prose. Each skipped row is listed for a look.
fn without_repeated_tables(paras: &[Para], review: &mut Vec<Review>) -> Vec<Para> {
    let key = |a: &Amount| (format!("{:?}", a.value), a.unit.clone());
    let prose: HashSet<(String, String)> = paras
        .iter()
        .filter(|p| !p.table)
        .flat_map(|p| words::amounts(&p.text))
        .map(|a| key(&a))
        .collect();
    paras
        .iter()
        .filter(|p| {
            let found = words::amounts(&p.text);
            let repeated =
                p.table && !found.is_empty() && found.iter().all(|a| prose.contains(&key(a)));
            if repeated {
                review.push(Review {
                    sentence: p.text.clone(),
                    reason: Reason::Repeated,
                });
            }
            !repeated
        })
        .cloned()
        .collect()
}

/// The title of the line drafted from a report's opening figures.
const INDICATORS: &str = "主要指标";

/// What the clerk may set on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The as-of date, overriding what the report says.
    pub as_of: Option<NaiveDate>,
    /// Today: dates a period the report names without a year (今年上半年), as a guess to review.
    pub today: Option<NaiveDate>,
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
pub fn extract(paras: &[Para], opts: &Options) -> Result<Extraction, Message> {
    let mut review = Vec::new();
    let body = without_repeated_tables(&paras[..paras.len() - signature_len(paras)], &mut review);
    let (task_rows, body) = key_tasks(&body);
    let root = outline(&body);
    let title_line = title_line(&root.paras);
    let head: Vec<String> = root
        .paras
        .iter()
        .filter(|p| Some(*p) != title_line && !is_meta(p))
        .cloned()
        .collect();
    let (lines_plan, loose) = plan(&root);
    let headings: Vec<String> = root
        .kids
        .iter()
        .filter(|k| !is_target(&k.title))
        .map(|k| k.title.clone())
        .collect();
    let title_text = title_line.map_or("", |s| s.as_str());
    let (as_of, period) = match as_of(opts.as_of, title_text, &head, &headings, paras) {
        Ok(found) => found,
        Err(e) => {
            let guess = opts
                .today
                .and_then(|t| period_without_year(title_text, &head, &headings, t))
                .ok_or(e)?;
            review.push(Review {
                sentence: guess.2,
                reason: Reason::YearGuessed(guess.0.format("%Y-%m-%d").to_string()),
            });
            (guess.0, guess.1)
        }
    };
    let year = as_of.year();
    let name = town_name(&root.paras.join("\n"))
        .or_else(|| town_name(&head.join("\n")))
        .unwrap_or_else(|| "本镇".into());
    let title = match title_line {
        Some(t) => t.clone(),
        None => format!("{name}{year}年{period}工作汇报"),
    };
    let opening: Vec<String> = head.into_iter().chain(loose).collect();
    let lines_plan = with_opening(lines_plan, &opening, title_line);
    let (mut lines, mut figures) = draft_lines(&lines_plan, year, as_of, &mut review);
    set_target_periods(&mut lines, &lines_plan, year, &title);
    if !task_rows.is_empty() {
        let t = title_line.cloned().unwrap_or_else(|| "重点工作".into());
        let used: HashSet<String> = lines.iter().map(|l| l.id.to_string()).collect();
        lines.push(task_line(
            &task_rows,
            &t,
            as_of,
            &used,
            &mut figures,
            &mut review,
        ));
    }
    review.dedup();
    // Headings with nothing under them are not work lines.
    for line in &mut lines {
        line.groups.retain(|g| !g.items.is_empty());
    }
    lines.retain(|l: &LineFile| !l.groups.is_empty());
    if lines.is_empty() {
        return Err(Message::new(
            "报告中没有找到可起草的工作内容（标题、段落或数字）",
            "nothing to draft: the report has no headings, paragraphs or figures huibao can use",
        ));
    }
    let town = town_of(&lines, name, title);
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

/// A plan's targets share its period's end: the period its heading names, else the report title's.
fn set_target_periods(lines: &mut [LineFile], lines_plan: &[LinePlan], year: i32, title: &str) {
    for (line, lp) in lines.iter_mut().zip(lines_plan).filter(|(_, lp)| lp.target) {
        let y = words::deadlines(&lp.title, year)
            .first()
            .map_or(year, |d| d.date.year());
        line.period = v2::period_of(&lp.title, y).or_else(|| v2::period_of(title, y));
    }
}

/// The town file of the drafted lines: the town's name, the report's title, and its work lines
/// in order.
fn town_of(lines: &[LineFile], name: String, title: String) -> Town {
    Town {
        format: v2::uses_format_2(lines).then_some(crate::model::format::FORMAT_VERSION),
        name: name.into(),
        title: title.into(),
        lines: lines
            .iter()
            .filter(|l: &&LineFile| l.role == crate::model::LineRole::Work)
            .map(|l| l.id.clone())
            .collect(),
        ..Town::default()
    }
}

/// Figures before the first heading (and under a summary heading, before its parts) are the key
/// indicators (地区生产总值…): a 主要指标 line first. A report without headings is one line.
fn with_opening(
    mut lines: Vec<LinePlan>,
    opening: &[String],
    title: Option<&String>,
) -> Vec<LinePlan> {
    let has_figures = |p: &&String| sentences(p).iter().any(|s| !words::amounts(s).is_empty());
    if lines.is_empty() {
        let t = title.cloned().unwrap_or_else(|| "工作情况".into());
        let units = opening.iter().flat_map(|p| units(p)).collect();
        lines.push(LinePlan {
            title: t.clone(),
            target: false,
            groups: vec![(t, units)],
        });
    } else if opening.iter().any(|p| has_figures(&p)) {
        let kept: Vec<Unit> = opening
            .iter()
            .filter(has_figures)
            .flat_map(|p| units(p))
            .collect();
        let line = LinePlan {
            title: INDICATORS.into(),
            target: false,
            groups: vec![(INDICATORS.into(), kept)],
        };
        lines.insert(0, line);
    }
    lines
}

/// The line of a key-task table: one item per row, with its leader, office and figures.
fn task_line(
    rows: &[TaskRow],
    title: &str,
    as_of: NaiveDate,
    used: &HashSet<String>,
    figures: &mut usize,
    review: &mut Vec<Review>,
) -> LineFile {
    let (id, short) = match line_id(title, false) {
        Some((id, short)) if !used.contains(id) => (id.to_string(), Some(short.to_string())),
        _ => (
            unique("tasks", &mut used.clone(), "-"),
            Some("重点工作".to_string()),
        ),
    };
    let mut ids = HashSet::new();
    let items = rows
        .iter()
        .map(|r| {
            let mut it = task(&id, &r.name, &r.text, &mut ids);
            it.leader = r.leader.clone().map(Into::into);
            it.office = r.office.clone().map(Into::into);
            it.figures = row_figures(r);
            *figures += it.figures.len();
            for a in words::amounts(&r.progress)
                .iter()
                .filter(|a| a.growth.is_some())
            {
                review.push(Review {
                    sentence: r.text.clone(),
                    reason: Reason::Growth(r.progress[a.start..a.end].into()),
                });
            }
            for (column, cell) in &r.other {
                review.push(Review {
                    sentence: r.text.clone(),
                    reason: Reason::Unread(format!("{column}：{cell}")),
                });
            }
            it
        })
        .collect();
    LineFile {
        schema: None,
        id: id.into(),
        title: title.into(),
        short: short.map(Into::into),
        as_of: Day(as_of),
        office: None,
        leader: None,
        role: crate::model::LineRole::Work,
        period: None,
        groups: vec![Group {
            title: title.into(),
            period: None,
            items,
        }],
    }
}

/// Drafts every planned line; returns the line files and how many figures were drafted.
fn draft_lines(
    plans: &[LinePlan],
    year: i32,
    as_of: NaiveDate,
    review: &mut Vec<Review>,
) -> (Vec<LineFile>, usize) {
    let mut figures = 0;
    let mut used_ids = HashSet::new();
    let lines = plans
        .iter()
        .enumerate()
        .map(|(n, lp)| {
            // A next-step line's deadlines fall in the year its heading names (2024年工作思路).
            let line_year = match lp.target {
                true => words::deadlines(&lp.title, year)
                    .first()
                    .map_or(year, |d| d.date.year()),
                false => year,
            };
            draft_line(lp, n, line_year, as_of, &mut used_ids, review, &mut figures)
        })
        .collect();
    (lines, figures)
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
        if let Some(first) = items.iter_mut().find(|i| i.has_figures()) {
            first.headline = true;
        }
        groups.push(Group {
            title: title.clone().into(),
            period: None,
            items,
        });
    }
    LineFile {
        schema: None,
        id: id.into(),
        title: lp.title.clone().into(),
        short: short.map(Into::into),
        as_of: Day(as_of),
        office: None,
        leader: None,
        role: if lp.title == INDICATORS
            || lp.title.contains("主要指标")
            || lp.title.contains("主要经济指标")
        {
            crate::model::LineRole::Indicators
        } else {
            crate::model::LineRole::Work
        },
        period: None,
        groups,
    }
}

mod v2;

#[cfg(test)]
mod real;
#[cfg(test)]
mod tests;
