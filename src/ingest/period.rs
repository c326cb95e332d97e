//! What a report covers: its title, the town, and the as-of date — from the period its title and
//! headings name (上半年 → 06-30, 前三季度 → 09-30, 2023年工作回顾 → 12-31, 二季度执行情况 → 06-30), else
//! its publication or signature date.

use super::outline::{heading_mark, Para};
use super::words;
use super::Message;
use chrono::{Datelike, NaiveDate};

/// Words of a period end: a half, a quarter, a whole year.
const PERIOD_WORDS: &[&str] = &[
    "上半年",
    "前三季度",
    "季度",
    "年度",
    "全年",
    "半年",
    "年底",
    "年末",
];

/// True for a line that is page furniture, not report text (发布日期: 2024-03-21 信息来源: …).
pub fn is_meta(line: &str) -> bool {
    [
        "发布日期",
        "发布时间",
        "信息来源",
        "来源：",
        "来源:",
        "浏览次数",
        "字号",
    ]
    .iter()
    .any(|w| line.starts_with(w))
        || date_of(line).is_some()
        || is_breadcrumb(line)
}

/// True for a site's breadcrumb trail (首页 > 政务公开 > 工作总结, 当前位置：…), which saved pages and
/// web copies carry above the report.
fn is_breadcrumb(line: &str) -> bool {
    ["当前位置", "您的位置", "您现在的位置", "你的位置"]
        .iter()
        .any(|w| line.starts_with(w))
        || (line.starts_with("首页") && line.contains(['>', '＞', '›', '»', '/']))
}

/// The report's title: its first line, when it reads like one (short, no full stop).
pub fn title_line(root_paras: &[String]) -> Option<&String> {
    root_paras.iter().find(|t| !is_meta(t)).filter(|t| {
        t.chars().count() <= 60 && !t.ends_with(['。', '：', ':']) && heading_mark(t).is_none()
    })
}

/// The as-of date and the period's words (上半年), for a report whose title is `title`, whose
/// opening paragraphs are `head` and whose level-1 headings (not the next-step ones) are `headings`.
///
/// In order: `--as-of`; the earliest period end the title, the headings and the opening name; for a
/// plan, its publication date; the date under the signature or of publication.
pub fn as_of(
    given: Option<NaiveDate>,
    title: &str,
    head: &[String],
    headings: &[String],
    paras: &[Para],
) -> Result<(NaiveDate, String), Message> {
    let all: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    let year = report_year(title, headings, paras, &all.join("\n"));
    let mut found: Vec<(NaiveDate, String)> = year
        .map(|y| period_ends(title, head, headings, y))
        .unwrap_or_default()
        .into_iter()
        .map(|(d, w, _)| (d, w))
        .collect();
    found.sort();
    let plan_only = ["计划", "思路", "打算", "要点"]
        .iter()
        .any(|w| title.contains(w))
        && !["总结", "回顾", "情况", "汇报"]
            .iter()
            .any(|w| title.contains(w));
    let published = published(&all);
    let period = found.first().map(|p| p.1.clone()).unwrap_or_default();
    if let Some(d) = given {
        return Ok((d, period));
    }
    if plan_only {
        if let Some(d) = published.or_else(|| date_line(paras)) {
            return Ok((d, period));
        }
    }
    if let Some(f) = found.into_iter().next() {
        return Ok(f);
    }
    if let Some(d) = date_line(paras).or(published) {
        return Ok((d, String::new()));
    }
    Err(Message::new(
        "无法从报告中确定截至日期（如“上半年”“前三季度”或落款日期），请用 --as-of YYYY-MM-DD 指定",
        "the report names no period (上半年, 前三季度 …) and no date; give one with --as-of YYYY-MM-DD",
    ))
}

/// The period ends the title and the headings name, and those the first four opening paragraphs
/// and any later unmarked heading line of the opening name (a bare 2024年 counts in a title or
/// heading only), in year `y`: each with its period's words
/// and the sentence that names it.
fn period_ends(
    title: &str,
    head: &[String],
    headings: &[String],
    y: i32,
) -> Vec<(NaiveDate, String, String)> {
    let mut found = Vec::new();
    let titled = std::iter::once(title).chain(headings.iter().map(String::as_str));
    // Past the first four: an unmarked heading line (2020年工作回顾 after the meeting's lines).
    let bare_heading = |t: &&String| t.chars().count() <= 20 && !t.contains(['。', '，', ',']);
    let opening = head
        .iter()
        .take(4)
        .chain(head.iter().skip(4).filter(bare_heading));
    for (text, year_alone) in titled
        .map(|t| (t, true))
        .chain(opening.map(|t| (t.as_str(), false)))
    {
        for d in words::deadlines(text, y) {
            let alone = d
                .words
                .trim_end_matches('年')
                .bytes()
                .all(|b| b.is_ascii_digit());
            // 2023年工作回顾 opening a 2024年政府工作报告: the year reviewed, wherever it stands.
            let reviewed = ["工作回顾", "工作总结", "回顾"]
                .iter()
                .any(|w| text[d.end..].trim_start().starts_with(w));
            if let Some(w) = PERIOD_WORDS.iter().find(|w| d.words.contains(*w)) {
                found.push((d.date, w.to_string(), text.to_string()));
            } else if (year_alone || reviewed) && alone && d.words.ends_with('年') {
                found.push((d.date, "年度".into(), text.to_string()));
            }
        }
    }
    if let Some(d) = year_without_nian(title).and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)) {
        found.push((d, "年度".into(), title.to_string()));
    }
    found.sort();
    found
}

