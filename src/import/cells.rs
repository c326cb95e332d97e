//! Reading one cell as a figure, a percentage or a date: number cells and numbers typed as text
//! (１２００, 1,200, 1.2亿元, 400多), percentage cells (0.6 shown as 60%) and "60%" text, Excel date
//! cells and serial numbers, and dates in words (6月底前, 2024年12月, 年底前, 三季度末) through
//! [`crate::ingest::words`].

use super::book::Cell;
use crate::ingest::words;
use crate::model::format::{Approx, Value};
use chrono::{Datelike, NaiveDate};

/// Excel's day 0 in the 1900 date system, as used for serials from 61 (1900-03-01) on.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// The date of an Excel serial day number (1900 system; the time of day is dropped). `None` outside
/// 1900–2200.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=110_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts a 29 February 1900 that never was: serials before it are one day later.
    let days = if days < 61 { days + 1 } else { days };
    epoch().checked_add_signed(chrono::Duration::days(days))
}

/// The Excel serial day number of a date.
pub fn date_to_serial(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
}

/// A number read from a cell: value, the unit written in the cell (万元 in "1.2亿元" is 亿元), and
/// its qualifier (多, 余, 约).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The value, or withheld (`**`).
    pub value: Value,
    /// The unit written in the cell, if any.
    pub unit: Option<String>,
    /// 多 / 余 / 约.
    pub approx: Option<Approx>,
}

/// Words that mean "nothing here" in a number or date cell: no problem, no value.
const NOTHING: &[&str] = &["-", "—", "--", "——", "/", "／", "无", "暂无", "—/—"];

/// True for a cell that holds a placeholder for nothing (`-`, `/`, `无`).
pub fn is_nothing(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || NOTHING.contains(&t)
}

/// Full-width digits, point, comma and percent sign as ASCII; spaces dropped.
fn half_width(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '％' => '%',
            '－' => '-',
            c => c,
        })
        .collect()
}

/// A number cell or a number typed as text: `1200`, `1,200`, `１２００`, `1.2亿元`, `约260`,
/// `400多`, `**`. `None` when the text is not one number (with at most a unit after it).
pub fn number(cell: &Cell) -> Option<Number> {
    let plain = |v: f64| Number {
        value: Value::Num(v),
        unit: None,
        approx: None,
    };
    match cell {
        Cell::Num(n) => Some(plain(*n)),
        Cell::Text(t) => number_text(t),
        _ => None,
    }
}

