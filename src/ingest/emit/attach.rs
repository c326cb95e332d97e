//! What `extract` writes beside a figure: its growth (同比增长…), its parts (其中…, with the size class
//! they are counted in and whether they add up to the whole), and bundles of projects (19个项目，
//! 总投资6000万元) kept as a count with planned and spent money apart.

use super::{clause_before, figure, growth};

use crate::ingest::draft::{strip_growth_words, DraftItem, Reason, Review};
use crate::ingest::label::label;
use crate::ingest::words::{Amount, Bound as WordBound};
use crate::model::format::{Figure, Project, Threshold, Value};
use crate::model::ItemKind;

/// Money in 万元, for comparing a part with its whole.
fn wan(v: f64, unit: &str) -> Option<f64> {
    match unit {
        "亿元" => Some(v * 10_000.0),
        "万元" => Some(v),
        "元" => Some(v / 10_000.0),
        _ => None,
    }
}

/// The two values in one unit, when they can be compared.
fn same_unit(a: f64, au: &str, b: f64, bu: &str) -> Option<(f64, f64)> {
    if au == bu {
        return Some((a, b));
    }
    Some((wan(a, au)?, wan(b, bu)?))
}

/// The index of the figure a growth or part at `at` belongs to: the last one before it in the same
/// sentence that `fits`.
fn owner<'s>(
    d: &DraftItem,
    figs: &[Figure],
    at: &Amount,
    sent_of: &dyn Fn(&Amount) -> &'s str,
    fits: &dyn Fn(&Figure, &Amount) -> bool,
) -> Option<usize> {
    let sent = sent_of(at);
    // The nearest in the text, not the last in the list: the item's figures need not be in text
    // order (18家…实现总产值10.73亿元 puts the money first).
    (0..d.figures.len())
        .filter(|&k| {
            let a = &d.figures[k].amount;
            a.start < at.start && std::ptr::eq(sent_of(a), sent) && fits(&figs[k], a)
        })
        .max_by_key(|&k| d.figures[k].amount.start)
}

/// Writes each growth on the figure it belongs to, or as a figure of its own (unit empty) when the
/// sentence states no base; what cannot be placed goes to the review list.
pub(super) fn growths<'s>(
    d: &DraftItem,
    figs: &mut Vec<Figure>,
    sent_of: &dyn Fn(&Amount) -> &'s str,
    (project, placed): (bool, &[Option<(usize, usize)>]),
    review: &mut Vec<Review>,
) {
    for g in &d.growth {
        let text = sent_of(g);
        if let Some((k, j)) = part_before(d, g, sent_of, placed) {
            let part = &mut figs[k].parts[j];
            if part.growth.is_none() {
                part.growth = Some(Box::new(growth(g, text, d.target)));
                continue;
            }
        }
        // 主要预期目标是：地区生产总值增长6%以上 — a target wherever it stands.
        let target = d.target
            || ["目标", "力争", "确保", "争取"]
                .iter()
                .any(|w| text[..g.start].contains(w));
        let gr = growth(g, text, target);
        if g.bound.is_some() && gr.target_bound.is_none() {
            // 增长超过10% on a reported value: the format bounds only a target change.
            review.push(Review {
                sentence: text.into(),
                reason: Reason::Bound(text[g.start..g.end].into()),
            });
        }
        // 2496万元,完成任务的117.46%,同比增长28.7%: the growth is the figure's, not its progress's.
        let fits = |f: &Figure, _: &Amount| {
            f.growth.is_none() && f.rate != Some(crate::model::format::RateKind::Progress)
        };
        // 同比分别-6.2%、-19.3%: in the order of the figures before.
        let respectively =
            clause_before(text, g.start).contains("分别") || text[..g.start].ends_with('、');
        let first = (0..d.figures.len())
            .filter(|&k| {
                let a = &d.figures[k].amount;
                a.start < g.start && std::ptr::eq(sent_of(a), text) && figs[k].growth.is_none()
            })
            .min_by_key(|&k| d.figures[k].amount.start);
        let k = match respectively {
            true => first,
            false => owner(d, figs, g, sent_of, &fits),
        };
        if let Some(k) = k {
            figs[k].growth = Some(Box::new(gr));
        } else if project {
            review.push(Review {
                sentence: text.into(),
                reason: Reason::Growth(text[g.start..g.end].into()),
            });
        } else {
            let before = clause_before(text, g.start);
            let words = strip_growth_words(before.trim());
            figs.push(Figure {
                label: (!figs.is_empty() && !words.is_empty()).then_some(words.into()),
                unit: Default::default(),
                per: super::per_words(statement_before(text, g.start)).map(Into::into),
                growth: Some(Box::new(gr)),
                ..Figure::default()
            });
        }
    }
}

