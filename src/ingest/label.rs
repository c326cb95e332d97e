//! Draft labels: a short noun phrase from the clause around a figure (召开党风廉政建设专题会议6次 →
//! 党风廉政建设专题会议; 成立50家信用折扣店 → 信用折扣店), and whether the guess is sure enough to pass
//! without a look.

mod lists;
use lists::{LEADS, MONEY_VERBS};

/// A draft label for the figure at `start..end` of `clause`, and whether it is sure.
///
/// `next` is the following clause of the sentence, used when the figure's own clause names nothing
/// (投资320万元，对村级道路进行硬化…).
pub fn label(clause: &str, start: usize, end: usize, next: Option<&str>) -> (String, bool) {
    let pre = clause[..start].trim();
    let post = clause[end..].trim();
    let post = post.strip_prefix('的').unwrap_or(post);
    let (kept, cut) = after_etc(pre);
    let pre_clean = strip_leads(kept);
    // A list cut to its last element (…、理论宣讲等活动) is a guess.
    let mut sure = !cut;
    let raw = if post.is_empty() || starts_with_verb_end(post) {
        if pre_clean.is_empty() || MONEY_VERBS.contains(&pre_clean.as_str()) {
            // The next clause names the money's use, unless it states a figure of its own.
            // A next clause that is a figure itself (14462户,47181人) names nothing.
            let bare = |n: &str| n.trim_start().starts_with(|c: char| c.is_ascii_digit());
            let next = next.filter(|n| {
                !bare(n) && (!n.contains(|c: char| c.is_ascii_digit()) || pre_clean.is_empty())
            });
            match next {
                Some(n) => {
                    sure = false;
                    strip_leads(n)
                }
                None => strip_period(without_year(pre)).to_string(),
            }
        } else {
            pre_clean
        }
    } else if pre_clean.is_empty() || is_verbish(&pre_clean) {
        cut_list(post, &mut sure)
    } else if names_before(&pre_clean) {
        // Names listed before a count (***镇4个社区均已完成…, **、**苑等2个社区已…): what is counted
        // and what they did, without the names.
        let post = ["均已", "均", "已经", "已"]
            .iter()
            .find_map(|w| {
                post.find(w)
                    .filter(|&i| post[..i].chars().count() <= 6)
                    .map(|i| (i, w.len()))
            })
            .map_or(post.to_string(), |(i, n)| {
                format!("{}{}", &post[..i], &post[i + n..])
            });
        cut_list(&post, &mut sure)
    } else {
        // Words on both sides: 年可烘干2万余吨粮食 → 年可烘干粮食.
        sure = false;
        format!("{pre_clean}{}", cut_list(post, &mut sure))
    };
    let mut l = unwrap_quotes(&do_for(&raw));
    let keeps_ji = ["惠及", "涉及", "普及", "以及"]
        .iter()
        .any(|w| l.ends_with(w));
    let trimmed = l.trim_end_matches(['和', '与', '及', '并', '、']);
    if trimmed.chars().count() >= 3 && !keeps_ji {
        l = trimmed.to_string();
    }
    // 摸排出矛盾纠纷 → 摸排矛盾纠纷: the complement 出 after a two-character verb says nothing.
    let chars: Vec<char> = l.chars().collect();
    if chars.len() > 4 && chars[2] == '出' {
        l = chars[..2].iter().chain(&chars[3..]).collect();
    }
    // 行政村的村情档案 → 行政村村情档案: a short possessive reads better without 的.
    if let Some(i) = l.find('的') {
        if l[..i].chars().count() <= 4 && l.matches('的').count() == 1 && i > 0 {
            l = format!("{}{}", &l[..i], &l[i + '的'.len_utf8()..]);
        }
    }
    if l.ends_with("任务数") {
        l.pop();
    }
    if l.contains('*') || l.chars().count() < 3 || l.chars().count() > 24 {
        sure = false;
    }
    if ["为", "向", "与", "在"].iter().any(|w| raw.starts_with(w)) {
        sure = false;
    }
    if l.is_empty() {
        l = clause.trim().to_string();
        sure = false;
    }
    (l, sure)
}