/// 2008镇政府工作总结: the year a summary's title opens with, written without 年 — when the title
/// names no shorter period.
fn year_without_nian(title: &str) -> Option<i32> {
    let t = title.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(4..)?;
    let summary = ["总结", "回顾", "报告", "汇报"]
        .iter()
        .any(|w| rest.contains(w));
    let period = PERIOD_WORDS.iter().any(|w| rest.contains(w)) || rest.contains("月");
    let bare = digits == 4 && !rest.trim_start().starts_with('年');
    (bare && summary && !period)
        .then(|| t[..4].parse().ok())
        .flatten()
}

/// For a report that names a period (上半年, 前三季度) but no year anywhere (今年上半年): the latest
/// end of that period on or before `today`, its words, and the sentence naming it — a guess, for
/// the review list.
pub fn period_without_year(
    title: &str,
    head: &[String],
    headings: &[String],
    today: NaiveDate,
) -> Option<(NaiveDate, String, String)> {
    [today.year(), today.year() - 1].into_iter().find_map(|y| {
        period_ends(title, head, headings, y)
            .into_iter()
            .next()
            .filter(|(d, _, _)| *d <= today)
    })
}

/// The date of a 发布日期 / 发布时间 line (2024-03-21).
fn published(lines: &[&str]) -> Option<NaiveDate> {
    lines.iter().take(6).find_map(|l| {
        let i = l.find("发布")?;
        let rest = &l[i..];
        let start = rest.find(|c: char| c.is_ascii_digit())?;
        let date = rest.get(start..start + 10)?;
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
    })
}

fn years(s: &str) -> Vec<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3))
        .filter(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .filter_map(|i| s[i..i + 4].parse().ok())
        .filter(|y| (1990..2200).contains(y))
        .collect()
}

/// The report's year: in its title or first heading, else its date line, else the year it names most.
fn report_year(title: &str, headings: &[String], paras: &[Para], all: &str) -> Option<i32> {
    let named = std::iter::once(title).chain(headings.iter().map(String::as_str));
    if let Some(y) = named.flat_map(years).next() {
        return Some(y);
    }
    if let Some(d) = date_line(paras) {
        return Some(d.year());
    }
    let all_years = years(all);
    let mut best: Option<(i32, usize)> = None;
    for y in &all_years {
        let n = all_years.iter().filter(|x| *x == y).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((*y, n));
        }
    }
    best.map(|b| b.0)
}

/// How many closing paragraphs are the signature block: the date line and the office's name
/// (青山镇人民政府 / 2024年7月5日), which belong to no work line.
pub fn signature_len(paras: &[Para]) -> usize {
    let tail = paras.len().saturating_sub(3);
    let Some(at) = paras[tail..]
        .iter()
        .position(|p| date_of(&p.text).is_some())
        .map(|i| tail + i)
    else {
        return 0;
    };
    let signer = at > 0 && {
        let t = paras[at - 1].text.trim();
        t.chars().count() <= 20 && !t.contains(['。', '，', ',']) && heading_mark(t).is_none()
    };
    paras.len() - at + usize::from(signer)
}