/// The words before byte `at` back to the last ，；： (a 、 list stays whole: 城镇和农村居民人均可支配收入
/// 分别增长6%、9%).
fn statement_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let from = before
        .rfind(['，', ',', '；', ';', '：', ':', '。'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[from..]
}

/// The size class a part is counted in (500万元以上项目, 10至500万元项目).
fn threshold(t: &Amount, text: &str) -> Threshold {
    let v = Some(t.value);
    let (min, max) = match (t.upper, t.bound) {
        (Some(hi), _) => (v, Some(Value::Num(hi))),
        (None, Some(WordBound::AtMost)) => (None, v),
        (None, _) => (v, None),
    };
    Threshold {
        min,
        max,
        unit: t.unit.clone().into(),
        words: text[t.start..t.end].into(),
    }
}

/// Writes each part (其中…) under the figure it is part of, with its size class; marks the parts as
/// covering the whole when they add up to it. A part larger than its whole, or with no whole before
/// it, goes to the review list.
/// Returns where each part went: (figure, part) or None.
pub(super) fn parts<'s>(
    d: &DraftItem,
    figs: &mut [Figure],
    sent_of: &dyn Fn(&Amount) -> &'s str,
    review: &mut Vec<Review>,
) -> Vec<Option<(usize, usize)>> {
    let mut placed = Vec::new();
    for p in &d.parts {
        let text = sent_of(p);
        let fits = |f: &Figure, a: &Amount| {
            let (Value::Num(pv), Value::Num(wv)) = (p.value, a.value) else {
                return false;
            };
            f.rate.is_none() && same_unit(pv, &p.unit, wv, &a.unit).is_some_and(|(p, w)| p <= w)
        };
        let Some(k) = owner(d, figs, p, sent_of, &fits) else {
            review.push(Review {
                sentence: text.into(),
                reason: Reason::Part(text[p.start..p.end].into()),
            });
            placed.push(None);
            continue;
        };
        let from = text[..p.start]
            .rfind(['，', ',', '、', '；', ';'])
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let from = text[from..p.start]
            .find("其中")
            .map_or(from, |i| from + i + "其中".len());
        let piece = &text[from..p.end];
        let (l, _) = label(piece, p.start - from, p.end - from, None);
        let mut part = figure(p, (!l.is_empty()).then_some(l), d.target, text, review);
        if let Some((_, t)) = d.thresholds.iter().find(|(at, _)| *at == p.start) {
            part.threshold = Some(Box::new(threshold(t, text)));
        }
        figs[k].parts.push(part);
        placed.push(Some((k, figs[k].parts.len() - 1)));
    }
    for f in figs.iter_mut().filter(|f| f.parts.len() > 1) {
        f.parts_cover = covers(f);
    }
    placed
}

/// The part a growth at `g` belongs to: the part it follows in its sentence, with no figure of the
/// item between them (其中一般公共预算收入5.08亿元,同比增长132.7%).
fn part_before<'s>(
    d: &DraftItem,
    g: &Amount,
    sent_of: &dyn Fn(&Amount) -> &'s str,
    placed: &[Option<(usize, usize)>],
) -> Option<(usize, usize)> {
    let sent = sent_of(g);
    let here = |a: &Amount| a.start < g.start && std::ptr::eq(sent_of(a), sent);
    let (i, p) = d
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| here(p))
        .max_by_key(|(_, p)| p.start)?;
    let figure_after = d
        .figures
        .iter()
        .any(|f| here(&f.amount) && f.amount.start > p.start);
    if figure_after {
        return None;
    }
    placed.get(i).copied().flatten()
}