fn number_text(t: &str) -> Option<Number> {
    let s = half_width(t);
    let (s, about) = match s.strip_prefix('约') {
        Some(rest) => (rest.to_string(), true),
        None => (s, false),
    };
    if let Some(unit) = s.strip_prefix("**") {
        return Some(Number {
            value: Value::Withheld,
            unit: (!unit.is_empty()).then(|| unit.to_string()),
            approx: None,
        });
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .map_or(s.len(), |(i, _)| i);
    let digits: String = s[..end].chars().filter(|&c| c != ',').collect();
    let value: f64 = digits.parse().ok().filter(|v: &f64| v.is_finite())?;
    let mut rest = &s[end..];
    let mut approx = about.then_some(Approx::About);
    if let Some(r) = rest.strip_prefix('多') {
        approx = Some(Approx::More);
        rest = r;
    } else if let Some(r) = rest.strip_prefix('余') {
        approx = Some(Approx::Over);
        rest = r;
    }
    if rest.chars().any(|c| c.is_ascii_digit() || c == '%') || rest.chars().count() > 3 {
        return None;
    }
    Some(Number {
        value: Value::Num(value),
        unit: (!rest.is_empty()).then(|| rest.to_string()),
        approx,
    })
}

/// True when a cell reads as a bare number at most 1 (a percentage cell's 0.6, or 1 for 100%).
pub fn is_fraction(cell: &Cell) -> bool {
    match cell {
        Cell::Num(n) => (0.0..=1.0).contains(n),
        Cell::Text(t) if !t.contains(['%', '％']) => number_text(t).is_some_and(|n| {
            n.unit.is_none() && n.value.num().is_some_and(|v| (0.0..=1.0).contains(&v))
        }),
        _ => false,
    }
}

/// A percentage in points (60 for 60%). `fractions`: the column holds percentage cells (every bare
/// number in it is at most 1), so 0.6 means 60%. `None` when the cell is not a percentage.
pub fn percent(cell: &Cell, fractions: bool) -> Option<Value> {
    let scale = |v: f64| {
        let p = if fractions { v * 100.0 } else { v };
        // 0.667 × 100 is 66.70000000000002 in binary: keep the digits the sheet shows.
        (p * 1e9).round() / 1e9
    };
    match cell {
        Cell::Num(n) => Some(Value::Num(scale(*n))),
        Cell::Text(t) => {
            let s = half_width(t);
            if s == "**" || s == "**%" {
                return Some(Value::Withheld);
            }
            match s.strip_suffix('%') {
                Some(p) => p
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Value::Num),
                None => s
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(|v| Value::Num(scale(v))),
            }
        }
        _ => None,
    }
}

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
    let last = found.last()?;
    // The words must be the whole cell (bar a trailing 完成): "6月35日" is not 6月.
    let covered: usize = found.iter().map(|d| d.end - d.start).sum();
    let rest = t[last.end..].trim();
    if found.len() == 1 {
        let lead = t[..last.start].trim();
        let ok_rest = rest.is_empty() || TRAILING.contains(&rest);
        if !lead.is_empty() && !["于", "截至", "截止"].contains(&lead) || !ok_rest {
            return None;
        }
        return Some(When::Date(last.date, Some(t.to_string())));
    }
    // Several dates: each clause must hold one; the deadline is the last.
    let clauses = t
        .split(['，', '；', ',', ';', '、'])
        .filter(|c| !c.trim().is_empty());
    let all_dated = clauses
        .clone()
        .all(|c| !words::deadlines(c, year).is_empty());
    (all_dated && covered > 0 && clauses.count() == found.len()).then(|| {
        When::Date(
            found.iter().map(|d| d.date).max().unwrap_or(last.date),
            Some(t.to_string()),
        )
    })
}

/// `2024-08-31`, `2024/8/31`, `2024.8.31`, `2024年8月31日` is left to the words; `2024.12` or
/// `2024-12` → the month's last day.
fn digit_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim_end_matches('前');
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
    fn numbers_as_cells_and_as_text() {
        let n = |s: &str| number(&text(s));
        assert_eq!(n("1200").unwrap().value, Value::Num(1200.0));
        assert_eq!(n("１，２００").unwrap().value, Value::Num(1200.0));
        let yi = n("1.2亿元").unwrap();
        assert_eq!(
            (yi.value, yi.unit.as_deref()),
            (Value::Num(1.2), Some("亿元"))
        );
        assert_eq!(n("400多").unwrap().approx, Some(Approx::More));
        assert_eq!(n("约260").unwrap().approx, Some(Approx::About));
        assert_eq!(n("**").unwrap().value, Value::Withheld);
        assert_eq!(n("三百"), None);
        assert_eq!(n("1200万元，其中财政500"), None);
        assert_eq!(number(&Cell::Num(3.5)).unwrap().value, Value::Num(3.5));
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(&Cell::Num(0.667), true), Some(Value::Num(66.7)));
        assert_eq!(percent(&Cell::Num(81.0), false), Some(Value::Num(81.0)));
        assert_eq!(percent(&text("60%"), true), Some(Value::Num(60.0)));
        assert_eq!(percent(&text("60％"), false), Some(Value::Num(60.0)));
        assert_eq!(percent(&text("约六成"), false), None);
        assert!(is_fraction(&Cell::Num(1.0)));
        assert!(!is_fraction(&text("60%")));
        assert!(!is_fraction(&Cell::Num(40.0)));
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
        assert_eq!(w(text("长期")), Some(When::Ongoing("长期".into())));
        assert_eq!(w(text("待定")), Some(When::Ongoing("待定".into())));
        assert_eq!(w(text("6月35日")), None);
        assert_eq!(w(text("尽快")), None);
        assert_eq!(w(text("2024-02-30")), None);
    }
}
