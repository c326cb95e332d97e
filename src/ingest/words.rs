//! Figures and deadlines as Chinese prose writes them: 1.2亿元, 400多亩, 2万余吨, 十二期, 两千, 培训干部**人次,
//! 至少3个, 同比增长10.6%, and 7月中旬, 6月底前, 年底前, 2024年12月, 下半年, 三季度末.
//!
//! Everything found keeps its byte span in the text, so a caller can cite the exact words and a test can
//! prove that each number occurs in the sentence it came from. Used by `extract` and `import`.

use crate::model::format::{Approx, Value};
mod context;
mod deadline;
mod firmness;
mod numerals;
mod units;
use context::{heads_a_list, in_batches, quoted};
pub use deadline::{deadline, deadlines, Deadline};
pub use firmness::{firmness, firmness_word, Firmness};
use numerals::cn_scale;
use numerals::{arabic, ascii_digit, chinese, cn_digit, Num};
use units::{IDIOMS, NOT_FIGURES, UNITS};

/// A bound on a figure (至少3个, 300亩以上, 超过50%, 5公里以内).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// 至少, 不少于, 不低于, 以上: the figure or more.
    AtLeast,
    /// 超过, 高于: more than the figure.
    MoreThan,
    /// 以内, 不超过, 最多, 以下: the figure or less.
    AtMost,
}

/// What a growth figure is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// 同比 (or 比上年, 较上年): against the same period last year.
    YearOnYear,
    /// 环比: against the previous period.
    PeriodOnPeriod,
    /// No comparison named (增长10%).
    Unstated,
}

/// A change rather than a level: 同比增长10.6%, 同比下降3.2%, 提高2个百分点.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Growth {
    /// What it is compared with.
    pub basis: Basis,
    /// A fall (下降, 减少, 降低) rather than a rise.
    pub down: bool,
}

/// One figure found in prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number, or withheld (`**`).
    pub value: Value,
    /// The upper end of a range (3—5个 → value 3, upper 5).
    pub upper: Option<f64>,
    /// The unit with its magnitude: 万元, 亿元, 万吨, 亩, 人次, %, 个百分点.
    pub unit: String,
    /// 多, 余 or 约.
    pub approx: Option<Approx>,
    /// 至少 / 以上 / 超过 / 以内.
    pub bound: Option<Bound>,
    /// A change (同比增长…) rather than a level.
    pub growth: Option<Growth>,
    /// The number as written (`1.2`, `十二`, `**`), for checks that nothing was invented.
    pub written: String,
    /// Byte offset where the figure's words start (bound and 约 words included).
    pub start: usize,
    /// Byte offset just past the figure's words (unit and 以上 included).
    pub end: usize,
}

impl Amount {
    /// True for a percentage or a change in points.
    pub fn is_rate(&self) -> bool {
        self.unit == "%" || self.unit == "个百分点"
    }
}

/// Every figure in `text`, in order. A figure is a number (arabic, Chinese numerals or `**`) followed
/// by a unit; bare numbers, dates (7月), ages (60岁) and ordinals (第一) are not figures.
pub fn amounts(text: &str) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        match amount_at(text, at) {
            Some(a) => {
                at = a.end;
                out.push(a);
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

pub(super) fn starts_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.starts_with(w))
}

fn ends_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.ends_with(w))
}

/// How a figure starts: a number (arabic, Chinese or `**`), or 百分之… which is a whole figure.
enum Start {
    Number(Num, bool),
    Percent(Amount),
}

/// The number at byte `at`, if a figure can start there.
fn number_at(text: &str, at: usize) -> Option<Start> {
    let s = &text[at..];
    let prev = text[..at].chars().next_back();
    // Inside a longer number or a code (1+6+N, A3): not a figure of its own.
    if prev.is_some_and(|c| ascii_digit(c).is_some() || c.is_ascii_alphabetic() || c == '.') {
        return None;
    }
    if let Some(after) = s.strip_prefix("**") {
        if prev == Some('*') || after.starts_with('*') {
            return None;
        }
        let n = Num {
            value: None,
            len: 2,
            chinese: false,
        };
        return Some(Start::Number(n, true));
    }
    // 第13位, 第六次, 九届六次全委会议: a rank, an ordinal or a session, not a count.
    if prev == Some('第') || in_batches(&text[..at]) {
        return None;
    }
    if let Some(n) = arabic(s) {
        return Some(Start::Number(n, false));
    }
    if starts_any(s, IDIOMS).is_some() || prev == Some('届') {
        return None;
    }
    if let Some(rest) = s.strip_prefix("百分之") {
        let n = chinese(rest).or_else(|| arabic(rest))?;
        return Some(Start::Percent(percent_words(text, at, n)));
    }
    let n = chinese(s)?;
    // A lone 一 (一批, 一户) is a way of speaking; numerals in quotes name a slogan (“三个年”,
    // “实施四大战略、打造四个小雄”).
    let inside = prev.is_some_and(|c| cn_digit(c).is_some() || cn_scale(c).is_some());
    if inside || &s[..n.len] == "一" || prev == Some('“') || quoted(text, at) {
        return None;
    }
    Some(Start::Number(n, false))
}

