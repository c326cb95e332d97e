//! A web page saved from a government site, as the lines of its text: block elements end lines,
//! scripts, styles and comments are dropped, character references are decoded.

/// Elements whose start or end breaks a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "blockquote",
    "title",
    "ul",
    "ol",
    "hr",
    "pre",
    "dd",
    "dt",
];

/// Elements whose contents are no text of the page.
const HIDDEN: &[&str] = &["script", "style", "head", "noscript", "template"];

/// The text of `html`, one line per block; headings `h1`–`h3` become Markdown headings (`# `), so
/// the report reader gives them their level.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    // A blank waiting for the next character (which decides whether it is kept).
    let mut blank = false;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt], &mut blank);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if !closing && HIDDEN.contains(&name.as_str()) {
            let end = format!("</{name}");
            // A head's end tag may be left out: the body's start ends it then.
            let found = match find_ci(rest, &end) {
                None if name == "head" => find_ci(rest, "<body").map(|i| (i, false)),
                found => found.map(|i| (i, true)),
            };
            rest = found.map_or("", |(i, past)| {
                let after = &rest[i..];
                match after.find('>') {
                    Some(j) if past => &after[j + 1..],
                    Some(_) => after,
                    None => "",
                }
            });
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
            if !closing && matches!(name.as_str(), "h1" | "h2" | "h3") {
                out.push_str(&"#".repeat(usize::from(name.as_bytes()[1] - b'0')));
                out.push(' ');
            }
        } else if matches!(name.as_str(), "td" | "th") && !closing {
            out.push(' ');
        }
    }
    push_text(&mut out, rest, &mut blank);
    out
}

/// A tag's name in lower case (`TD class=x`, `/TD` → `td`).
pub(crate) fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Appends the text between tags: runs of blanks (line breaks in the source are layout) as one
/// space — none next to a Chinese (wide) character — and character references decoded. `blank`
/// carries a run of blanks over to the next text, as between `<span>1200</span> <span>300</span>`.
fn push_text(out: &mut String, raw: &str, blank: &mut bool) {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: char| c.width() == Some(2);
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        let (ch, len) = match c {
            '&' => reference(rest).unwrap_or(('&', 1)),
            _ => (c, c.len_utf8()),
        };
        rest = &rest[len..];
        if ch.is_ascii_whitespace() && c != '&' {
            *blank = true;
            continue;
        }
        if *blank
            && out
                .chars()
                .next_back()
                .is_some_and(|p| !matches!(p, '\n' | ' ') && !wide(p))
            && !wide(ch)
        {
            out.push(' ');
        }
        *blank = false;
        out.push(ch);
    }
}

/// The character of a reference at the start of `s` (`&amp;`, `&#20013;`, `&#x4E2D;`, `&nbsp;` …)
/// and its length in bytes.
fn reference(s: &str) -> Option<(char, usize)> {
    // Bytes, not characters: a Chinese character may sit across the twelfth byte.
    let end = s.as_bytes()[..s.len().min(12)]
        .iter()
        .position(|&b| b == b';')?;
    let body = &s[1..end];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            // A non-breaking space: the report reader trims it like an ideographic one.
            "nbsp" | "ensp" | "emsp" => '\u{3000}',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "middot" => '·',
            "times" => '×',
            "permil" => '‰',
            "sup2" => '²',
            "sup3" => '³',
            "deg" => '°',
            "yen" => '¥',
            "plusmn" => '±',
            "le" => '≤',
            "ge" => '≥',
            "ne" => '≠',
            "divide" => '÷',
            "bull" => '•',
            "rarr" => '→',
            "larr" => '←',
            "frac12" => '½',
            "sect" => '§',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_page_gives_its_paragraphs() {
        let page = r#"<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>
<script>var a = "<p>不是正文</p>";</script></head><body>
<h1>青山镇2024年上半年工作总结</h1><!-- 导航 <p>隐藏</p> -->
<div class="TRS_Editor"><p>&nbsp;&nbsp;一、主要工作</p>
<p style="text-indent:2em">完成固定资产投资3.2亿元，
同比增长10.6%&#65292;占全年任务的&ldquo;60%&rdquo;。</p>
<table><tr><td>项目</td><td>投资（万元）</td></tr><tr><td>道路&amp;桥梁</td><td>1200</td></tr></table>
<p>完成率&#x4E00;半<br>下步计划</p></div></body></html>"#;
        let lines: Vec<String> = text(page)
            .lines()
            .map(|l| l.trim_matches([' ', '\u{3000}']).to_string())
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "# 青山镇2024年上半年工作总结",
                "一、主要工作",
                "完成固定资产投资3.2亿元，同比增长10.6%，占全年任务的“60%”。",
                // Table cells stay apart (a name never runs into its figure).
                "项目 投资（万元）",
                "道路&桥梁 1200",
                "完成率一半",
                "下步计划",
            ]
        );
    }

    #[test]
    fn broken_markup_ends_without_a_panic() {
        for page in [
            "&全年任务的百分之六十;",
            "<p>一<",
            "<script>never closed",
            "<!-- never closed",
            "a &#xZZ; &#99999999; &",
            "<h9>x</h9>",
        ] {
            let _ = text(page);
        }
        assert_eq!(text("a &#xZZ; b").trim(), "a &#xZZ; b");
        // A blank between figures stays, also between tags; none between Chinese and a figure.
        assert_eq!(
            text("<span>1200</span> <span>300</span>").trim(),
            "1200 300"
        );
        assert_eq!(
            text("完成 <b>3.2</b> 亿元，增长 5% 以上").trim(),
            "完成3.2亿元，增长5%以上"
        );
        // Units and signs of 台账 and reports, as pages write them.
        assert_eq!(
            text("1200m&sup2; 30m&sup3; 25&deg;C &yen;300 &plusmn;5% &le;3 &ge;90% &rarr;").trim(),
            "1200m² 30m³ 25°C ¥300 ±5% ≤3 ≥90% →"
        );
        assert_eq!(text("<SCRIPT>x</Script>正文").trim(), "正文");
        // </head> may be left out (its end tag is optional): the body is still the page's text.
        let page = "<html><head><meta charset=utf-8><title>网站</title><BODY><p>正文</p></body>";
        assert_eq!(text(page).trim(), "正文");
    }
}
