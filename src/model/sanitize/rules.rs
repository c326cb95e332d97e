//! Rules 1–3, character by character: controls, line breaks, invisible characters.

use super::Kind;

/// What happens to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Keep,
    Remove,
    Replace(char),
    /// `\r`: part of a line break when `\n` follows, else a control.
    CarriageReturn,
    /// U+200D: kept only between two pictographs.
    Joiner,
}

/// What happens to `c` in text of this kind.
pub(super) fn action(c: char, kind: Kind) -> Action {
    match c {
        ' '..='~' => Action::Keep,
        '\t' => Action::Replace(' '),
        '\n' if kind == Kind::Text => Action::Keep,
        '\n' | '\u{2028}' | '\u{2029}' => match kind {
            Kind::Text => Action::Replace('\n'),
            Kind::Line => Action::Replace(' '),
        },
        '\r' => Action::CarriageReturn,
        '\0'..='\u{1f}' => Action::Replace(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => Action::Replace('\u{2421}'),
        '\u{80}'..='\u{9f}' => Action::Replace('\u{fffd}'),
        '\u{200d}' => Action::Joiner,
        '\u{ad}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}' => Action::Remove,
        _ => Action::Keep,
    }
}

/// Characters that stay as they are in any text and end any combining sequence (combining class
/// 0, NFC quick check "yes"): printable ASCII, CJK ideographs, CJK and full-width punctuation,
/// and general punctuation (dashes, quotation marks, the ellipsis). Most of a Chinese office file;
/// the rest takes the longer way through [`action`] and the Unicode tables.
pub(super) fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{3000}'..='\u{3029}' // U+302A–U+302F are combining marks
        | '\u{3030}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}'
    )
}

/// Rules 1–3: controls, line breaks, invisible characters.
pub(super) fn filter(s: &str, kind: Kind) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match action(c, kind) {
            Action::Keep => out.push(c),
            Action::Remove => {}
            Action::Replace(r) => out.push(r),
            Action::CarriageReturn => {
                if it.peek() == Some(&'\n') {
                    it.next();
                    out.push(if kind == Kind::Text { '\n' } else { ' ' });
                } else {
                    out.push('\u{240d}');
                }
            }
            Action::Joiner => {
                // Look past removed characters for the next one that stays.
                let next = it
                    .clone()
                    .find(|&n| action(n, kind) != Action::Remove)
                    .is_some_and(is_pictographic);
                let prev = out
                    .chars()
                    .rev()
                    .find(|&p| !is_emoji_modifier(p))
                    .is_some_and(is_pictographic);
                if prev && next {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Variation selectors and skin-tone modifiers, which may stand between an emoji and its joiner.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}')
}

/// Pictographic characters that emoji ZWJ sequences join (an approximation of Unicode's
/// Extended_Pictographic property, covering every character used in ZWJ sequences).
fn is_pictographic(c: char) -> bool {
    matches!(c,
        '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21ff}'
        | '\u{2300}'..='\u{23ff}'
        | '\u{24c2}'
        | '\u{25a0}'..='\u{27bf}'
        | '\u{2934}' | '\u{2935}'
        | '\u{2b00}'..='\u{2bff}'
        | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}'
        | '\u{1f000}'..='\u{1faff}'
        | '\u{1fc00}'..='\u{1fffd}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    #[test]
    fn plain_characters_need_nothing() {
        let ranges = [
            (0x20, 0x7e),
            (0x2010, 0x2027),
            (0x2030, 0x205e),
            (0x3000, 0x3029),
            (0x3030, 0x303f),
            (0x3400, 0x4dbf),
            (0x4e00, 0x9fff),
            (0xff00, 0xffef),
        ];
        for c in ranges
            .iter()
            .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
        {
            assert!(is_plain(c), "U+{:04X}", c as u32);
            assert_eq!(action(c, Kind::Line), Action::Keep, "U+{:04X}", c as u32);
            assert_eq!(action(c, Kind::Text), Action::Keep, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
        assert!(!is_plain('\u{302a}') && !is_plain('\u{2028}') && !is_plain('\u{feff}'));
    }
}
