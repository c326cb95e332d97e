//! What a table's title lines say: its name without the date, the 截至 date, the town; and the ids
//! of work lines.

use super::sheet::Sheet;
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

/// The texts above the header, one line per row: the row's distinct cells joined by a space (a
/// merged title reads once; "截至日期：" and a date cell beside it read as one line).
pub fn title_lines(sheet: &Sheet, top: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for row in sheet.rows.iter().take(top) {
        let mut parts: Vec<String> = Vec::new();
        for cell in row {
            let t = cell.text();
            if !t.is_empty() && !parts.contains(&t) {
                parts.push(t);
            }
        }
        let line = parts.join(" ");
        if !line.is_empty() && !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// The year the titles name (…2024年…), if any: the year of dates written without one.
pub fn title_year(titles: &[&str]) -> Option<i32> {
    titles.iter().find_map(|t| {
        t.match_indices('年').find_map(|(i, _)| {
            let digits: String = t[..i]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            let y: i32 = digits.chars().rev().collect::<String>().parse().ok()?;
            (digits.len() == 4 && (1990..=2200).contains(&y)).then_some(y)
        })
    })
}

/// Period words of a title and the last day of the period they name (a table of 上半年 is as of 06-30).
const PERIODS: &[(&str, u32, u32)] = &[
    ("前三季度", 9, 30),
    ("第一季度", 3, 31),
    ("一季度", 3, 31),
    ("第二季度", 6, 30),
    ("二季度", 6, 30),
    ("上半年", 6, 30),
    ("第三季度", 9, 30),
    ("三季度", 9, 30),
];

/// The date a title states the figures as of: 截至2024年6月30日, 截至日期：2023-06-30 (a date cell
/// beside the words), 截至6月底 (of `year`); else the end of the period the first title names
/// (上半年 → 06-30, 二季度 → 06-30, 前三季度 → 09-30) when that day has come by `today` (a plan for the
/// quarter under way is as of today). Returns the date and the words.
pub fn stated_date(titles: &[&str], year: i32, today: NaiveDate) -> Option<(NaiveDate, String)> {
    let stated = titles.iter().find_map(|t| {
        let at = t.find("截至").or_else(|| t.find("截止"))?;
        let after = &t[at..];
        let rest = &after["截至".len()..];
        let rest = ["日期", "时间"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest)
            .trim_start_matches([':', '：', ' ']);
        let token = rest.split([' ', '）', ')']).next().unwrap_or("");
        let cell = super::sheet::Cell::Text(token.to_string());
        if let Some(super::dates::When::Date(d, _)) = super::dates::when(&cell, year) {
            let end = after.len() - rest.len() + token.len();
            return Some((d, after[..end].to_string()));
        }
        let d = words::deadline(after, year)?;
        Some((d.date, after[..d.end].to_string()))
    });
    stated.or_else(|| {
        let first = titles.first()?;
        PERIODS.iter().find_map(|&(w, m, d)| {
            first
                .contains(w)
                .then(|| NaiveDate::from_ymd_opt(year, m, d))
                .flatten()
                .filter(|day| *day <= today)
                .map(|day| (day, w.to_string()))
        })
    })
}

/// The town a title names: 青山镇2024年… → 青山镇. A town's name has at least two characters before
/// 镇, 乡 or 街道: 乡村振兴, 城乡, 镇区 and 乡镇 name none.
pub fn town_in(title: &str) -> Option<String> {
    let (start, end) = ["街道", "镇", "乡"]
        .iter()
        .filter_map(|w| title.find(w).map(|i| (i, i + w.len())))
        .min_by_key(|&(_, end)| end)?;
    let name = &title[..end];
    let before = title[..start].chars().count();
    (before >= 2 && name.chars().count() <= 8 && !name.chars().any(|c| c.is_ascii_digit()))
        .then(|| name.to_string())
}

/// A short name for a line from its table's title, for cards and tabs: the title without its town,
/// its year and its table words (青山镇2024年重点项目推进情况表 → 重点项目, 民生实事台账 → 民生实事).
pub fn short_of(title: &str) -> Option<String> {
    let full = bare_title(title);
    let mut s = full.as_str();
    if let Some(town) = town_in(s) {
        s = &s[town.len()..];
    }
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 4 {
        s = s[4..].trim_start_matches("年度").trim_start_matches('年');
    }
    const TAILS: &[&str] = &[
        "推进情况统计表",
        "推进情况表",
        "进展情况表",
        "完成情况表",
        "情况统计表",
        "情况表",
        "统计表",
        "一览表",
        "明细表",
        "汇总表",
        "台账",
        "清单",
        "表",
    ];
    if let Some(t) = TAILS.iter().find(|t| s.ends_with(*t)) {
        s = &s[..s.len() - t.len()];
    }
    let s = s.trim();
    let n = s.chars().count();
    ((2..=8).contains(&n) && s != full).then(|| s.to_string())
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
    ("目标", "targets"),
];

/// The id of a work line by its title or short name (产业项目 → industry), unique among `taken`; the
/// `n`th line is `line-N` when no word says what it is.
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
mod short_tests {
    use super::short_of;

    #[test]
    fn a_tables_title_gives_a_short_name() {
        for (title, short) in [
            ("青山镇2024年重点项目推进情况表", Some("重点项目")),
            ("青山镇民生实事台账（截至2024年9月30日）", Some("民生实事")),
            ("重点工作督查督办台账", Some("重点工作督查督办")),
            (
                "东柳街道2023年度安全生产隐患排查清单",
                Some("安全生产隐患排查"),
            ),
            (
                "青山镇2024年上半年全镇农村人居环境整治提升工作推进情况表",
                None,
            ),
            ("项目表", Some("项目")),
            ("民生实事", None),
            // 乡, 镇 and 街道 in words that name no town: nothing is cut off.
            ("乡村振兴重点项目推进情况表", Some("乡村振兴重点项目")),
            ("城乡环境整治台账", Some("城乡环境整治")),
            ("镇区污水管网项目表", Some("镇区污水管网项目")),
            ("乡镇安全隐患排查台账", Some("乡镇安全隐患排查")),
        ] {
            assert_eq!(short_of(title).as_deref(), short, "{title}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_towns_in_titles() {
        let today = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        let q3 = stated_date(&["青山镇2024年第三季度重点工作推进表"], 2024, today);
        assert_eq!(q3, None, "the quarter under way: as of today");
        let d = stated_date(
            &["青山镇2024年重点工作台账", "（截至2024年6月30日）"],
            2026,
            today,
        )
        .unwrap();
        assert_eq!(
            d,
            (
                NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
                "截至2024年6月30日".into()
            )
        );
        let d = stated_date(&["青山镇2024年重点项目表", "截至6月底"], 2024, today).unwrap();
        assert_eq!(d.0, NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        let d = stated_date(
            &["**镇2023年民生实事项目台账", "截至日期： 2023-06-30"],
            2023,
            today,
        );
        assert_eq!(
            d,
            Some((
                NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
                "截至日期： 2023-06-30".into()
            ))
        );
        let d = stated_date(&["**镇2023年重点项目推进台账（上半年）"], 2023, today);
        assert_eq!(
            d,
            Some((
                NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
                "上半年".into()
            ))
        );
        assert_eq!(
            stated_date(&["菁芜洲镇2024年度主要目标任务推进台账"], 2024, today),
            None
        );
        assert_eq!(
            title_year(&["菁芜洲镇2024年度主要目标任务推进台账"]),
            Some(2024)
        );
        assert_eq!(title_year(&["重点工作台账", "第3年"]), None);
        assert_eq!(stated_date(&["重点项目表"], 2026, today), None);
        assert_eq!(
            town_in("青山镇2024年重点工作台账").as_deref(),
            Some("青山镇")
        );
        assert_eq!(
            town_in("城关街道2024年民生实事").as_deref(),
            Some("城关街道")
        );
        assert_eq!(town_in("2024年重点工作台账"), None);
        for words in [
            "乡村振兴台账",
            "城乡环境整治台账",
            "镇区项目表",
            "乡镇安全台账",
            "村镇建设",
        ] {
            assert_eq!(town_in(words), None, "{words}");
        }
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