/// True when the parts add up to the whole, up to the report's rounding (half a unit of the last
/// decimal of each).
fn covers(f: &Figure) -> bool {
    let Some(Value::Num(w)) = f.value else {
        return false;
    };
    let mut sum = 0.0;
    for p in &f.parts {
        let Some(Value::Num(v)) = p.value else {
            return false;
        };
        match same_unit(v, &p.unit, w, &f.unit) {
            Some((v, _)) => sum += v,
            None => return false,
        }
    }
    let w = same_unit(w, &f.unit, w, &f.unit).map_or(w, |(w, _)| w);
    let w = if f.parts.iter().all(|p| p.unit == f.unit) {
        f.value.and_then(Value::num).unwrap_or(w)
    } else {
        wan(w, &f.unit).unwrap_or(w)
    };
    (sum - w).abs() <= w.abs() * 0.005 + 1e-9
}

/// Which money of a project the words before a figure name: planned over the whole life, planned
/// this year, spent this year, or spent since the start.
enum Money {
    Planned,
    AnnualPlan,
    AnnualDone,
    Cumulative,
    Rate,
}

fn money_kind(before: &str, sentence_before: &str) -> Option<Money> {
    let this_year = ["今年以来", "年初以来", "本年以来"]
        .iter()
        .any(|w| sentence_before.contains(w));
    if before.contains("占年") || before.contains("完成率") {
        Some(Money::Rate)
    } else if before.contains("累计") && !this_year {
        Some(Money::Cumulative)
    } else if ["年度计划", "年计划", "本年度总投资", "年度总投资"]
        .iter()
        .any(|w| before.contains(w))
    {
        Some(Money::AnnualPlan)
    } else if this_year
        || ["当年", "年度完成", "今年以来", "本年", "完成投资", "已完成"]
            .iter()
            .any(|w| before.contains(w))
    {
        Some(Money::AnnualDone)
    } else if before.contains("总投资") || before.contains("计划投资") {
        Some(Money::Planned)
    } else {
        None
    }
}

/// A bundle of projects (19个项目，总投资6000万元; 9个项目计划总投资24.55亿元，当年投资6.03亿元): the
/// count and each money figure in its place, planned and spent apart. None when the item is not one.
pub(super) fn bundle<'s>(
    d: &DraftItem,
    figs: &mut Vec<Figure>,
    sent_of: &dyn Fn(&Amount) -> &'s str,
) -> Option<ItemKind> {
    let is_count = |a: &Amount| {
        let after = &sent_of(a)[a.end..];
        matches!(a.unit.as_str(), "个" | "项")
            && a.bound.is_none()
            && ["项目", "重点项目", "重大项目"]
                .iter()
                .any(|w| after.starts_with(w))
    };
    let ci = d.figures.iter().position(|f| is_count(&f.amount))?;
    let first = &d.figures[ci].amount;
    if d.figures.len() < 2 {
        return None;
    }
    let mut p = Project {
        count: Some(first.value),
        ..Project::default()
    };
    let orig = figs.clone();
    let mut keep = Vec::new();
    for (k, f) in figs.drain(..).enumerate() {
        if k == ci {
            continue;
        }
        let Some(a) = d.figures.get(k).map(|f| &f.amount) else {
            keep.push(f);
            continue;
        };
        let text = sent_of(a);
        let before = clause_before(text, a.start);
        let money = matches!(f.unit.as_str(), "万元" | "亿元" | "元");
        let kind = money_kind(before, &text[..a.start]);
        let kind = kind.filter(|k| money || (matches!(k, Money::Rate) && f.unit == "%"));
        let slot = match kind {
            Some(Money::Rate) => &mut p.annual_rate,
            Some(Money::Planned) => &mut p.investment,
            Some(Money::AnnualPlan) => &mut p.annual_plan,
            Some(Money::AnnualDone) => &mut p.annual_done,
            Some(Money::Cumulative) => &mut p.cumulative,
            None => {
                keep.push(f);
                continue;
            }
        };
        if slot.is_some() {
            keep.push(f);
            continue;
        }
        let mut f = f;
        f.label = None;
        *slot = Some(f);
    }
    if p.investment.is_none() && p.annual_done.is_none() && p.cumulative.is_none() {
        *figs = orig;
        return None;
    }
    *figs = keep;
    Some(ItemKind::Project(Box::new(p)))
}