/// After the last 等 of a list (…、理论学习等各类培训班 → 各类培训班); a too-short remainder keeps the
/// list's last element (…、理论宣讲等活动 → 理论宣讲等活动).
fn after_etc(pre: &str) -> (&str, bool) {
    match pre.rfind('等') {
        Some(i) => {
            let rest = &pre[i + '等'.len_utf8()..];
            if rest.chars().count() > 2 {
                (rest, false)
            } else {
                let head = &pre[..i];
                let from = head.rfind(['、', '，']).map_or(0, |j| {
                    j + head[j..].chars().next().map_or(0, char::len_utf8)
                });
                (&pre[from..], from > 0)
            }
        }
        None => (pre, false),
    }
}

fn strip_leads(s: &str) -> String {
    // 其中:危化品企业10家: the store writes ： as :.
    let mut s = s.trim_start_matches(['，', '、', ' ', ':', '：', ',']);
    loop {
        let before = s;
        // A year in front (确保2023完成…) is the deadline's, not the label's.
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 {
            s = without_year(s);
        }
        s = strip_period(s);
        for w in LEADS {
            // 完成率, 实现率: one word, the rate's name.
            if let Some(rest) = s.strip_prefix(w).filter(|r| !r.starts_with('率')) {
                s = rest.trim_start_matches(['，', '、', '了', ' ']);
            }
        }
        if s == before {
            break;
        }
    }
    // 有2.2万户发展养殖业: 有 says there are, the words after say what.
    match strip_tail(s.trim_end_matches('，')) {
        t if t == "有" => String::new(),
        t => t,
    }
}

/// `s` without the year it opens with (2024年, 2024年度: the whole 年度 goes with it).
fn without_year(s: &str) -> &str {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return s;
    }
    let rest = &s[4..];
    rest.strip_prefix("年度")
        .unwrap_or_else(|| rest.trim_start_matches('年'))
}

/// `s` without the period or place it opens with, which the snapshot's date and the town already
/// say: 上半年, 1-8月, 今年1至8月份, 截至6月底, 截止到3月15日, 全镇, 我乡.
fn strip_period(s: &str) -> &str {
    for w in [
        "上半年度",
        "上半年",
        "全镇",
        "全乡",
        "全街道",
        "我镇",
        "我乡",
        "我街道",
        "我局",
        "我县",
        "我区",
    ] {
        // 全镇域面积: 镇域 is one word, the town's area.
        match s.strip_prefix(w) {
            Some(rest) if !rest.starts_with('域') => return rest.trim_start_matches(['，', ' ']),
            Some(_) => return s,
            None => {}
        }
    }
    let rest = s
        .strip_prefix("截止到")
        .or_else(|| s.strip_prefix("截至"))
        .or_else(|| s.strip_prefix("截止"))
        .or_else(|| s.strip_prefix("今年"))
        .unwrap_or(s);
    fn digits(t: &str) -> &str {
        t.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
    }
    let after_first = digits(rest);
    if after_first.len() == rest.len() {
        return s;
    }
    let after_range = match after_first.strip_prefix(['-', '—', '－', '~', '～', '至', '到'])
    {
        Some(r) => digits(r),
        None => after_first,
    };
    match after_range.strip_prefix('月') {
        // 截止到3月15日: the day goes with the month.
        Some(r) => without_day(r)
            .trim_start_matches('份')
            .trim_start_matches(['底', '末'])
            .trim_start_matches(['，', ' ']),
        None => s,
    }
}

/// `s` without the day of the month it opens with (15日, 15号).
fn without_day(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['日', '号']) {
        Some(r) if rest.len() < s.len() => r,
        _ => s,
    }
}

/// Words that end a clause before its figure but name nothing (累计达, 共计, 超).
const TAILS: &[&str] = &[
    "预计可达到",
    "预计可达",
    "预计达到",
    "预计达",
    "预计",
    "累计完成",
    "完成",
    "累计达到",
    "累计达",
    "累计",
    "共计",
    "达到",
    "实现",
    "共有",
    "共",
    "将",
    "达",
    "为",
    "约",
    "超",
    "突破",
    "逾",
];

