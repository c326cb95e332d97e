//! Deadlines in words → dates, with the words kept: 7月中旬 → 07-20, 6月底前 → 06-30, 年底前 → 12-31,
//! 2024年12月 → 2024-12-31, 下半年 → 12-31, 三季度末 → 09-30, 前三季度 → 09-30.

use super::{arabic, ascii_digit, chinese, cn_digit, starts_any};
use chrono::NaiveDate;

/// A deadline in words and the date it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The last day the words allow (7月底前 → 07-31, 7月中旬 → 07-20).
    pub date: NaiveDate,
    /// The words as written (7月底前).
    pub words: String,
    /// Byte offset of the words in the text.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
}

/// Every deadline or period end in `text`, in order, for a report of `year`.
pub fn deadlines(text: &str, year: i32) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        match deadline_at(text, at, year) {
            Some(d) => {
                at = d.end;
                out.push(d);
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The first deadline in `text`, for a report of `year`.
pub fn deadline(text: &str, year: i32) -> Option<Deadline> {
    deadlines(text, year).into_iter().next()
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Words that take the year before them whole (2023年度, 今年年底).
const YEAR_WORDS: &[&str] = &["年底", "年末", "年度", "年内"];

/// A small number (a month, a day, a quarter) in arabic or Chinese numerals.
fn small(s: &str) -> Option<(u32, usize)> {
    let n = arabic(s).or_else(|| chinese(s))?;
    let v = n.value?;
    (v.fract() == 0.0 && v < 10_000.0).then_some((v as u32, n.len))
}

fn deadline_at(text: &str, at: usize, report_year: i32) -> Option<Deadline> {
    let s = &text[at..];
    let prev = text[..at].chars().next_back();
    if prev.is_some_and(|c| ascii_digit(c).is_some() || cn_digit(c).is_some()) {
        return None;
    }
    // An optional year: 2024年, 今年, 明年, or 2023 right before 完成/底.
    let (year, mut len, arabic_year) = match arabic(s) {
        Some(n) if n.len == 4 && n.value.is_some_and(|v| (1990.0..2200.0).contains(&v)) => {
            let y = n.value.unwrap_or_default() as i32;
            let after = &s[n.len..];
            let own_year = after.starts_with('年') && starts_any(after, YEAR_WORDS).is_none();
            (y, n.len + if own_year { '年'.len_utf8() } else { 0 }, true)
        }
        _ => match starts_any(s, &["今年", "明年", "本年"]) {
            Some("明年") => (report_year + 1, "明年".len(), false),
            Some(w) if starts_any(&s[w.len()..], YEAR_WORDS).is_none() => {
                (report_year, w.len(), false)
            }
            _ => (report_year, 0, false),
        },
    };
    let rest = &s[len..];
    let date = if let Some(w) = starts_any(rest, &["上半年", "前半年"]) {
        len += w.len();
        NaiveDate::from_ymd_opt(year, 6, 30)
    } else if let Some(w) = starts_any(rest, &["下半年", "年底", "年末", "年内", "全年", "年度"])
    {
        len += w.len();
        NaiveDate::from_ymd_opt(year, 12, 31)
    } else if let Some((q, l)) = quarter(rest) {
        len += l;
        last_day(year, q * 3)
    } else if let Some((m, l)) =
        small(rest).filter(|&(m, l)| (1..=12).contains(&m) && rest[l..].starts_with('月'))
    {
        len += l + '月'.len_utf8();
        month_part(&s[len..], year, m, &mut len)
    } else if arabic_year {
        // A year alone: its last day (2024年, 确保2023完成).
        if len == 4 && starts_any(&s[len..], &["完成", "前"]).is_none() {
            return None;
        }
        NaiveDate::from_ymd_opt(year, 12, 31)
    } else {
        return None;
    }?;
    if let Some(w) = starts_any(&s[len..], &["底前", "末前", "底", "末"]) {
        len += w.len();
    }
    if let Some(w) = starts_any(&s[len..], &["之前", "以前", "前"]) {
        len += w.len();
    }
    Some(Deadline {
        date,
        words: s[..len].to_string(),
        start: at,
        end: at + len,
    })
}

/// 一季度, 第三季度, 三季度末, 前三季度 → the quarter's number.
fn quarter(s: &str) -> Option<(u32, usize)> {
    let lead = starts_any(s, &["第", "前"]).map_or(0, str::len);
    let (q, l) = small(&s[lead..])?;
    let after = &s[lead + l..];
    let w = starts_any(after, &["季度", "季"])?;
    (1..=4).contains(&q).then_some((q, lead + l + w.len()))
}

/// What follows "N月": 上旬/中旬/下旬/初/底/末/份 or a day (15日, 15号).
fn month_part(s: &str, year: i32, month: u32, len: &mut usize) -> Option<NaiveDate> {
    let day = if let Some(w) = starts_any(s, &["上旬", "月初", "初"]) {
        *len += w.len();
        10
    } else if s.starts_with("中旬") {
        *len += "中旬".len();
        20
    } else if let Some(w) = starts_any(s, &["下旬", "份"]) {
        *len += w.len();
        return last_day(year, month);
    } else if let Some((d, l)) = small(s)
        .filter(|&(d, l)| (1..=31).contains(&d) && starts_any(&s[l..], &["日", "号"]).is_some())
    {
        *len += l + "日".len();
        d
    } else {
        return last_day(year, month);
    };
    NaiveDate::from_ymd_opt(year, month, day)
}
