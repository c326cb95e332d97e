//! A report's structure from its own headings: 一、 (level 1), （一） (level 2), 1、 / 1. / （1） (level 3),
//! and 一是…二是… runs inside a paragraph. Word heading styles and numbering arrive as a level hint.

/// One paragraph as read from the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Para {
    /// The paragraph's text as shown (Word numbering written out: 一、, （一）, 1.).
    pub text: String,
    /// The heading level a Word style or Markdown `#` gives it (1–3), when there is one.
    pub level: Option<u8>,
    /// A table row (its cells joined by ，), not prose.
    pub table: bool,
    /// A table row's cells, and the table's first row (its header).
    pub cells: Vec<String>,
    /// The header of the row's table.
    pub header: Vec<String>,
}

/// A heading and what stands under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    /// 0 for the document, 1–3 for headings.
    pub level: u8,
    /// The heading's words without its number (落实全面从严管党治党).
    pub title: String,
    /// Paragraphs directly under the heading (a heading's own run-on text first).
    pub paras: Vec<String>,
    /// Sub-headings.
    pub kids: Vec<Node>,
}

/// Chinese numerals as heading numbers use them.
fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// The heading level a paragraph's leading number gives, and the byte length of that number.
pub fn heading_mark(text: &str) -> Option<(u8, usize)> {
    let lead: usize = text
        .chars()
        .take_while(|&c| is_cn_numeral(c))
        .map(char::len_utf8)
        .sum();
    if lead > 0 && lead <= 9 && text[lead..].starts_with('、') {
        return Some((1, lead + '、'.len_utf8()));
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = text.strip_prefix(open) {
            let n: usize = rest
                .chars()
                .take_while(|&c| is_cn_numeral(c))
                .map(char::len_utf8)
                .sum();
            let d: usize = rest
                .chars()
                .take_while(char::is_ascii_digit)
                .map(char::len_utf8)
                .sum();
            let (n, level) = if n > 0 { (n, 2) } else { (d, 3) };
            if n > 0 && rest[n..].starts_with(close) {
                return Some((level, open.len_utf8() + n + close.len_utf8()));
            }
        }
    }
    let d: usize = text
        .chars()
        .take_while(char::is_ascii_digit)
        .map(char::len_utf8)
        .sum();
    if d > 0 && d <= 2 {
        let rest = &text[d..];
        // 1. and 1、 but not 1.2亿元 (a decimal) nor 12月.
        if let Some(sep) = ["、", "．", "."].iter().find(|s| rest.starts_with(**s)) {
            let after = &rest[sep.len()..];
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((3, d + sep.len()));
            }
        }
    }
    None
}

/// Splits a heading paragraph into its title and its run-on text: `1、落实全面从严管党治党。严守…` →
/// (`落实全面从严管党治党`, `严守…`).
fn title_and_rest(text: &str) -> (String, String) {
    // A web copy runs the body on after a space: 一、2023年工作回顾 2023年是…
    if let Some(i) = text.find([' ', '\u{3000}']) {
        let stop = text.find(['。', '：', ':']).unwrap_or(text.len());
        if i < stop && text[..i].chars().count() <= 30 && !text[i..].trim().is_empty() {
            return (text[..i].to_string(), text[i..].trim().to_string());
        }
    }
    match text.find(['。', '：', ':']) {
        Some(i) => {
            let stop = text[i..].chars().next().map_or(0, char::len_utf8);
            let rest = text[i + stop..].trim();
            (text[..i].trim().to_string(), rest.to_string())
        }
        None => (text.trim().to_string(), String::new()),
    }
}

/// True for a heading's text that is a sentence stating figures: a clause break (，；) or a closing
/// 。 and at least one amount with its unit.
fn stated(body: &str) -> bool {
    let body = body.trim();
    (body.contains(['，', '；']) || body.ends_with('。'))
        && super::words::amounts(body)
            .iter()
            .any(|a| !a.unit.is_empty())
}

