//! Figures and deadlines as Chinese prose writes them: 1.2亿元, 400多亩, 2万余吨, 十二期, 两千, 培训干部**人次,
//! 至少3个, 同比增长10.6%, and 7月中旬, 6月底前, 年底前, 2024年12月, 下半年, 三季度末.
//!
//! Everything found keeps its byte span in the text, so a caller can cite the exact words and a test can
//! prove that each number occurs in the sentence it came from. Used by `extract` and `import`.

use crate::model::format::{Approx, Value};
mod deadline;
pub use deadline::{deadline, deadlines, Deadline};

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

/// Counting and measuring units, longest first so 平方米 wins over 米 and 人次 over 人.
const UNITS: &[&str] = &[
    "个百分点",
    "平方公里",
    "平方米",
    "立方米",
    "标准亩",
    "千瓦时",
    "人次",
    "户次",
    "家次",
    "小时",
    "公里",
    "千米",
    "延米",
    "公顷",
    "千瓦",
    "元",
    "次",
    "个",
    "期",
    "场",
    "篇",
    "处",
    "户",
    "家",
    "人",
    "名",
    "位",
    "支",
    "亩",
    "米",
    "吨",
    "只",
    "头",
    "台",
    "辆",
    "套",
    "座",
    "起",
    "件",
    "项",
    "所",
    "条",
    "栋",
    "间",
    "棚",
    "株",
    "棵",
    "批",
    "份",
    "张",
    "册",
    "本",
    "盏",
    "口",
    "宗",
    "笔",
    "对",
    "村",
    "%",
    "％",
];

/// Words after a number that make it a date, an age or an ordinal, not a figure.
const NOT_FIGURES: &[&str] = &[
    "年", "月", "日", "号", "岁", "届", "季度", "周年", "时", "分", "点", "倍", "级", "星",
];

/// Set phrases whose numerals count nothing.
const IDIOMS: &[&str] = &[
    "千家万户",
    "千方百计",
    "万家灯火",
    "百姓",
    "千亿",
    "万事",
    "九小场所",
    "三线整治",
];

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

/// A number as written at the start of `s`: its value, its length in bytes, whether it is in Chinese
/// numerals, and whether it is withheld (`**`).
pub(super) struct Num {
    pub(super) value: Option<f64>,
    pub(super) len: usize,
    pub(super) chinese: bool,
}

pub(super) fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(super) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_scale(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Arabic digits with thousands commas and a decimal point (1,069 · 35.55 · full-width ３５).
pub(super) fn arabic(s: &str) -> Option<Num> {
    let mut digits = String::new();
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = ascii_digit(c) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
            len = i + c.len_utf8();
            continue;
        }
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| ascii_digit(n).is_some());
        if (c == '.' || c == '．') && next_is_digit && !digits.contains('.') && !digits.is_empty()
        {
            digits.push('.');
            continue;
        }
        if c == ',' && next_is_digit && !digits.is_empty() && !digits.contains('.') {
            continue;
        }
        break;
    }
    if digits.is_empty() {
        return None;
    }
    Some(Num {
        value: digits.parse().ok(),
        len,
        chinese: false,
    })
}

/// Chinese numerals below 万 (十二, 两千, 一百二十, 三); 万 and 亿 are read as magnitudes by the caller.
pub(super) fn chinese(s: &str) -> Option<Num> {
    let (mut total, mut current, mut len, mut any) = (0u64, 0u64, 0usize, false);
    let mut last_scale = 10_000u64;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            if current != 0 {
                // 一二 is not a number: stop before the second digit.
                break;
            }
            current = d;
        } else if let Some(sc) = cn_scale(c) {
            if sc >= last_scale {
                break;
            }
            total += if current == 0 && !any { 1 } else { current } * sc;
            current = 0;
            last_scale = sc;
        } else {
            break;
        }
        any = true;
        len = i + c.len_utf8();
    }
    if !any {
        return None;
    }
    Some(Num {
        value: Some((total + current) as f64),
        len,
        chinese: true,
    })
}

pub(super) fn starts_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.starts_with(w))
}

fn ends_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.ends_with(w))
}

