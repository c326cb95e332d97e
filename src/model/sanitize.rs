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

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

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

/// What happens to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Keep,
    Remove,
    Replace(char),
    /// `\r`: part of a line break when `\n` follows, else a control.
    CarriageReturn,
    /// U+200D: kept only between two pictographs.
    Joiner,
}

fn action(c: char, kind: Kind) -> Action {
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

/// True when `s` needs no change at all: rules 1–3 (every character kept as it is), rule 4 (the
/// NFC quick check says yes) and rule 5 (within the cap), in one pass over the characters.
fn is_clean(s: &str, kind: Kind) -> bool {
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

/// Characters that stay as they are in any text and end any combining sequence (combining class
/// 0, NFC quick check "yes"): printable ASCII, CJK ideographs, CJK and full-width punctuation,
/// and general punctuation (dashes, quotation marks, the ellipsis). Most of a Chinese office file;
/// the rest takes the longer way through [`action`] and the Unicode tables.
fn is_plain(c: char) -> bool {
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
fn filter(s: &str, kind: Kind) -> String {
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

/// Rule 5: cuts `s` to at most `max` characters between two glyphs, ending in [`CUT_MARK`].
fn cap(s: String, max: usize) -> (String, Option<usize>) {
    if s.len() <= max {
        return (s, None);
    }
    let chars = s.chars().count();
    if chars <= max {
        return (s, None);
    }
    let room = max.saturating_sub(CUT_MARK.chars().count());
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let n = g.chars().count();
        if used + n > room {
            break;
        }
        used += n;
        end = i + g.len();
    }
    // A joiner left at the end would join nothing (and a second cleaning would remove it).
    let kept = s[..end].trim_end_matches('\u{200d}');
    let mut out = String::with_capacity(kept.len() + CUT_MARK.len());
    out.push_str(kept);
    out.push_str(CUT_MARK);
    (out, Some(chars))
}

/// A string that was cut to its cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// Its field path (`groups[0].items[2].label`).
    pub field: String,
    /// Its length in characters before the cut.
    pub chars: usize,
    /// The cap it was cut to.
    pub cap: usize,
}

impl Cut {
    /// The warning's message.
    pub fn message(&self) -> String {
        format!(
            "the text is {} characters long; it was cut to {} (the limit for this field)",
            self.chars, self.cap
        )
    }
}

/// A field path as steps from its parent, so that cleaning a file builds no path string unless a
/// cut has to name one.
#[derive(Debug, Clone, Copy)]
pub enum FieldPath<'a> {
    /// A path written out (empty for the document).
    Root(&'a str),
    /// The parent's member `name`.
    Key(&'a FieldPath<'a>, &'static str),
    /// Element `i` of the parent's member `name`: `name[i]`.
    Index(&'a FieldPath<'a>, &'static str, usize),
}

impl<'a> FieldPath<'a> {
    /// The member `name` of this.
    pub fn key(&'a self, name: &'static str) -> Self {
        FieldPath::Key(self, name)
    }

    /// Element `i` of this one's member `name`.
    pub fn index(&'a self, name: &'static str, i: usize) -> Self {
        FieldPath::Index(self, name, i)
    }

    /// The path as text: `groups[0].items[2].label`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        use std::fmt::Write;
        let (parent, name) = match *self {
            FieldPath::Root(s) => return out.push_str(s),
            FieldPath::Key(parent, name) | FieldPath::Index(parent, name, _) => (parent, name),
        };
        parent.write(out);
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
        if let FieldPath::Index(_, _, i) = *self {
            let _ = write!(out, "[{i}]");
        }
    }
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

    #[test]
    fn field_paths_are_written_like_serde_path_to_error() {
        let root = FieldPath::Root("");
        let groups = FieldPath::Index(&root, "groups", 0);
        let items = FieldPath::Index(&groups, "items", 12);
        let project = FieldPath::Key(&items, "project");
        assert_eq!(
            FieldPath::Key(&project, "status").render(),
            "groups[0].items[12].project.status"
        );
        assert_eq!(FieldPath::Index(&root, "lines", 3).render(), "lines[3]");
        assert_eq!(FieldPath::Key(&root, "title").render(), "title");
        let outer = FieldPath::Root("town");
        assert_eq!(FieldPath::Key(&outer, "title").render(), "town.title");
    }

    #[test]
    fn terminal_lines() {
        assert_eq!(for_terminal("a/\u{1b}[2Jb.json: x\ny"), "a/␛[2Jb.json: x y");
    }
}
