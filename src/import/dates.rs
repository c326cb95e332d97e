//! Reading a date cell: Excel date cells and serial numbers, `2024/8/31`-style text, and dates in
//! words (6月底前, 2024年12月, 年底前, 三季度末) through [`crate::ingest::words`].

use super::cells::half_width;
use super::sheet::{serial_to_date, Cell};
use crate::ingest::words;
use chrono::{Datelike, NaiveDate};

/// What a date cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// A date, with the words the cell wrote when they are not the date itself (6月底前).
    Date(NaiveDate, Option<String>),
    /// No date by design: 长期, 持续推进, 常态化 — kept as words.
    Ongoing(String),
}

/// Deadlines that are no date: the work goes on.
const ONGOING: &[&str] = &[
    "长期",
    "长期坚持",
    "长期推进",
    "持续",
    "持续推进",
    "持续开展",
    "常态化",
    "常态化推进",
    "常年",
    "待定",
    "按上级要求",
    "按上级时间要求",
];

/// Deadlines not set yet: no date, kept as words, and the clerk is told.
pub const UNDECIDED: &[&str] = &["待定", "另定", "未定", "待上级通知"];

/// Words that may follow a deadline in a cell without changing it (6月底前完成).
const TRAILING: &[&str] = &["完成", "内完成", "办结", "前完成", "到位", "以内"];

/// Reads a date cell: an Excel date, a serial day or `20240831` typed as a number, `2024-08-31`,
/// `2024/8/31`, `2024.8.31`, `2024.12`, or words read by [`words::deadline`] for the year `year`
/// (6月底前 → 06-30, 年底前 → 12-31). With several dates (6月底前主体完工，9月底前投产) the last is the
/// deadline and the words are the whole cell. `None` when the cell is not a date.
pub fn when(cell: &Cell, year: i32) -> Option<When> {
    match cell {
        Cell::Date(s) => serial_to_date(*s).map(|d| When::Date(d, None)),
        Cell::Num(n) => numeric_date(*n).map(|d| When::Date(d, None)),
        Cell::Text(t) => text_date(t.trim(), year),
        _ => None,
    }
}

/// A number in a date column: `20240831`, or an Excel serial day (saved as a number, or as text).
fn numeric_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 {
        return None;
    }
    if (19_000_101.0..=22_001_231.0).contains(&n) {
        let n = n as u32;
        return NaiveDate::from_ymd_opt((n / 10_000) as i32, n / 100 % 100, n % 100);
    }
    // 1982-01-01 .. 2173: a serial a date cell lost its format on the way (a .csv).
    (30_000.0..=100_000.0)
        .contains(&n)
        .then(|| serial_to_date(n))
        .flatten()
}

fn text_date(t: &str, year: i32) -> Option<When> {
    if ONGOING.contains(&t) || UNDECIDED.contains(&t) {
        return Some(When::Ongoing(t.to_string()));
    }
    let s = half_width(t);
    if let Some(d) = digit_date(&s) {
        let same = crate::model::format::parse_day(&s) == Some(d);
        return Some(When::Date(d, (!same).then(|| t.to_string())));
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return numeric_date(s.parse().ok()?).map(|d| When::Date(d, None));
    }
    let found = words::deadlines(t, year);
    let (first, last) = (found.first()?, found.last()?);
    let lead = t[..first.start].trim();
    if !lead.is_empty() && !LEAD.contains(&lead) {
        return None;
    }
    let rest = t[last.end..].trim();
    // Words right after the date that belong to it make it no date: "6月35日" is not 6月.
    if rest.starts_with(|c: char| {
        c.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十月日号".contains(c)
    }) {
        return None;
    }
    match found.len() {
        // 6月底前 / 6月底前完成主体施工: the words of the date are the deadline's words.
        1 if rest.is_empty() || TRAILING.contains(&rest) => {
            Some(When::Date(last.date, Some(t.to_string())))
        }
        1 => Some(When::Date(last.date, Some(last.words.clone()))),
        // 3月—6月: a period; the deadline is its end.
        2 if RANGE.contains(&t[first.end..last.start].trim()) => {
            Some(When::Date(last.date, Some(t.to_string())))
        }
        // Several dates (6月底前主体完工，9月底前投产): each clause holds one; the deadline is the last.
        _ => {
            let clauses = t
                .split(['，', '；', ',', ';', '、'])
                .filter(|c| !c.trim().is_empty());
            let all_dated = clauses
                .clone()
                .all(|c| !words::deadlines(c, year).is_empty());
            (all_dated && clauses.count() == found.len()).then(|| {
                When::Date(
                    found.iter().map(|d| d.date).max().unwrap_or(last.date),
                    Some(t.to_string()),
                )
            })
        }
    }
}

/// Words that may stand before a deadline in its cell (确保6月底前).
const LEAD: &[&str] = &[
    "于",
    "截至",
    "截止",
    "力争",
    "确保",
    "争取",
    "计划",
    "预计",
    "预计于",
    "计划于",
];

