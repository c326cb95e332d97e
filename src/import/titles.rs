//! What a table's title lines say: its name without the date, the 截至 date, the town; and the ids
//! of work lines.

use super::book::Sheet;
use crate::ingest::words;
use chrono::NaiveDate;

/// A title without its date in brackets: 青山镇民生实事台账（截至2024年9月30日） → 青山镇民生实事台账.
pub fn bare_title(t: &str) -> String {
    for open in ['（', '('] {
        if let Some(i) = t.find(open) {
            if t[i..].contains("截至") || t[i..].contains("截止") {
                return t[..i].trim().to_string();
            }
        }
    }
    t.to_string()
}

/// The texts above the header, row by row, each once (a merged title reads once).
pub fn title_lines(sheet: &Sheet, top: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in 0..top {
        for cell in sheet.rows[r].iter() {
            let t = cell.text();
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The date a title states the figures as of: 截至2024年6月30日, 截止日期：2024年6月30日, 截至6月底
/// (the year from a 2024年 in the titles, else `fallback_year`).
pub fn stated_date(titles: &[&str], fallback_year: i32) -> Option<(NaiveDate, String)> {
    let year = titles
        .iter()
        .find_map(|t| {
            let i = t.find('年')?;
            let digits: String = t[..i]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            (digits.len() == 4)
                .then(|| digits.chars().rev().collect::<String>().parse().ok())
                .flatten()
        })
        .unwrap_or(fallback_year);
    titles.iter().find_map(|t| {
        let at = t.find("截至").or_else(|| t.find("截止"))?;
        let after = &t[at..];
        let d = words::deadline(after, year)?;
        Some((
            d.date,
            after[..d.end].trim_end_matches(['）', ')']).to_string(),
        ))
    })
}

/// The town a title names: 青山镇2024年… → 青山镇.
pub fn town_in(title: &str) -> Option<String> {
    let end = ["街道", "镇", "乡"]
        .iter()
        .filter_map(|w| title.find(w).map(|i| i + w.len()))
        .min()?;
    let name = &title[..end];
    (name.chars().count() <= 8 && !name.chars().any(|c| c.is_ascii_digit()))
        .then(|| name.to_string())
}

/// Line ids by what the line is about, as the seed names its lines; `line-N` otherwise.
const LINE_IDS: &[(&str, &str)] = &[
    ("下步", "targets"),
    ("党", "party"),
    ("组织", "party"),
    ("安全", "safety"),
    ("应急", "safety"),
    ("民生", "livelihood"),
    ("社会事业", "livelihood"),
    ("基础设施", "infrastructure"),
    ("产业", "industry"),
    ("招商", "investment"),
    ("经济", "economy"),
    ("重点项目", "projects"),
    ("项目", "projects"),
    ("督查", "supervision"),
    ("督办", "supervision"),
    ("重点工作", "key-work"),
    ("生态", "environment"),
    ("环境", "environment"),
    ("乡村振兴", "rural"),
    ("农业", "rural"),
    ("信访", "governance"),
    ("综治", "governance"),
    ("治理", "governance"),
    ("文旅", "tourism"),
    ("旅游", "tourism"),
    ("城建", "urban"),
    ("城镇", "urban"),
];

pub fn line_id(title: &str, short: Option<&str>, taken: &[String], n: usize) -> String {
    let base = [short.unwrap_or(""), title]
        .iter()
        .find_map(|t| {
            LINE_IDS
                .iter()
                .find(|(w, _)| t.contains(w))
                .map(|(_, id)| id.to_string())
        })
        .unwrap_or_else(|| format!("line-{n}"));
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|c| !taken.contains(c))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_towns_in_titles() {
        let d = stated_date(&["青山镇2024年重点工作台账", "（截至2024年6月30日）"], 2026).unwrap();
        assert_eq!(
            d,
            (
                NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
                "截至2024年6月30日".into()
            )
        );
        let d = stated_date(&["青山镇2024年重点项目表", "截至6月底"], 2026).unwrap();
        assert_eq!(d.0, NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        assert_eq!(stated_date(&["重点项目表"], 2026), None);
        assert_eq!(
            town_in("青山镇2024年重点工作台账").as_deref(),
            Some("青山镇")
        );
        assert_eq!(
            town_in("城关街道2024年民生实事").as_deref(),
            Some("城关街道")
        );
        assert_eq!(town_in("2024年重点工作台账"), None);
        assert_eq!(
            bare_title("青山镇民生实事台账（截至2024年9月30日）"),
            "青山镇民生实事台账"
        );
        assert_eq!(bare_title("重点项目（续建）"), "重点项目（续建）");
    }

    #[test]
    fn line_ids_follow_the_seed_and_stay_unique() {
        assert_eq!(line_id("基础设施项目", None, &[], 1), "infrastructure");
        assert_eq!(line_id("产业项目", None, &[], 1), "industry");
        assert_eq!(line_id("其他", None, &[], 3), "line-3");
        assert_eq!(line_id("党建工作", None, &["party".into()], 2), "party-2");
    }
}
