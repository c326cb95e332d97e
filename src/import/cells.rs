//! Reading one cell as a figure or a percentage: number cells and numbers typed as text (１２００,
//! 1,200, 1.2亿元, 400多, **), percentage cells (0.6 shown as 60%) and "60%" text. Dates are read in
//! [`super::dates`].

use super::sheet::Cell;
use crate::model::format::{Approx, Value};

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
pub(super) fn half_width(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
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
}
