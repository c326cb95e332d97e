//! The one-pass check that text needs no cleaning at all (the common case: no copy).

use super::rules::{action, is_plain, Action};
use super::Kind;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// True when `s` needs no change at all: rules 1–3 (every character kept as it is), rule 4 (the
/// NFC quick check says yes) and rule 5 (within the cap), in one pass over the characters.
pub(super) fn is_clean(s: &str, kind: Kind) -> bool {
    let cap = kind.cap();
    if s.len() <= cap && s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return true;
    }
    // The NFC quick check (Unicode UAX #15), run alongside: a character whose property says "no"
    // or "maybe", or a combining mark after one of a higher class, means the text is not
    // (certainly) in NFC.
    let bytes = s.as_bytes();
    let mut last_class = 0;
    let mut chars = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        chars += 1;
        // Printable ASCII, and the CJK ideographs U+4E00–U+9FFF (the bulk of a Chinese file),
        // told from their first bytes: plain characters (see `is_plain`).
        let plain_len = match b {
            b' '..=b'~' => 1,
            0xE5..=0xE9 => 3,
            0xE4 if bytes.get(i + 1).is_some_and(|&b| b >= 0xB8) => 3,
            _ => 0,
        };
        if plain_len > 0 {
            last_class = 0;
            i += plain_len;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        i += c.len_utf8();
        if is_plain(c) {
            last_class = 0;
            continue;
        }
        if action(c, kind) != Action::Keep {
            return false;
        }
        let class = canonical_combining_class(c);
        if (class != 0 && last_class > class)
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            return false;
        }
        last_class = class;
    }
    s.len() <= cap || chars <= cap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_check_agrees_with_the_rules() {
        // The check as the rules state it, one rule at a time.
        let by_rules = |s: &str, kind: Kind| {
            s.chars().all(|c| action(c, kind) == Action::Keep)
                && is_nfc_quick(s.chars()) == IsNormalized::Yes
                && s.chars().count() <= kind.cap()
        };
        let samples = [
            "",
            "plain",
            "加强思想政治建设，实现党建工作新突破（“两学一做”）①·…",
            "Café",
            "Cafe\u{301}",
            "a\u{301}\u{316}",
            "a\u{316}\u{301}",
            "中\u{302e}\u{302a}",
            "中\u{302a}\u{302e}",
            "中\u{316}",
            "\u{3099}か",
            "か\u{3099}",
            "\u{f900}",
            "한\u{1161}",
            "行\n行",
            "行\r\n行",
            "a\u{2028}b",
            "👨\u{200d}👩",
            "\u{feff}标题",
            "\u{ad}",
        ];
        for kind in [Kind::Line, Kind::Text] {
            for s in samples {
                assert_eq!(is_clean(s, kind), by_rules(s, kind), "{s:?} {kind:?}");
            }
            for long in ["党".repeat(kind.cap()), "党".repeat(kind.cap() + 1)] {
                assert_eq!(is_clean(&long, kind), by_rules(&long, kind));
            }
        }
    }
}