/// What stands between the two ends of a period: 3月—6月, 3月至6月.
const RANGE: &[&str] = &["-", "—", "——", "－", "~", "～", "至", "到"];

/// `2024-08-31`, `2024/8/31`, `2024.8.31`, `2024年8月31日` is left to the words; `2024.12` or
/// `2024-12` → the month's last day.
fn digit_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim_end_matches('前');
    // A period (2024.3-2024.12, 2024.03～2024.06): its end.
    for sep in ['~', '～', '—', '至'] {
        if let Some((a, b)) = s.split_once(sep) {
            return digit_date(a).and(digit_date(b));
        }
    }
    if s.matches('-').count() == 1 && s.contains('.') {
        let (a, b) = s.split_once('-')?;
        return digit_date(a).and(digit_date(b));
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() < 2
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let y: i32 = parts[0]
        .parse()
        .ok()
        .filter(|y| (1990..=2200).contains(y))?;
    let m: u32 = parts[1].parse().ok()?;
    match parts.get(2) {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d.parse().ok()?),
        None => month_end(y, m),
    }
}

/// The last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    first_next.pred_opt().filter(|d| d.month() == month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::sheet::date_to_serial;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn excel_serials() {
        assert_eq!(serial_to_date(45535.0), Some(d(2024, 8, 31)));
        assert_eq!(serial_to_date(45535.75), Some(d(2024, 8, 31)));
        assert_eq!(serial_to_date(1.0), Some(d(1900, 1, 1)));
        assert_eq!(serial_to_date(61.0), Some(d(1900, 3, 1)));
        assert_eq!(date_to_serial(d(2024, 8, 31)), 45535.0);
        assert_eq!(serial_to_date(f64::NAN), None);
        assert_eq!(serial_to_date(-3.0), None);
    }

    #[test]
    fn dates_in_cells() {
        let w = |c: Cell| when(&c, 2024);
        assert_eq!(
            w(Cell::Date(45535.0)),
            Some(When::Date(d(2024, 8, 31), None))
        );
        assert_eq!(
            w(Cell::Num(20240831.0)),
            Some(When::Date(d(2024, 8, 31), None))
        );
        assert_eq!(
            w(text("2024-08-31")),
            Some(When::Date(d(2024, 8, 31), None))
        );
        assert_eq!(
            w(text("2024/8/31")),
            Some(When::Date(d(2024, 8, 31), Some("2024/8/31".into())))
        );
        assert_eq!(
            w(text("2024.12")),
            Some(When::Date(d(2024, 12, 31), Some("2024.12".into())))
        );
        assert_eq!(
            w(text("6月底前")),
            Some(When::Date(d(2024, 6, 30), Some("6月底前".into())))
        );
        assert_eq!(
            w(text("2024年12月")),
            Some(When::Date(d(2024, 12, 31), Some("2024年12月".into())))
        );
        assert_eq!(
            w(text("年底前")),
            Some(When::Date(d(2024, 12, 31), Some("年底前".into())))
        );
        assert_eq!(
            w(text("7月中旬")),
            Some(When::Date(d(2024, 7, 20), Some("7月中旬".into())))
        );
        assert_eq!(
            w(text("6月底前完成")),
            Some(When::Date(d(2024, 6, 30), Some("6月底前完成".into())))
        );
        assert_eq!(
            w(text("6月底前主体完工，9月底前投产")),
            Some(When::Date(
                d(2024, 9, 30),
                Some("6月底前主体完工，9月底前投产".into())
            ))
        );
        assert_eq!(
            w(text("六月底")),
            Some(When::Date(d(2024, 6, 30), Some("六月底".into())))
        );
        assert_eq!(w(text("2024年13月")), None);
        assert_eq!(
            w(text("6月底前完成主体施工")),
            Some(When::Date(d(2024, 6, 30), Some("6月底前".into())))
        );
        assert_eq!(
            w(text("3月—6月")),
            Some(When::Date(d(2024, 6, 30), Some("3月—6月".into())))
        );
        assert_eq!(
            w(text("2024.3-2024.12")),
            Some(When::Date(d(2024, 12, 31), Some("2024.3-2024.12".into())))
        );
        assert_eq!(w(text("6月35日前完成")), None);
        assert_eq!(
            w(text("力争6月底前")),
            Some(When::Date(d(2024, 6, 30), Some("力争6月底前".into())))
        );
        assert_eq!(w(text("尽快6月底前")), None);
        assert_eq!(w(text("长期")), Some(When::Ongoing("长期".into())));
        assert_eq!(w(text("待定")), Some(When::Ongoing("待定".into())));
        assert_eq!(w(text("6月35日")), None);
        assert_eq!(w(text("尽快")), None);
        assert_eq!(w(text("2024-02-30")), None);
    }
}
