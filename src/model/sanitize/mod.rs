//! Sanitising text from data files, once, where it enters: every string of a
//! [`LineFile`](super::LineFile) or [`Town`](super::Town) is a [`Line`](super::clean::Line) or
//! [`Text`](super::clean::Text), which can only be built through [`clean_in_place`] (see
//! [`super::clean`]), so nothing typed, pasted or planted in a file can reach the terminal as an
//! escape sequence or hide its real order.
//!
//! The rules, in order:
//!
//! 1. **Controls are made visible.** C0 controls (U+0000–U+001F: ESC, BEL, CR …) and DEL become the
//!    matching Unicode *control picture* (`␛` U+241B, `␇` U+2407, `␍` U+240D, `␡` U+2421 …): one
//!    column wide, unambiguous in CJK terminals, and they show where something was. C1 controls
//!    (U+0080–U+009F, such as the 8-bit CSI U+009B) have no picture and become `�` U+FFFD.
//!    Exceptions: a tab becomes a space; line breaks follow rule 2.
//! 2. **Line breaks** (`\n`, `\r\n`, U+2028, U+2029) are kept as `\n` only in multi-line text
//!    ([`Kind::Text`]: an item's `source` and `note`, a project's `status` and `problems`, a hazard's
//!    `description`); everywhere else they become a space. A lone `\r` (which would move the cursor
//!    back over the line) is a control and shows as `␍`.
//! 3. **Invisible characters are removed**: the bidi controls U+202A–U+202E, U+2066–U+2069, U+200E,
//!    U+200F and U+061C (they reorder what is shown: `report\u{202E}fdp.exe`); the zero-width
//!    characters U+200B, U+200C, U+2060 and U+FEFF; and other invisible format characters (U+00AD,
//!    U+180E, U+2061–U+2064, U+206A–U+206F, U+FFF9–U+FFFB). The zero-width joiner U+200D is kept
//!    only between two pictographic characters (👨‍👩‍👧, 🏳️‍🌈), where it joins an emoji.
//! 4. **NFC**: the text is put in Unicode normalization form C, so `e` + U+0301 and `é` are the same
//!    text for search, history and comparisons.
//! 5. **Length cap**: [`LINE_CAP`] characters for single-line text (labels, titles, names, ids) and
//!    [`TEXT_CAP`] for multi-line text. Longer text is cut between two glyphs and ends in
//!    [`CUT_MARK`]; the loader reports each cut as a warning, at its field path.
//!
//! Text that needs none of this (all of the seed data) is returned unchanged without copying.

mod check;
mod cut;
mod field_path;
mod rules;

use check::is_clean;
use cut::cap;
pub use cut::Cut;
pub use field_path::FieldPath;
use rules::{action, filter, Action};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Most characters kept in single-line text (labels, titles, names, ids, units).
pub const LINE_CAP: usize = 2_000;

/// Most characters kept in multi-line text (report sentences, notes, problems).
pub const TEXT_CAP: usize = 10_000;

/// What ends text that was cut to its cap (ASCII, like [`crate::text::ELLIPSIS`]).
pub const CUT_MARK: &str = crate::text::ELLIPSIS;

/// Where text is shown, which decides what happens to line breaks and how long it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Single-line text: line breaks become spaces; capped at [`LINE_CAP`].
    Line,
    /// Multi-line text: line breaks are kept; capped at [`TEXT_CAP`].
    Text,
}

impl Kind {
    /// The most characters kept.
    pub fn cap(self) -> usize {
        match self {
            Kind::Line => LINE_CAP,
            Kind::Text => TEXT_CAP,
        }
    }
}

/// Cleans single-line text (a label, title, name or id): see the module documentation.
pub fn clean(s: &str) -> String {
    clean_as(s, Kind::Line).0
}

/// Cleans multi-line text (a report sentence, note or problem): line breaks are kept.
pub fn clean_text(s: &str) -> String {
    clean_as(s, Kind::Text).0
}

/// Cleans `s` as `kind`; the second value is the length in characters before the cut, when the
/// text was longer than the cap and was cut.
pub fn clean_as(s: &str, kind: Kind) -> (String, Option<usize>) {
    let mut out = s.to_string();
    let cut = clean_in_place(&mut out, kind);
    (out, cut)
}

