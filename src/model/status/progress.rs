//! Progress ratios: of a figure against its target, of a project's money, and 序时进度 (time gone).

use super::Judgement;
use crate::model::format::{Figure, Project};
use crate::model::item::Item;
use chrono::NaiveDate;

/// Clamps a ratio to 0..=1 and maps NaN/infinite to None, so no gauge ever sees a bad ratio.
pub fn clamp_ratio(r: f64) -> Option<f64> {
    r.is_finite().then(|| r.clamp(0.0, 1.0))
}

/// The figure progress is measured on: the first that states both a value and a positive target as
/// numbers, with its ratio value / target; else the first percent progress (形象进度60% → 0.6).
pub fn progress_figure(item: &Item) -> Option<(usize, f64)> {
    let of_target = item.figures.iter().enumerate().find_map(|(i, f)| {
        let v = f.value?.num()?;
        let t = f.target?.num()?;
        (t > 0.0)
            .then(|| v / t)
            .filter(|r| r.is_finite())
            .map(|r| (i, r))
    });
    of_target.or_else(|| {
        item.figures.iter().enumerate().find_map(|(i, f)| {
            let v = f.value?.num()?;
            (f.is_progress_rate() && f.unit == "%" && v.is_finite()).then_some((i, v / 100.0))
        })
    })
}

/// A project's (or bundle's) progress from its money or its stated rate: 年度完成 / 年度计划, else
/// 年度投资完成率.
pub fn project_progress(p: &Project) -> Option<f64> {
    let money = |f: &Option<Figure>| {
        f.as_ref()
            .and_then(|f| crate::model::numbers::to_wan(f.value?, &f.unit))
    };
    let rate = |f: &Option<Figure>| {
        let f = f.as_ref()?;
        (f.unit == "%").then_some(f.value?.num()? / 100.0)
    };
    match (money(&p.annual_done), money(&p.annual_plan)) {
        (Some(d), Some(t)) if t > 0.0 => Some(d / t),
        _ => rate(&p.annual_rate),
    }
    .filter(|r| r.is_finite())
}

/// The gap in points between 序时进度 and progress as the screens show it: each rounded to the whole
/// percent it is shown as (positive = behind), so the words never say 超前0个百分点 next to two
/// equal percentages, nor 落后1 between 50% and 50%.
pub fn shown_gap(j: &Judgement) -> Option<i64> {
    let (p, t) = (j.progress_raw?, j.time_progress?);
    let g = (t * 100.0).round() - (p * 100.0).round();
    g.is_finite().then_some(g as i64)
}

/// value / target of the progress figure (see [`progress_figure`]).
pub fn progress_ratio(item: &Item) -> Option<f64> {
    progress_figure(item).map(|(_, r)| r)
}

/// 序时进度: the share of the period from `start` to `deadline` elapsed at `at`, clamped to 0..=1.
pub fn time_progress(start: NaiveDate, deadline: NaiveDate, at: NaiveDate) -> f64 {
    let total = (deadline - start).num_days();
    if total <= 0 {
        return if at >= deadline { 1.0 } else { 0.0 };
    }
    let done = (at - start).num_days();
    (done as f64 / total as f64).clamp(0.0, 1.0)
}
