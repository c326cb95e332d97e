//! Problems in the words of the people who fix the data: each diagnostic's message in Chinese (or in
//! plain English), with 错误 or 警告, and never the parser's own wording (`expected f64`,
//! `key must be a string`, `expected ident` …).

use super::check_words::fill;
use super::diag::Diagnostic;
use super::lang::Lang;

/// One problem as printed: `path:line:col: 错误: field: message` (`error:` / `warning:` in English).
pub fn diagnostic(d: &Diagnostic, lang: Lang) -> String {
    let level = match (d.is_error(), lang) {
        (true, Lang::Zh) => "错误",
        (false, Lang::Zh) => "警告",
        (true, Lang::En) => "error",
        (false, Lang::En) => "warning",
    };
    let field = if d.field == "." {
        String::new()
    } else {
        format!("{}: ", d.field)
    };
    format!(
        "{}: {level}: {field}{}",
        d.location(),
        message(&d.message, lang)
    )
}

/// A diagnostic's message in `lang`: ours translated, the parser's replaced by a sentence.
pub fn message(msg: &str, lang: Lang) -> String {
    lower_notes(&said(&lift_notes(msg), lang), lang)
}

/// How a long text cut short in a message says its length (`diag::shorten_quoted`): `”（原文共2000个字）`.
const NOTE: (&str, &str) = ("”（原文共", "个字）");
/// The length note inside the quote while the message is matched, so the quote ends where the
/// patterns expect it: `…\u{2}2000\u{2}”`.
const MARK: char = '\u{2}';