/// [`clean_as`] in place; does not allocate when `s` is already clean.
pub fn clean_in_place(s: &mut String, kind: Kind) -> Option<usize> {
    if is_clean(s, kind) {
        return None;
    }
    let filtered = filter(s, kind);
    let normal: String = if is_nfc_quick(filtered.chars()) == IsNormalized::Yes {
        filtered
    } else {
        filtered.nfc().collect()
    };
    let (capped, cut) = cap(normal, kind.cap());
    *s = capped;
    cut
}

/// Makes a line of output safe for a terminal: controls visible, line breaks as spaces, bidi and
/// zero-width characters removed. No normalization and no cap: for messages built by huibao that
/// may quote a file name or other outside text.
pub fn for_terminal(s: &str) -> String {
    if s.chars().all(|c| action(c, Kind::Line) == Action::Keep) {
        return s.to_string();
    }
    filter(s, Kind::Line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_pictures() {
        assert_eq!(clean("\u{1b}]0;PWNED\u{7}"), "␛]0;PWNED␇");
        assert_eq!(clean("\u{9b}31m"), "\u{fffd}31m");
        assert_eq!(clean("\r覆盖"), "␍覆盖");
        assert_eq!(clean("a\u{7f}b\u{0}"), "a␡b␀");
        assert_eq!(clean("a\tb"), "a b");
    }

    #[test]
    fn line_breaks_depend_on_the_kind() {
        assert_eq!(clean("a\nb\r\nc\u{2028}d"), "a b c d");
        assert_eq!(clean_text("a\nb\r\nc\u{2028}d\re"), "a\nb\nc\nd␍e");
    }

    #[test]
    fn invisible_characters_go() {
        assert_eq!(clean("report\u{202e}fdp.exe"), "reportfdp.exe");
        assert_eq!(clean("\u{feff}标题"), "标题");
        assert_eq!(clean("a\u{200b}b\u{2066}c\u{2069}\u{200e}"), "abc");
    }

    #[test]
    fn joiner_kept_only_inside_emoji() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean(family), family);
        let flag = "🏳\u{fe0f}\u{200d}🌈";
        assert_eq!(clean(flag), flag);
        let coder = "🧑🏽\u{200d}💻";
        assert_eq!(clean(coder), coder);
        assert_eq!(clean("a\u{200d}b"), "ab");
        assert_eq!(clean("👨\u{200d}"), "👨");
        assert_eq!(clean("\u{200d}👨"), "👨");
        assert_eq!(clean("中\u{200d}👨"), "中👨");
    }

    #[test]
    fn nfc() {
        assert_eq!(clean("Cafe\u{301}"), "Café");
        assert_eq!(clean("e\u{200b}\u{301}"), "é");
    }

    #[test]
    fn long_text_is_cut_between_glyphs() {
        let (s, cut) = clean_as(&"党".repeat(5000), Kind::Line);
        assert_eq!(cut, Some(5000));
        assert_eq!(s.chars().count(), LINE_CAP);
        assert!(s.ends_with(CUT_MARK));
        let (s, cut) = clean_as(&"e\u{301}".repeat(1500), Kind::Line);
        assert_eq!(
            (s.chars().count(), cut),
            (1500, None),
            "NFC first, then the cap"
        );
        let (s, cut) = clean_as(&"👨\u{200d}👩\u{200d}👧".repeat(1000), Kind::Line);
        assert_eq!(cut, Some(5000));
        let kept = s.strip_suffix(CUT_MARK).unwrap();
        assert_eq!(kept, "👨\u{200d}👩\u{200d}👧".repeat(399));
        let (s, cut) = clean_as(&"a".repeat(TEXT_CAP), Kind::Text);
        assert_eq!((s.len(), cut), (TEXT_CAP, None));
    }

    #[test]
    fn clean_text_is_not_copied() {
        let mut s = String::from("加强思想政治建设，实现党建工作新突破（“两学一做”）①·…");
        let before = s.as_ptr();
        assert_eq!(clean_in_place(&mut s, Kind::Line), None);
        assert_eq!(s.as_ptr(), before);
    }

    #[test]
    fn terminal_lines() {
        assert_eq!(for_terminal("a/\u{1b}[2Jb.json: x\ny"), "a/␛[2Jb.json: x y");
    }
}