/// The figure starting exactly at byte `at`, if there is one.
fn amount_at(text: &str, at: usize) -> Option<Amount> {
    let s = &text[at..];
    let before = &text[..at];
    let prev = before.chars().next_back();
    // Inside a longer number or a code (1+6+N, A3): not a figure of its own.
    if prev.is_some_and(|c| ascii_digit(c).is_some() || c.is_ascii_alphabetic() || c == '.') {
        return None;
    }
    let (num, withheld) = if let Some(after) = s.strip_prefix("**") {
        if prev == Some('*') || after.starts_with('*') {
            return None;
        }
        (
            Num {
                value: None,
                len: 2,
                chinese: false,
            },
            true,
        )
    } else if let Some(n) = arabic(s) {
        (n, false)
    } else if starts_any(s, IDIOMS).is_some() || prev == Some('第') {
        return None;
    } else if let Some(rest) = s.strip_prefix("百分之") {
        let n = chinese(rest).or_else(|| arabic(rest))?;
        return Some(percent_words(text, at, n));
    } else if let Some(n) = chinese(s) {
        if prev.is_some_and(|c| cn_digit(c).is_some() || cn_scale(c).is_some()) {
            return None;
        }
        (n, false)
    } else {
        return None;
    };
    // A lone 一 (一批, 一户, 一对一) is a way of speaking, not a count.
    // A lone 一 (一批, 一户) is a way of speaking; numerals right after “ name a slogan (“三个年”).
    if num.chinese && (&s[..num.len] == "一" || prev == Some('“')) {
        return None;
    }
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
    let mut approx = None;
    let mut upper = None;
    // A range: 3—5个, 3-5个, 3至5个.
    if let Some(sep) = starts_any(&text[end..], &["—", "－", "-", "~", "～", "至", "到"]) {
        if let Some(hi) = arabic(&text[end + sep.len()..]).filter(|_| !num.chinese) {
            upper = hi.value;
            end += sep.len() + hi.len;
        }
    }
    let mut take = |end: &mut usize, words: &[(&str, Approx)]| {
        for (w, a) in words {
            if text[*end..].starts_with(w) {
                *end += w.len();
                approx = approx.or(Some(*a));
                return;
            }
        }
    };
    take(&mut end, &[("多", Approx::More), ("余", Approx::Over)]);
    let magnitude = starts_any(&text[end..], &["万", "亿"]).unwrap_or("");
    end += magnitude.len();
    take(&mut end, &[("多", Approx::More), ("余", Approx::Over)]);
    let rest = &text[end..];
    if starts_any(rest, NOT_FIGURES).is_some() && magnitude.is_empty() {
        return None;
    }
    let unit = match starts_any(rest, UNITS) {
        Some(u) => u,
        // A bare 万/亿 is money only where the words speak of money (投资5000万).
        None if !magnitude.is_empty() && money_context(before) => "",
        None => return None,
    };
    if num.chinese && (unit == "%" || unit == "％") {
        return None;
    }
    // 二期工程, 三期项目: a phase, not a count of sessions.
    if unit == "期" && starts_any(&rest[unit.len()..], &["工程", "项目", "建设"]).is_some() {
        return None;
    }
    end += unit.len();
    let unit = match (magnitude, unit) {
        ("", "％") => "%".to_string(),
        (m, "") if money_context(before) => format!("{m}元"),
        (m, u) => format!("{m}{u}"),
    };
    let mut start = at;
    let mut bound = None;
    // A minus sign in front (同比分别-6.2%、-19.3%): a negative figure.
    let mut negative = false;
    if let Some(w) = ends_any(before, &["-", "－"]) {
        let sign_at = at - w.len();
        if !text[..sign_at].ends_with(|c: char| ascii_digit(c).is_some()) {
            start = sign_at;
            negative = true;
        }
    }
    let spaced = text[..start].trim_end_matches(' ');
    if let Some(w) = ends_any(spaced, &["大约", "约"]) {
        start = spaced.len() - w.len();
        approx = approx.or(Some(Approx::About));
    }
    for (words, b) in [
        (
            &["至少", "不少于", "不低于", "达到", "突破"][..],
            Bound::AtLeast,
        ),
        (&["超过", "高于", "超", "逾"][..], Bound::MoreThan),
        (&["不超过", "最多", "控制在"][..], Bound::AtMost),
    ] {
        if let Some(w) = ends_any(&text[..start], words) {
            if w != "达到" && w != "突破" {
                bound = Some(b);
            } else if w == "突破" {
                bound = Some(Bound::MoreThan);
            }
            if bound.is_some() {
                start -= w.len();
            }
            break;
        }
    }
    if w_after(text, &mut end, &["以上"]) {
        bound = Some(Bound::AtLeast);
    } else if w_after(text, &mut end, &["以内", "以下"]) {
        bound = Some(Bound::AtMost);
    } else if w_after(text, &mut end, &["左右"]) {
        approx = approx.or(Some(Approx::About));
    }
    let written = text[at..at + num.len].to_string();
    let value = match (withheld, num.value) {
        (true, _) => Value::Withheld,
        (false, Some(v)) if negative => Value::Num(-v),
        (false, v) => Value::Num(v?),
    };
    let mut a = Amount {
        value,
        upper,
        unit,
        approx,
        bound,
        growth: None,
        written,
        start,
        end,
    };
    a.growth = growth_before(&text[..a.start], a.is_rate());
    Some(a)
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

/// How firmly a target is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Firmness {
    /// 确保: must.
    Must,
    /// 力争 / 争取: strive for.
    Strive,
    /// 预计: expected.
    Expected,
    /// 计划: planned.
    Planned,
}

impl Firmness {
    /// The word as reports write it.
    pub fn zh(self) -> &'static str {
        match self {
            Firmness::Must => "确保",
            Firmness::Strive => "力争",
            Firmness::Expected => "预计",
            Firmness::Planned => "计划",
        }
    }
}

/// The firmness word a clause uses, if any (the first one).
pub fn firmness(clause: &str) -> Option<Firmness> {
    [
        ("确保", Firmness::Must),
        ("力争", Firmness::Strive),
        ("争取", Firmness::Strive),
        ("预计", Firmness::Expected),
        ("计划", Firmness::Planned),
    ]
    .iter()
    .filter_map(|(w, f)| clause.find(w).map(|i| (i, *f)))
    .min_by_key(|(i, _)| *i)
    .map(|(_, f)| f)
}

#[cfg(test)]
mod tests;