/// Builds the heading tree. Paragraphs before the first heading stay on the root.
pub fn outline(paras: &[Para]) -> Node {
    let mut stack: Vec<Node> = vec![Node::default()];
    for (i, p) in paras.iter().enumerate() {
        let text = p.text.trim();
        let (level, body) = match heading_mark(text) {
            Some((level, len)) => (Some(level), &text[len..]),
            None if i > 0 && p.level.is_none() && year_heading(text) => (Some(1), text),
            None => (p.level, text),
        };
        let Some(level) = level else {
            if let Some(top) = stack.last_mut() {
                top.paras.push(text.to_string());
            }
            continue;
        };
        while stack.len() > 1 && stack.last().is_some_and(|n| n.level >= level) {
            close(&mut stack);
        }
        let (title, rest) = title_and_rest(body);
        let mut node = Node {
            level,
            title,
            ..Node::default()
        };
        if !rest.is_empty() {
            node.paras.push(rest);
        } else if stated(body) {
            // A numbered line that is a whole sentence of figures (1、完成固定资产投资3.2亿元，同比
            // 增长10.6%。) is an item, not a title: its figures would be lost as a group's name.
            node.title = String::new();
            node.paras.push(body.trim().to_string());
        }
        stack.push(node);
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

/// An unmarked line heading a year's review or plan (2020年工作回顾 after a 政府工作报告's title
/// block; 2021年工作安排).
fn year_heading(text: &str) -> bool {
    let year = text.bytes().take_while(u8::is_ascii_digit).count() == 4;
    let heads = ["工作回顾", "工作总结", "工作安排", "工作打算", "工作计划"];
    year && text[4..].starts_with('年')
        && text.chars().count() <= 16
        && heads.iter().any(|w| text.ends_with(w))
}

fn close(stack: &mut Vec<Node>) {
    if let Some(mut done) = stack.pop() {
        // A heading read as a sentence of figures that turns out to head sections or paragraphs is
        // a heading after all, named by its first clause (项目建设提速增效，全年完成投资12亿元。 →
        // 项目建设提速增效); its figures stay its own paragraph: a chapter or group is never untitled.
        if done.title.is_empty() && (!done.kids.is_empty() || done.paras.len() > 1) {
            if let Some(first) = done.paras.first().filter(|p| stated(p)) {
                let title = title_and_rest(first).0;
                let clause = title.split(['，', '；']).next().unwrap_or_default();
                done.title = clause.trim().to_string();
            }
        }
        if let Some(parent) = stack.last_mut() {
            parent.kids.push(done);
        }
    }
}

/// A run of text under one heading: a paragraph, or one 一是… segment of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its own short heading (统筹片区发展 in 一是统筹片区发展。), when it has one.
    pub heading: Option<String>,
    /// The text after the heading.
    pub body: String,
}

const ORDINALS: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// A paragraph cut at its 一是 / 二是 … markers (only when it starts with one); otherwise one unit.
/// A marker counts where a sentence starts (after 。 ； or a space), whatever its number: reports
/// repeat or skip them (一是 … 一是 … 三是).
pub fn units(para: &str) -> Vec<Unit> {
    if !ORDINALS.iter().any(|w| para.starts_with(w)) {
        return vec![Unit {
            heading: None,
            body: para.to_string(),
        }];
    }
    let mut cuts: Vec<usize> = para
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| {
            ORDINALS.iter().any(|w| para[i..].starts_with(w))
                && (i == 0 || para[..i].trim_end().ends_with(['。', '；', ';']))
        })
        .collect();
    cuts.push(para.len());
    cuts.windows(2)
        .map(|w| {
            let seg = para[w[0] + ORDINALS[0].len()..w[1]].trim();
            let (title, rest) = match seg.find('。') {
                Some(i) if seg[..i].chars().count() <= 30 => {
                    (seg[..i].to_string(), seg[i + '。'.len_utf8()..].to_string())
                }
                _ => (String::new(), seg.to_string()),
            };
            // A point said in one sentence is its own heading and its own text.
            let body = if rest.trim().is_empty() {
                seg.to_string()
            } else {
                rest
            };
            Unit {
                heading: (!title.is_empty()).then_some(title),
                body,
            }
        })
        .collect()
}

/// A line of a web copy cut where a heading runs on after a space (…首位。 一、2024年工作总结 (一)坚持…).
pub fn split_run_on_headings(line: &str) -> Vec<String> {
    let mut cuts = vec![0];
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            let next = i + c.len_utf8();
            let rest = line[next..].trim_start();
            let before = line[..i].trim();
            let markdown = before.chars().all(|c| c == '#');
            if matches!(heading_mark(rest), Some((1 | 2, _))) && !markdown {
                cuts.push(next);
            }
        }
    }
    cuts.push(line.len());
    cuts.windows(2)
        .map(|w| line[w[0]..w[1]].trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits text into sentences, each ending with its 。！？； (kept), and with its own text exactly as
/// in the report.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut cuts = Vec::new();
    let mut quote = 0i32;
    let stray = unclosed(text);
    for (i, c) in text.char_indices() {
        match c {
            '“' | '《' | '（' | '(' if !stray.contains(&i) => quote += 1,
            '”' | '》' | '）' | ')' => quote = (quote - 1).max(0),
            '。' | '！' | '？' | '；' | ';' if quote <= 0 => cuts.push(i + c.len_utf8()),
            _ => {}
        }
    }
    cuts.push(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    for end in parts_kept_whole(text, &cuts) {
        push_trimmed(&mut out, &text[start..end]);
        start = end;
    }
    out
}

/// The byte positions of the quotes and brackets that open and are never closed (面对“4·7下沙社区
/// 遭遇战,迅速划定“三区”: the first “): they hold nothing together.
pub(crate) fn unclosed(text: &str) -> Vec<usize> {
    let mut open = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '“' | '《' | '（' | '(' => open.push(i),
            '”' | '》' | '）' | ')' => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

/// The sentence ends of `cuts` once a 其中 list run on after ； is kept with its whole (培训10785人次；
/// 其中棉花3800人次；畜牧业2700人次；果树1265人次、蔬菜1082人次。 is one sentence): a clause opening with
/// 其中, and after it each clause whose figures are all in the first part's unit, with no comma.
fn parts_kept_whole(text: &str, cuts: &[usize]) -> Vec<usize> {
    let mut kept = Vec::new();
    let mut part_unit: Option<String> = None;
    for (k, &end) in cuts.iter().enumerate() {
        let next = cuts.get(k + 1).map(|&e| text[end..e].trim());
        let soft = text[..end].ends_with(['；', ';']);
        let run_on = match next {
            Some(n) if soft && n.starts_with("其中") => {
                part_unit = super::words::amounts(n).into_iter().next().map(|a| a.unit);
                part_unit.is_some()
            }
            Some(n) if soft && !n.contains(['，', ',']) => part_unit.as_ref().is_some_and(|u| {
                let found = super::words::amounts(n);
                !found.is_empty() && found.iter().all(|a| &a.unit == u)
            }),
            _ => false,
        };
        if !run_on {
            part_unit = None;
            kept.push(end);
        }
    }
    kept
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests;