/// 2023年7月5日 on a line of its own.
fn date_of(line: &str) -> Option<NaiveDate> {
    let t = line.trim();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    NaiveDate::from_ymd_opt(y.trim().parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The report's own date, on a line of its own near the end (2023年7月5日).
fn date_line(paras: &[Para]) -> Option<NaiveDate> {
    paras.iter().rev().take(4).find_map(|p| date_of(&p.text))
}

/// The town's name as the report writes it: the first …镇 / …街道 / …乡 after a break.
pub fn town_name(text: &str) -> Option<String> {
    let mut hits: Vec<usize> = text
        .match_indices(['镇', '乡'])
        .chain(text.match_indices("街道"))
        .map(|(i, _)| i)
        .collect();
    hits.sort_unstable();
    for i in hits {
        let before: Vec<char> = text[..i]
            .chars()
            .rev()
            .take_while(|c| *c == '*' || ('\u{4e00}'..='\u{9fff}').contains(c))
            .take(7)
            .collect();
        // 重庆市巴南区木洞镇: the name after the last 市/区/县.
        let name: String = before.iter().rev().collect();
        let name = name.rsplit(['市', '区', '县']).next().unwrap_or(&name);
        let name = name.trim_start_matches(['年', '度']).to_string();
        let n = name.chars().count();
        if (1..=4).contains(&n) && !name.ends_with(['全', '本', '我', '各', '乡', '城']) {
            let tail = if text[i..].starts_with("街道") {
                "街道"
            } else {
                &text[i..i + 3]
            };
            return Some(format!("{name}{tail}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Para {
        Para {
            text: t.into(),
            level: None,
            table: false,
            ..Default::default()
        }
    }

    #[test]
    fn breadcrumbs_are_page_furniture() {
        for line in [
            "首页 > 政务公开",
            "首页>政务公开>工作总结",
            "首页 » 信息公开",
            "当前位置：首页 > 通知公告",
        ] {
            assert!(is_meta(line), "{line}");
        }
        for line in ["首页工作", "*镇2023年上半年工作汇报", "首都功能区建设>3个"]
        {
            assert!(!is_meta(line), "{line}");
        }
    }

    #[test]
    fn periods_from_titles_and_headings() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let none: Vec<String> = Vec::new();
        let cases: &[(&str, &[&str], NaiveDate)] = &[
            (
                "泗洲头镇2024年度重点工作计划二季度执行情况",
                &[],
                d(2024, 6, 30),
            ),
            (
                "东柳街道2023年工作总结和2024年工作思路",
                &["2023年工作回顾"],
                d(2023, 12, 31),
            ),
            ("2024年政府工作报告", &["2023年工作回顾"], d(2023, 12, 31)),
            ("", &["2025年上半年工作总结"], d(2025, 6, 30)),
            ("莲花镇2024年前三季度工作总结", &[], d(2024, 9, 30)),
        ];
        for (title, heads, want) in cases {
            let heads: Vec<String> = heads.iter().map(|s| s.to_string()).collect();
            let got = as_of(None, title, &none, &heads, &[p(title)]).map(|r| r.0);
            assert_eq!(got.ok(), Some(*want), "{title}");
        }
        let plan = [
            p("菁芜洲镇2024年度政府工作计划"),
            p("发布时间:2024-01-18 15:22 信息来源:通道县菁芜洲镇"),
        ];
        let got = as_of(None, &plan[0].text, &none, &none, &plan).map(|r| r.0);
        assert_eq!(got.ok(), Some(d(2024, 1, 18)));
        // The year reviewed, named in the opening paragraph rather than a heading.
        let title = "梅陇镇2024年政府工作报告";
        let head = vec!["2023年工作回顾 过去一年,我们坚持稳中求进。".to_string()];
        let got = as_of(None, title, &head, &none, &[p(title)]).map(|r| r.0);
        assert_eq!(got.ok(), Some(d(2023, 12, 31)));
        // 沙沟镇 2021年政府工作报告: the review's heading stands, unmarked, after the meeting's lines.
        let title = "沙沟镇2021年政府工作报告";
        let head: Vec<String> = [
            "政 府 工 作 报 告",
            "——2021年2月27日在沙沟镇第十六届人民代表大会",
            "第六次会议上",
            "各位代表:",
            "现在,我代表镇政府向大会报告工作,请予审议。",
            "2020年工作回顾",
            "2020年是极不平凡的一年,2021年是“十四五”开局之年。",
        ]
        .map(String::from)
        .to_vec();
        let got = as_of(None, title, &head, &none, &[p(title)]).map(|r| r.0);
        assert_eq!(got.ok(), Some(d(2020, 12, 31)));
        // 小雄镇: a year without 年 opening the title.
        let title = "2008镇政府工作总结";
        let got = as_of(None, title, &none, &none, &[p(title)]).map(|r| r.0);
        assert_eq!(got.ok(), Some(d(2008, 12, 31)));
    }

    #[test]
    fn town_names() {
        assert_eq!(town_name("今年以来，*镇党委、政府").as_deref(), Some("*镇"));
        assert_eq!(
            town_name("重庆市巴南区木洞镇人民政府关于").as_deref(),
            Some("木洞镇")
        );
        assert_eq!(
            town_name("东柳街道2023年工作总结").as_deref(),
            Some("东柳街道")
        );
        assert_eq!(town_name("全镇上下").as_deref(), None);
        assert_eq!(
            town_name("2024年木棠镇人民政府工作报告").as_deref(),
            Some("木棠镇")
        );
    }
}