/// What follows a number: a range's upper end, 多/余, 万/亿 and the unit. Returns the end, the unit
/// with its magnitude, the qualifier and the upper end; None when no unit makes it a figure.
fn unit_after(
    text: &str,
    at: usize,
    num: &Num,
) -> Option<(usize, String, Option<Approx>, Option<f64>)> {
    let mut end = at + num.len;
    // Web copies put a space between a number and its unit (完成 621.61 亩, 490 余次).
    if text[end..].starts_with(' ') && !num.chinese {
        let after = &text[end + 1..];
        if starts_any(after, UNITS).is_some()
            || starts_any(after, &["多", "余", "万", "亿"]).is_some()
        {
            end += 1;
        }
    }
    let mut upper = None;
    // A range: 3—5个, 3-5个, 3至5个.
    if let Some(sep) = starts_any(&text[end..], &["—", "－", "-", "~", "～", "至", "到"]) {
        if let Some(hi) = arabic(&text[end + sep.len()..]).filter(|_| !num.chinese) {
            upper = hi.value;
            end += sep.len() + hi.len;
        }
    }
    let mut approx = None;
    let mut take = |end: &mut usize| {
        if let Some(w) = starts_any(&text[*end..], &["多", "余"]) {
            *end += w.len();
            approx = approx.or(Some(if w == "多" {
                Approx::More
            } else {
                Approx::Over
            }));
        }
    };
    take(&mut end);
    // 4.9个亿: 亿元 as it is spoken.
    // 3个亿元以上项目 is three projects: only a 个亿 that ends the figure's words is money.
    let spoken = text[end..].strip_prefix("个亿").is_some_and(|r| {
        r.is_empty() || r.starts_with(['，', ',', '。', '；', ';', '、', '的', ')', '）'])
    });
    if spoken {
        end += "个".len();
    }
    let magnitude = starts_any(&text[end..], &["万", "亿"]).unwrap_or("");
    end += magnitude.len();
    take(&mut end);
    let rest = &text[end..];
    if starts_any(rest, NOT_FIGURES).is_some() && magnitude.is_empty() {
        return None;
    }
    let money = money_context(&text[..at]);
    let unit = match starts_any(rest, UNITS) {
        _ if spoken => "",
        Some(u) => u,
        // A bare 万/亿 is money only where the words speak of money (投资5000万).
        None if !magnitude.is_empty() && money => "",
        None => return None,
    };
    // 二期工程, 三期项目, 配套建设工程（二期）: a phase, not a count of sessions.
    let phase = unit == "期"
        && (starts_any(&rest[unit.len()..], &["工程", "项目", "建设"]).is_some()
            || (num.chinese && starts_any(&rest[unit.len()..], &[")", "）"]).is_some()));
    if phase || (num.chinese && (unit == "%" || unit == "％")) || heads_a_list(rest, unit, num) {
        return None;
    }
    end += unit.len();
    let unit = match (magnitude, unit) {
        ("", "％") => "%".to_string(),
        (m, "㎡" | "m²") => format!("{m}平方米"),
        (m, "㎥" | "m³") => format!("{m}立方米"),
        (m, "㎞") => format!("{m}公里"),
        (m, "") => format!("{m}元"),
        (m, u) => format!("{m}{u}"),
    };
    Some((end, unit, approx, upper))
}