/// Each length note moved inside its quote (see [`MARK`]).
fn lift_notes(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(at) = rest.find(NOTE.0) {
        let after = &rest[at + NOTE.0.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        out.push_str(&rest[..at]);
        if digits > 0 && after[digits..].starts_with(NOTE.1) {
            out.push_str(&format!("{MARK}{}{MARK}”", &after[..digits]));
            rest = &after[digits + NOTE.1.len()..];
        } else {
            out.push_str(NOTE.0);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Each lifted length note put back after its quote, in `lang`.
fn lower_notes(msg: &str, lang: Lang) -> String {
    let mut pieces = msg.split(MARK);
    let mut out = pieces.next().unwrap_or_default().to_string();
    while let (Some(n), Some(rest)) = (pieces.next(), pieces.next()) {
        let rest = rest.strip_prefix('”').unwrap_or(rest);
        match lang {
            Lang::Zh => out.push_str(&format!("{}{n}{}", NOTE.0, NOTE.1)),
            Lang::En => out.push_str(&format!("” (a text {n} characters long)")),
        }
        out.push_str(rest);
    }
    out
}

/// [`message`] once the length notes are lifted.
fn said(msg: &str, lang: Lang) -> String {
    // The data checks word their messages in English at the source.
    if let Some(zh) = super::check_words::chinese(msg) {
        return match lang {
            Lang::Zh => zh,
            Lang::En => msg.to_string(),
        };
    }
    for (pattern, zh, en) in RULES {
        if let Some(parts) = fill(msg, pattern) {
            let template = match lang {
                Lang::Zh => *zh,
                Lang::En => en.unwrap_or(pattern),
            };
            return render(template, &parts, lang);
        }
    }
    let chinese = msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    match lang {
        // A message the model already words in Chinese stays as it is; one no rule knows is still
        // framed in Chinese.
        Lang::Zh if chinese => msg.to_string(),
        Lang::Zh => format!("内容不符合格式：{msg}"),
        Lang::En => msg.to_string(),
    }
}

/// (the message as the model words it, in Chinese, in plain English when it differs). `{}` marks a
/// part that is carried over; `{t}` a part that names a JSON type (worded by [`thing`]).
#[rustfmt::skip]
const RULES: &[(&str, &str, Option<&str>)] = &[
    ("expected a date like 2023-07-31, found {}", "日期应写成 2023-07-31 的形式，这里是 {}", None),
    ("expected a number, or \"**\" for a withheld figure, found the string {}", "这里应是数字，或用 \"**\" 表示不公开的数，现在是文字 {}", None),
    ("expected a finite number", "这里应是一个有限的数字", None),
    ("integer {} is larger than 2^53 and cannot be kept exactly", "整数 {} 太大（超过 2^53），无法精确保存", None),
    ("number out of range (too large for a figure)", "数字太大，超出了能保存的范围", None),
    ("duplicate field `{}`", "字段 {} 写了两次", Some("the field {} is written twice")),
    ("missing field `{}`", "缺少字段 {}", Some("the field {} is missing")),
    ("unknown field `{}`, expected one of {}", "不认识的字段 {}（写错了吗？这里可用的字段：{}）", Some("unknown field {} (misspelt? the fields allowed here: {})")),
    ("unknown field `{}`, expected {}", "不认识的字段 {}（写错了吗？这里可用的字段：{}）", Some("unknown field {} (misspelt? the fields allowed here: {})")),
    ("unknown field `{}`, there are no fields", "不认识的字段 {}（这里不能有字段）", Some("unknown field {} (no field belongs here)")),
    ("unknown variant `{}`, expected one of {}", "不认识的取值 {}（可用的取值：{}）", Some("unknown value {} (the values allowed: {})")),
    ("invalid type: {t}, expected {t}", "类型不对：这里是{}，应为{}", Some("wrong type: {} where {} belongs")),
    ("invalid value: {t}, expected {t}", "取值不对：这里是{}，应为{}", Some("wrong value: {} where {} belongs")),
    ("invalid length {}, expected {}", "个数不对：这里有 {} 个，应为 {}", Some("wrong length {}, expected {}")),
    ("expected value (NaN and Infinity are not JSON numbers; write a number, or \"**\" for a withheld figure)", "NaN 和 Infinity 不是数字：请写数字，或用 \"**\" 表示不公开的数", None),
    ("key must be a string (is the file cut short?)", "这里应是用双引号括起的字段名（文件不完整？）", Some("a field name in double quotes belongs here (is the file cut short?)")),
    ("key must be a string", "这里应是用双引号括起的字段名（多了一个逗号？）", Some("a field name in double quotes belongs here (a comma too many?)")),
    ("expected `,` or `}`", "这里缺少逗号 , 或右花括号 }", Some("a comma , or a closing brace } is missing here")),
    ("expected `,` or `]`", "这里缺少逗号 , 或右方括号 ]", Some("a comma , or a closing bracket ] is missing here")),
    ("expected `:`", "字段名后应有冒号 :", Some("a colon : belongs after the field name")),
    ("expected value", "这里应是一个值：数字、\"文字\"、true/false、[列表] 或 {对象}", Some("a value belongs here: a number, \"text\", true/false, [a list] or {an object}")),
    ("expected ident", "不认识的词：true、false、null 要小写，文字要加双引号", Some("an unknown word: true, false and null are lower case, text goes in double quotes")),
    ("trailing comma", "最后一项后面多了一个逗号", Some("a comma too many after the last entry")),
    ("trailing characters", "数据结束后还有多余的内容", Some("there is more text after the end of the data")),
    ("EOF while parsing a string (is the file cut short?)", "文件在一段文字中间结束（文件不完整？）", Some("the file ends inside a text (is the file cut short?)")),
    ("EOF while parsing a list (is the file cut short?)", "文件在列表 [ ] 中间结束（文件不完整？）", Some("the file ends inside a list (is the file cut short?)")),
    ("EOF while parsing an object (is the file cut short?)", "文件在对象 { } 中间结束（文件不完整？）", Some("the file ends inside an object (is the file cut short?)")),
    ("EOF while parsing a value (is the file cut short?)", "文件在一个值中间结束（文件不完整？）", Some("the file ends inside a value (is the file cut short?)")),
    ("control character (\\u0000-\\u001F) found while parsing a string", "文字中有控制字符（如直接换行），换行请写成 \\n", Some("a control character (such as a raw line break) in a text; write a line break as \\n")),
    ("invalid escape", "反斜杠 \\ 后的转义写错了（要写反斜杠本身请用 \\\\）", Some("a wrong escape after a backslash \\ (write a backslash itself as \\\\)")),
    ("invalid number", "数字写错了", Some("a malformed number")),
    ("number out of range", "数字太大，超出了能保存的范围", Some("a number too large to keep")),
    ("invalid unicode code point", "\\u 转义不是有效的字符", Some("the \\u escape is not a valid character")),
    ("lone leading surrogate in hex escape", "\\u 转义不是有效的字符", Some("the \\u escape is not a valid character")),
    ("recursion limit exceeded", "嵌套层次太深", Some("nested too deeply")),
    ("the file is empty; expected a JSON object", "文件是空的，应为一个 JSON 对象 { … }", None),
    ("the file is encoded as {}; it loaded, but please save it as UTF-8", "文件是 {} 编码，已经读入，但请另存为 UTF-8", None),
    ("the file is UTF-32, which huibao does not read; save it as UTF-8", "文件是 UTF-32 编码，huibao 不能读取，请另存为 UTF-8", None),
    ("the file starts with a {} byte-order mark but is not valid {} here; save it as UTF-8", "文件开头标明是 {} 编码，但这里不是有效的 {}，请另存为 UTF-8", None),
    ("the file holds NUL bytes: it looks like UTF-16 without a byte-order mark; save it as UTF-8", "文件含有 NUL 字节，像是没有字节序标记的 UTF-16，请另存为 UTF-8", None),
    ("the file holds a NUL byte: it is binary, not JSON text", "文件含有 NUL 字节：这是二进制文件，不是 JSON 文本", None),
    ("the file is not valid UTF-8: {}", "文件不是有效的 UTF-8：这里的字节不是 UTF-8 字符（从别的编码粘贴的？），请另存为 UTF-8", None),
    ("the file ends in the middle of a character (is the file cut short?)", "文件在一个字符中间结束（文件不完整？）", None),
    ("the file is neither UTF-8 nor GB18030 (GBK): {}", "文件既不是 UTF-8 也不是 GB18030（GBK）：这里的字节在两种编码里都不是字符，请另存为 UTF-8", None),
    ("the file is not UTF-8, and read as GB18030 it gives the unlikely character {} here; save it as UTF-8", "文件不是 UTF-8，按 GB18030 读这里是不常见的字符 {}，请另存为 UTF-8", None),
    ("the text is {} characters long; it was cut to {} (the limit for this field)", "文字有 {} 个字，已截到 {} 个（这个字段的上限）", None),
    ("the item's {} is empty", "事项的 {} 是空的", None),
    ("duplicate item id {} (first used at {})", "事项编号 {} 重复（第一次用在 {}）", None),
    ("negative value {}: counts and amounts cannot be below zero", "数值 {} 是负数：数量和金额不能小于零", None),
    ("completed {} is more than planned {}", "完成数 {} 大于计划数 {}", None),
    ("rectified {} is more than found {}", "已整改 {} 多于发现的 {}", None),
    ("open {} is more than found {}", "未整改 {} 多于发现的 {}", None),
    ("milestones out of date order: {} comes before the previous milestone's {}", "节点日期顺序不对：{} 早于上一个节点的 {}", None),
    ("unknown unit {}; known units are {}", "不认识的单位 {}；可用的单位：{}", None),
    ("an item is a project or a ledger, not both: split it into two items", "一个事项只能是项目或台账之一：请拆成两个事项", None),
    ("cannot open: {}", "无法打开：{}", None),
    ("cannot read: {}", "无法读取：{}", None),
    ("the file is larger than {} MiB and was not loaded", "文件大于 {} MiB，没有读入", None),
    ("cannot read the data folder", "无法读取数据文件夹", None),
    ("cannot read the data folder: {}", "无法读取数据文件夹：{}", None),
    ("cannot read the snapshot folder: {}", "无法读取快照文件夹：{}", None),
    ("folder ignored: snapshot dates run from {} to {}", "已忽略这个文件夹：快照日期应在 {} 到 {} 之间", None),
    ("folder ignored: there is no such day", "已忽略这个文件夹：没有这一天", None),
    ("not loaded: this is a named pipe (FIFO), not a regular file; only regular files are read", "没有读入：这是命名管道（FIFO），不是普通文件；只读取普通文件", None),
    ("not loaded: this is {}, not a regular file; only regular files are read", "没有读入：这是{}，不是普通文件；只读取普通文件", None),
    ("only town.json here: no snapshot folders (named like 2023-06-30), so there are no work lines to show", "这里只有 town.json，没有快照文件夹（如 2023-06-30），所以没有工作线可显示", None),
    ("unknown field `{}` (a key {} characters long), expected one of {}", "不认识的字段 {}（字段名长 {} 个字；这里可用的字段：{}）", Some("unknown field {} (a key {} characters long; the fields allowed here: {})")),
    ("folder ignored: snapshot folders are named like 2023-06-30", "已忽略这个文件夹：快照文件夹要以日期命名，如 2023-06-30", None),
    ("file name differs from its id {}", "文件名与文件中的 id {} 不一致", None),
    ("as_of {} differs from the snapshot folder {}", "as_of {} 与快照文件夹的日期 {} 不一致", None),
    ("line {} on {} is already given by {}; this file was not loaded", "工作线 {} 在 {} 已由 {} 给出，这个文件没有读入", None),
    ("not loaded: only files ending in .json are read (save it as .json?)", "没有读入：只读取以 .json 结尾的文件（另存为 .json？）", None),
    ("amber_points {} and red_points {} should satisfy 0 <= amber <= red", "黄灯阈值 {} 和红灯阈值 {} 应满足 0 ≤ 黄灯 ≤ 红灯", None),
    ("no such file or folder", "没有这个文件或文件夹", None),
    ("no data files here: expected town.json and snapshot folders named like 2023-06-30", "这里没有数据文件：应有 town.json 和以日期命名的快照文件夹（如 2023-06-30）", None),
    ("no line files here: expected files like party.json", "这里没有工作线文件：应有 party.json 这样的文件", None),
    ("an internal error stopped some files from loading; please report it", "内部错误使部分文件没有读入，请报告这个问题", None),
];

/// Puts the parts into a template: names in backquotes lose them, JSON types are worded in `lang`.
fn render(template: &str, parts: &[&str], lang: Lang) -> String {
    let mut out = String::new();
    let mut pieces = template.split("{}");
    out.push_str(pieces.next().unwrap_or(""));
    for (k, piece) in pieces.enumerate() {
        let part = parts.get(k).copied().unwrap_or("");
        out.push_str(&thing(part, lang));
        out.push_str(piece);
    }
    out
}

/// A part as users read it: serde's type names (`f64`, `struct Item`, `a sequence`, `string "x"`)
/// worded plainly; backquoted names (`` `label`, `value` ``) listed without backquotes.
fn thing(part: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let pick = |z: &str, e: &str| if zh { z.to_string() } else { e.to_string() };
    let unquote = |s: &str| s.trim_matches('`').to_string();
    match part {
        "f32" | "f64" | "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" | "a number" => {
            pick("数字", "a number")
        }
        "a boolean" => pick("true 或 false", "true or false"),
        "a string" | "a borrowed string" | "a string or a number" => {
            pick("加双引号的文字", "text in double quotes")
        }
        "a sequence" | "sequence" => pick("列表 [ … ]", "a list [ … ]"),
        "a map" | "map" => pick("对象 { … }", "an object { … }"),
        "null" => pick("null（空）", "null"),
        "unit value" => pick("空值", "an empty value"),
        p if p.starts_with("struct ") => pick("对象 { … }", "an object { … }"),
        p if p.starts_with("string ") => {
            format!("{}{}", pick("文字 ", "the text "), &p["string ".len()..])
        }
        p if p.starts_with("integer `") || p.starts_with("floating point `") => {
            format!(
                "{}{}",
                pick("数字 ", "the number "),
                p.split('`').nth(1).unwrap_or("")
            )
        }
        p if p.starts_with("boolean `") => unquote(&p["boolean ".len()..]),
        p if p.starts_with("a date like") => pick("日期，如 2023-07-31", "a date like 2023-07-31"),
        p if p.starts_with("a number, or") => pick(
            "数字，或表示不公开的 \"**\"",
            "a number, or \"**\" for a withheld figure",
        ),
        p if p.contains('`') => {
            let names: Vec<String> = p.split(", ").map(unquote).collect();
            names.join(if zh { "、" } else { ", " })
        }
        p => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diag::{Place, Severity};

    #[test]
    fn a_date_is_explained_in_chinese_with_its_place_and_level() {
        let d = Diagnostic {
            severity: Severity::Error,
            path: "data/2023-06-30/economy.json".into(),
            place: Place::at(62, 24),
            field: "groups[0].items[0].project.milestones[1].due".into(),
            message: "expected a date like 2023-07-31, found \"2023-7-31\"".into(),
        };
        assert_eq!(
            diagnostic(&d, Lang::Zh),
            "data/2023-06-30/economy.json:62:24: 错误: groups[0].items[0].project.milestones[1].due: 日期应写成 2023-07-31 的形式，这里是 \"2023-7-31\""
        );
        assert!(diagnostic(&d, Lang::En).contains(": error: groups[0]"));
    }

    #[test]
    fn serde_wording_never_comes_through() {
        for (serde, zh) in [
            (
                "invalid type: string \"true\", expected a boolean",
                "类型不对：这里是文字 \"true\"，应为true 或 false",
            ),
            (
                "invalid type: string \"5\", expected f64",
                "类型不对：这里是文字 \"5\"，应为数字",
            ),
            (
                "invalid type: sequence, expected struct Item",
                "类型不对：这里是列表 [ … ]，应为对象 { … }",
            ),
            (
                "key must be a string",
                "这里应是用双引号括起的字段名（多了一个逗号？）",
            ),
            (
                "expected ident",
                "不认识的词：true、false、null 要小写，文字要加双引号",
            ),
            (
                "unknown field `valeu`, expected one of `label`, `value`",
                "不认识的字段 valeu（写错了吗？这里可用的字段：label、value）",
            ),
        ] {
            assert_eq!(message(serde, Lang::Zh), zh);
            let en = message(serde, Lang::En);
            for jargon in ["f64", "struct", "ident", "key must", "`"] {
                assert!(!en.contains(jargon), "{en}");
            }
        }
    }

    #[test]
    fn a_long_unit_cut_short_is_said_with_its_length_in_either_language() {
        let long = "亩".repeat(60);
        let d = crate::model::diag::warnings_at(
            &crate::model::diag::JsonText("{}"),
            "t.json",
            vec![(
                "unit".into(),
                format!("the unit “{long}2” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it"),
            )],
        );
        let short = "亩".repeat(32);
        assert_eq!(
            message(&d[0].message, Lang::Zh),
            format!("单位“{short}...”（原文共61个字）里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）")
        );
        assert_eq!(
            message(&d[0].message, Lang::En),
            format!("the unit “{short}...” (a text 61 characters long) has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it")
        );
        assert_eq!(
            message("a “x”（原文共个字）", Lang::Zh),
            "a “x”（原文共个字）"
        );
    }

    #[test]
    fn an_unknown_message_is_still_framed_in_chinese() {
        assert_eq!(
            message("something new", Lang::Zh),
            "内容不符合格式：something new"
        );
        assert_eq!(fill("abc", "abc"), Some(vec![]));
        assert_eq!(fill("abcd", "abc"), None);
    }
}
