//! What makes a drafted folder format 2: the real-report constructs of issue 10 (growth, rates, parts,
//! bounds and ranges, firmness, per-unit, thresholds, bundles, key indicators, periods, decimals),
//! and a plan's period from its heading (下半年, 本年度, 2024年度).

use crate::model::format::{Day, Figure, Period};
use crate::model::{ItemKind, LineFile, LineRole};
use chrono::NaiveDate;

fn figure_v2(f: &Figure) -> bool {
    f.growth.is_some()
        || f.rate.is_some()
        || !f.parts.is_empty()
        || f.bound.is_some()
        || f.target_bound.is_some()
        || f.value_max.is_some()
        || f.target_max.is_some()
        || f.firmness.is_some()
        || f.per.is_some()
        || f.threshold.is_some()
        || f.period.is_some()
        || f.decimals.is_some()
}

/// True when any line uses a construct format 1 cannot hold.
pub fn uses_format_2(lines: &[LineFile]) -> bool {
    lines.iter().any(|l| {
        l.role != LineRole::Work
            || l.period.is_some()
            || l.groups.iter().any(|g| g.period.is_some())
            || l.items().any(|it| {
                it.firmness.is_some()
                    || it.figures.iter().any(figure_v2)
                    || match &it.kind {
                        ItemKind::Project(p) => {
                            p.count.is_some()
                                || p.annual_plan.is_some()
                                || p.annual_done.is_some()
                                || p.cumulative.is_some()
                                || p.annual_rate.is_some()
                                || p.investment.as_ref().is_some_and(figure_v2)
                        }
                        _ => false,
                    }
            })
    })
}

/// The period a plan's heading or title names: 下半年 (1 July – 31 December), 全年 / 本年度 / 2024年度
/// (the whole year) — in the heading's own words.
pub fn period_of(words: &str, year: i32) -> Option<Period> {
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).map(Day);
    let (start, w) = if words.contains("下半年") {
        (day(7, 1)?, "下半年".to_string())
    } else if let Some(w) = ["本年度", "全年"].iter().find(|w| words.contains(*w)) {
        (day(1, 1)?, (*w).to_string())
    } else if words.contains(&format!("{year}年度")) {
        (day(1, 1)?, format!("{year}年度"))
    } else if words.contains(&format!("{year}年")) {
        (day(1, 1)?, format!("{year}年"))
    } else {
        return None;
    };
    Some(Period {
        start,
        end: day(12, 31)?,
        words: w.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_heading_names_its_period() {
        let p = period_of("下半年工作计划", 2024).unwrap();
        assert_eq!(
            (p.start.0.to_string(), p.end.0.to_string()),
            ("2024-07-01".into(), "2024-12-31".into())
        );
        assert_eq!(p.words, "下半年");
        assert_eq!(
            period_of("2024年度政府工作计划", 2024).unwrap().words,
            "2024年度"
        );
        assert_eq!(period_of("下步工作打算", 2024), None);
    }
}