fn strip_tail(mut s: &str) -> String {
    while let Some(w) = TAILS.iter().find(|w| s.ends_with(*w) && s.len() > w.len()) {
        s = &s[..s.len() - w.len()];
    }
    s.to_string()
}

/// Words after a figure that end the noun phrase (2次意识形态… is not how prose puts a noun).
fn starts_with_verb_end(post: &str) -> bool {
    ["，", "、", "。", "；", "以上", "左右", "的", "(", "（"]
        .iter()
        .any(|w| post.starts_with(w))
}

/// True for a clause head that names things (masked names, a list ending in 等) rather than saying
/// what is counted.
fn names_before(pre: &str) -> bool {
    pre.contains('*') || pre.ends_with('等')
}

/// True for a clause head that is only verbs (成立, 建成, 配置 …), so the noun follows the figure.
fn is_verbish(pre: &str) -> bool {
    let n = pre.chars().count();
    n <= 4
        && [
            "成立",
            "建成",
            "建设",
            "新建",
            "新增",
            "引进",
            "推动",
            "带动",
            "流转",
            "改造",
            "培育",
            "发放",
            "完成",
            "整理填写",
            "投入",
            "投资",
            "计划投资",
            "服务",
            "帮扶",
            "帮助",
            "吸纳",
            "组织",
        ]
        .iter()
        .any(|v| pre.ends_with(v))
}

/// A long list after the figure keeps its first element and 等 (改建消防设施、重建门卫、… → 改建消防设施等).
fn cut_list(post: &str, sure: &mut bool) -> String {
    // A bracketed aside after the figure (27家(其中,批发21家、…)) is not part of the name; a short
    // one inside the name (100余名村(场)主要领导, 12个村(社区)) is.
    let post = &post[..aside_at(post)];
    // 千亩百合园项目的考察和落地: the project is what is counted, not what is done with it.
    let post = match post.find("项目的") {
        Some(i) if i > 0 => &post[..i + "项目".len()],
        _ => post,
    };
    let post = strip_leads(post);
    if post.chars().count() > 24 {
        if let Some(i) = post.find('、') {
            *sure = false;
            return format!("{}等", &post[..i]);
        }
        *sure = false;
    }
    post
}

/// Where a bracketed aside starts in the words after a figure (their end when there is none): a
/// bracket of a few words with the name going on after it is part of the name.
fn aside_at(post: &str) -> usize {
    let mut from = 0;
    while let Some(i) = post[from..].find(['(', '（']).map(|i| from + i) {
        if i == 0 {
            return post.len();
        }
        let open = post[i..].chars().next().map_or(1, char::len_utf8);
        let Some(j) = post[i..].find([')', '）']).map(|j| i + j) else {
            return i;
        };
        let inner = &post[i + open..j];
        let words = !inner.contains(|c: char| c.is_ascii_digit() || ",，、".contains(c));
        if !(words && inner.chars().count() <= 4) {
            return i;
        }
        from = j + post[j..].chars().next().map_or(1, char::len_utf8);
    }
    post.len()
}

/// 对X进行Y → XY (对镇区污水管网进行升级改造 → 镇区污水管网升级改造).
fn do_for(s: &str) -> String {
    let s = s.strip_prefix('对').unwrap_or(s);
    let s = s.strip_prefix("辖区内").unwrap_or(s);
    match s.find("进行") {
        Some(i) if i > 0 => format!("{}{}", &s[..i], &s[i + "进行".len()..]),
        _ => s.to_string(),
    }
}

/// “支书述职会” → 支书述职会 when the whole label is one quotation.
fn unwrap_quotes(s: &str) -> String {
    let t = s.trim();
    match t.strip_prefix('“').and_then(|r| r.strip_suffix('”')) {
        Some(inner) if !inner.contains(['“', '”']) => inner.to_string(),
        _ => t.to_string(),
    }
}

/// An id part from a label: its letters, digits and Chinese characters, at most 12 of them.
pub fn slug(label: &str) -> String {
    let s: String = label
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(12)
        .collect::<String>()
        .to_lowercase();
    if s.is_empty() {
        "item".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests;