/// Words before a number: a minus sign, 约, and a bound (至少, 不少于, 超过 …). Returns where the
/// figure's words start, whether it is negative, its bound and whether it is 约.
fn words_before(text: &str, at: usize) -> (usize, bool, Option<Bound>, bool) {
    let mut start = at;
    let mut negative = false;
    // A minus sign in front (同比分别-6.2%、-19.3%): a negative figure.
    if let Some(w) = ends_any(&text[..at], &["-", "－"]) {
        let sign_at = at - w.len();
        if !text[..sign_at].ends_with(|c: char| ascii_digit(c).is_some()) {
            start = sign_at;
            negative = true;
        }
    }
    let spaced = text[..start].trim_end_matches(' ');
    // 近10万剂次: nearly, an approximation like 约.
    let near = !spaced.ends_with("附近") && !spaced.ends_with("最近");
    let about = ends_any(spaced, &["大约", "约", "将近", "近"]).filter(|w| *w != "近" || near);
    if let Some(w) = about {
        start = spaced.len() - w.len();
    }
    let mut bound = None;
    for (words, b) in [
        (&["至少", "不少于", "不低于"][..], Bound::AtLeast),
        (&["超过", "高于", "突破", "超", "逾"][..], Bound::MoreThan),
        (&["不超过", "最多", "控制在"][..], Bound::AtMost),
    ] {
        if let Some(w) = ends_any(&text[..start], words) {
            bound = Some(b);
            start -= w.len();
            break;
        }
    }
    (start, negative, bound, about.is_some())
}

/// The figure starting exactly at byte `at`, if there is one.
fn amount_at(text: &str, at: usize) -> Option<Amount> {
    let (num, withheld) = match number_at(text, at)? {
        Start::Number(n, w) => (n, w),
        Start::Percent(a) => return Some(a),
    };
    let (mut end, unit, mut approx, upper) = unit_after(text, at, &num)?;
    let (start, negative, mut bound, about) = words_before(text, at);
    if about {
        approx = approx.or(Some(Approx::About));
    }
    if w_after(text, &mut end, &["以上"]) {
        bound = Some(Bound::AtLeast);
    } else if w_after(text, &mut end, &["以内", "以下"]) {
        bound = Some(Bound::AtMost);
    } else if w_after(text, &mut end, &["左右"]) {
        approx = approx.or(Some(Approx::About));
    }
    let value = match (withheld, num.value) {
        (true, _) => Value::Withheld,
        (false, Some(v)) if negative => Value::Num(-v),
        (false, v) => Value::Num(v?),
    };
    let rate = unit == "%" || unit == "个百分点";
    Some(Amount {
        value,
        upper,
        unit,
        approx,
        bound,
        growth: growth_before(&text[..start], rate),
        written: text[at..at + num.len].to_string(),
        start,
        end,
    })
}

fn w_after(text: &str, end: &mut usize, words: &[&str]) -> bool {
    match starts_any(&text[*end..], words) {
        Some(w) => {
            *end += w.len();
            true
        }
        None => false,
    }
}

/// 百分之九十五 → 95 %.
fn percent_words(text: &str, at: usize, n: Num) -> Amount {
    let prefix = "百分之".len();
    Amount {
        value: n.value.map_or(Value::Withheld, Value::Num),
        upper: None,
        unit: "%".into(),
        approx: None,
        bound: None,
        growth: growth_before(&text[..at], true),
        written: text[at + prefix..at + prefix + n.len].to_string(),
        start: at,
        end: at + prefix + n.len,
    }
}

/// True when the words just before a bare 万/亿 speak of money (投资5000万).
fn money_context(before: &str) -> bool {
    let tail: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(12)..].iter().collect()
    };
    [
        "投资",
        "投入",
        "资金",
        "收入",
        "税",
        "成本",
        "开支",
        "产值",
        "销售额",
        "营业额",
        "补贴",
        "奖励",
        "金额",
        "经费",
        "价值",
    ]
    .iter()
    .any(|w| tail.contains(w))
}

/// 同比增长 / 环比下降 / 增长 just before a figure.
fn growth_before(before: &str, rate: bool) -> Option<Growth> {
    let b = before.trim_end_matches('了');
    let verb = ends_any(
        b,
        &[
            "增长", "增加", "提高", "提升", "上升", "上涨", "下降", "减少", "降低", "下滑",
        ],
    )?;
    let down = ["下降", "减少", "降低", "下滑"].contains(&verb);
    let head = &b[..b.len() - verb.len()];
    let basis = if ends_any(head, &["同比", "比上年", "较上年", "比去年", "较去年"]).is_some()
    {
        Basis::YearOnYear
    } else if head.ends_with("环比") {
        Basis::PeriodOnPeriod
    } else if rate {
        Basis::Unstated
    } else {
        return None;
    };
    Some(Growth { basis, down })
}

#[cfg(test)]
mod tests;
