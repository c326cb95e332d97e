//! Words around a number that make it no figure: a list announced (五个持续:), a split (分两批), a
//! quoted slogan (“打造四个小雄”).

use super::Num;

/// 呈现五个持续:经济运行持续向好、…: a count in words announcing the list after the colon, not a
/// figure.
pub(super) fn heads_a_list(rest: &str, unit: &str, num: &Num) -> bool {
    let after = &rest[unit.len()..];
    let colon = after.find([':', '：']);
    num.chinese
        && colon.is_some_and(|i| {
            let noun = &after[..i];
            noun.chars().count() <= 4 && !noun.contains(|c: char| "，,、。；;".contains(c))
        })
}

/// ,分两批共计60余名…: how the work was split, not a count — 分 opening its clause.
pub(super) fn in_batches(before: &str) -> bool {
    before
        .strip_suffix('分')
        .is_some_and(|b| b.is_empty() || b.ends_with(['，', ',', '；', ';', '。', '：', ':']))
}

/// True when byte `at` is inside “…”: a quote opened before it and closed after it.
pub(super) fn quoted(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let open = before.rfind('“');
    let close = before.rfind('”');
    open.is_some_and(|o| close.is_none_or(|c| c < o)) && text[at..].contains('”')
}
