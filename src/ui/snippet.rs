//! Why a search hit matched: the matched text with the words around it, cut to a width without
//! splitting a number (`1.2亿元`, never `.2亿元`), and the match widened to a whole number.

use crate::text::width;

/// A piece of text around a match: (before, the match, after), with `..` where it was cut (as every truncation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The words before the match.
    pub before: String,
    /// The match itself (a whole number when it falls inside one).
    pub hit: String,
    /// The words after the match.
    pub after: String,
}

fn numeric(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == '%'
}

fn w(cs: &[char]) -> usize {
    cs.iter().map(|c| width(c.encode_utf8(&mut [0; 4]))).sum()
}

/// The match of `query` in `text` (case-insensitive) with context, at most `room` columns wide.
pub fn snippet(text: &str, query: &str, room: usize) -> Option<Snippet> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let cs: Vec<char> = text.chars().collect();
    let q: Vec<char> = query.trim().chars().map(fold).collect();
    if q.is_empty() || q.len() > cs.len() {
        return None;
    }
    let at = (0..=cs.len() - q.len()).find(|&i| (0..q.len()).all(|k| fold(cs[i + k]) == q[k]))?;
    let (mut s, mut e) = (at, at + q.len());
    // A match inside a number shows the whole number.
    while s > 0 && numeric(cs[s - 1]) && numeric(cs[s]) {
        s -= 1;
    }
    while e < cs.len() && numeric(cs[e]) && numeric(cs[e - 1]) {
        e += 1;
    }
    // Context: a third of the room before the match, the rest after; numbers are never cut.
    let spare = room.saturating_sub(w(&cs[s..e]) + 4);
    let mut from = s;
    while from > 0 && w(&cs[from - 1..s]) <= spare / 3 {
        from -= 1;
    }
    while from > 0 && from < s && numeric(cs[from]) && numeric(cs[from - 1]) {
        from += 1;
    }
    let left = spare.saturating_sub(w(&cs[from..s]));
    let before: String = cs[from..s].iter().collect();
    // The words after: cut like every truncation, which never leaves a figure without its unit
    // (`约6227..` of 约6227平方米 backs off to `约..`).
    let after: String = cs[e..].iter().collect();
    Some(Snippet {
        before: if from > 0 {
            format!("..{before}")
        } else {
            before
        },
        hit: cs[s..e].iter().collect(),
        after: crate::text::truncate(&after, left + crate::text::ELLIPSIS.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_comes_with_its_context_and_numbers_stay_whole() {
        let s = snippet(
            "成功引进总投资1.2亿元禾源白羽鸡养殖项目，规划了5处养殖区",
            "禾源",
            30,
        )
        .unwrap();
        assert_eq!(s.hit, "禾源");
        assert!(s.before.ends_with("1.2亿元"), "{s:?}");
        let n = snippet("今年以来累计排查发现安全隐患1069处", "06", 20).unwrap();
        assert_eq!(n.hit, "1069", "a match inside a number shows the number");
        let t = snippet("总投资5000万元的示范项目", "项目", 10).unwrap();
        assert!(
            !t.before.starts_with("..0") && !t.before.starts_with("..00"),
            "{t:?}"
        );
        assert!(
            width(&format!("{}{}{}", t.before, t.hit, t.after)) <= 10,
            "{t:?}"
        );
        let u = snippet(
            "道路整修改造约1900平方米，镇域道路改造及硬化约6227平方米",
            "道路",
            40,
        )
        .unwrap();
        assert!(
            !u.after.contains("6227.."),
            "a figure keeps its unit or goes: {u:?}"
        );
        assert!(!u.after.ends_with(|c: char| c.is_ascii_digit()), "{u:?}");
        assert_eq!(snippet("abc", "x", 10), None);
        assert_eq!(snippet("ABC", "b", 10).unwrap().hit, "B");
    }
}
