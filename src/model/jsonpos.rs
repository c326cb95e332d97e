//! Maps a field path (`groups[1].items[0].id`) to its line and column in the JSON text.
//!
//! Paths use serde_path_to_error's notation: keys joined by `.`, array indices in brackets, `.` alone
//! for the whole document. Positions are 1-based; columns count characters (not bytes), so a line
//! with Chinese text before the field still gives the column an editor shows.
//!
//! The scanner is hand-rolled and iterative: it walks the text once, never recurses (a file of ten
//! thousand `[` cannot overflow the stack) and never panics; on text it cannot follow it simply
//! finds nothing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Largest integer an f64 holds exactly (2^53), as the format's numbers allow.
const MAX_EXACT_INT: u64 = super::format::MAX_EXACT_INT;

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// An object member, by key.
    Key(Cow<'a, str>),
    /// An array element, by 0-based index.
    Index(usize),
}

/// Splits a path like `groups[1].items[0].id` into segments; `.` (or an empty string) is the root.
/// `None` when the path is malformed (an unclosed or non-numeric index).
pub fn parse_path(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    if path == "." || path.is_empty() {
        return Some(out);
    }
    let mut rest = path;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let index = after[..close].parse().ok()?;
            out.push(Segment::Index(index));
            rest = &after[close + 1..];
        } else {
            if !first {
                rest = rest.strip_prefix('.')?;
            }
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            out.push(Segment::Key(Cow::Borrowed(&rest[..end])));
            rest = &rest[end..];
        }
        first = false;
    }
    Some(out)
}

/// Writes segments in serde_path_to_error's notation (`.` for the root).
pub fn render_path(segments: &[Segment<'_>]) -> String {
    let mut s = String::new();
    render_into(segments, &mut s);
    s
}

fn render_into(segments: &[Segment<'_>], s: &mut String) {
    s.clear();
    if segments.is_empty() {
        s.push('.');
        return;
    }
    for (i, seg) in segments.iter().enumerate() {
        match seg {
            Segment::Key(k) => {
                if i > 0 {
                    s.push('.');
                }
                s.push_str(k);
            }
            Segment::Index(n) => {
                s.push('[');
                s.push_str(&n.to_string());
                s.push(']');
            }
        }
    }
}

/// The 1-based (line, column) of the value at `path`, or `None` when the path is not in the text.
/// With a repeated key, the first occurrence counts.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let target = parse_path(path)?;
    let mut found = None;
    walk(text, |segs, at| {
        if segs.len() > target.len() || segs != &target[..segs.len()] {
            Step::Skip
        } else if segs.len() == target.len() {
            found = Some(at.value);
            Step::Stop
        } else {
            Step::Descend
        }
    });
    found.map(|o| LineIndex::new(text).line_col(o))
}

/// The 1-based (line, column) of the KEY of the member at `path` (its opening quote), for problems
/// with the key itself: an unknown field, a repeated one. `occurrence` 0 is the first member with
/// that key, 1 the second (a duplicate) and so on. `None` when the path does not end in a key or
/// is not in the text.
pub fn locate_key(text: &str, path: &str, occurrence: usize) -> Option<(usize, usize)> {
    let target = parse_path(path)?;
    if !matches!(target.last(), Some(Segment::Key(_))) {
        return None;
    }
    let mut seen = 0;
    let mut found = None;
    walk(text, |segs, at| {
        if segs.len() > target.len() || segs != &target[..segs.len()] {
            Step::Skip
        } else if segs.len() == target.len() {
            if seen == occurrence {
                found = Some(at.key);
                return Step::Stop;
            }
            seen += 1;
            Step::Skip
        } else {
            Step::Descend
        }
    });
    found.map(|o| LineIndex::new(text).line_col(o))
}

/// [`locate`] for many paths with one walk of the text; the answers follow the order of `paths`.
/// Only the branches leading to a wanted path are entered, so the walk costs one pass at most.
pub fn locate_all(text: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
    let mut prefixes: HashSet<String> = HashSet::new();
    let mut deepest = 0;
    for (i, p) in paths.iter().enumerate() {
        let Some(segs) = parse_path(p) else { continue };
        for k in 0..segs.len() {
            prefixes.insert(render_path(&segs[..k]));
        }
        deepest = deepest.max(segs.len());
        wanted.entry(render_path(&segs)).or_default().push(i);
    }
    let mut offsets = vec![None; paths.len()];
    let mut left = wanted.len();
    let mut buf = String::new();
    if left > 0 {
        walk(text, |segs, at| {
            if segs.len() > deepest {
                return Step::Skip;
            }
            render_into(segs, &mut buf);
            if let Some(idx) = wanted.remove(buf.as_str()) {
                for i in idx {
                    offsets[i] = Some(at.value);
                }
                left -= 1;
                if left == 0 {
                    return Step::Stop;
                }
            }
            if prefixes.contains(buf.as_str()) {
                Step::Descend
            } else {
                Step::Skip
            }
        });
    }
    let lines = LineIndex::new(text);
    offsets
        .into_iter()
        .map(|o| o.map(|o| lines.line_col(o)))
        .collect()
}

/// An integer literal too large for an f64 to keep exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigInteger {
    /// Its field path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    /// The literal as written.
    pub literal: String,
}

/// The first integer literal (no fraction, no exponent) whose magnitude is past 2^53.
///
/// serde_json reads integers past `u64::MAX` as floats, silently rounded; this finds them. A quick
/// pre-check (is there a run of 16 digits anywhere?) looks at one byte in sixteen in the common case,
/// so every file can be checked on every load.
pub fn find_big_integer(text: &str) -> Option<BigInteger> {
    if !has_digit_run(text.as_bytes(), 16) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut found = None;
    walk(text, |segs, at| {
        let start = at.value;
        let mut end = start;
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        let digits_from = end;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        let digits = &text[digits_from..end];
        let is_integer = !digits.is_empty() && !matches!(bytes.get(end), Some(b'.' | b'e' | b'E'));
        if is_integer
            && digits.len() >= 16
            && digits.parse::<u64>().map_or(true, |n| n > MAX_EXACT_INT)
        {
            found = Some((render_path(segs), start, text[start..end].to_string()));
            return Step::Stop;
        }
        Step::Descend
    });
    let (path, offset, literal) = found?;
    let (line, col) = LineIndex::new(text).line_col(offset);
    Some(BigInteger {
        path,
        line,
        col,
        literal,
    })
}

/// True when `bytes` holds `len` ASCII digits in a row. Any such run covers a multiple of `len`, so
/// only those bytes are probed, and the run measured around a probe that hits a digit.
fn has_digit_run(bytes: &[u8], len: usize) -> bool {
    if len == 0 {
        return true;
    }
    let digits =
        |it: &mut dyn Iterator<Item = &u8>| it.take(len).take_while(|b| b.is_ascii_digit()).count();
    let mut i = len - 1;
    while let Some(b) = bytes.get(i) {
        if b.is_ascii_digit() {
            let left = digits(&mut bytes[..i].iter().rev());
            let right = digits(&mut bytes[i + 1..].iter());
            if left + 1 + right >= len {
                return true;
            }
        }
        i += len;
    }
    false
}

/// Turns serde_json's position (1-based line, column counted in bytes up to and including the
/// character it points at) into a column counted in characters. Never less than 1.
pub fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col.max(1);
    };
    l.char_indices()
        .take_while(|(b, _)| *b < byte_col)
        .count()
        .max(1)
}

/// Line starts of a text, for turning byte offsets into (line, column in characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (one pass).
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|(b, _)| start + b < offset)
                .count()
        });
        (line, col + 1)
    }
}

/// What the walk does after visiting a value.
enum Step {
    /// Visit the value's members or elements.
    Descend,
    /// Go past the value without visiting inside it.
    Skip,
    /// End the walk.
    Stop,
}

/// Where a visited value is.
#[derive(Clone, Copy)]
struct At {
    /// Byte offset of the value's first character.
    value: usize,
    /// Byte offset of the member's key (its opening quote); the value's offset for array elements
    /// and the root.
    key: usize,
}

/// Walks every value of the document in text order, calling `visit` with its path and where it
/// starts. Stops quietly at the first thing that is not JSON.
fn walk<'a>(text: &'a str, visit: impl FnMut(&[Segment<'a>], At) -> Step) {
    let _ = walk_inner(text, visit);
}

fn walk_inner<'a>(text: &'a str, mut visit: impl FnMut(&[Segment<'a>], At) -> Step) -> Option<()> {
    let mut s = Scanner { text, pos: 0 };
    if s.text.starts_with('\u{feff}') {
        s.pos = 3;
    }
    let mut path: Vec<Segment<'a>> = Vec::new();
    // One entry per open container: true for an object.
    let mut open: Vec<bool> = Vec::new();
    s.ws();
    s.peek()?;
    let mut key = s.pos;
    'value: loop {
        let at = At {
            value: s.pos,
            key: if matches!(path.last(), Some(Segment::Key(_))) {
                key
            } else {
                s.pos
            },
        };
        match visit(&path, at) {
            Step::Stop => return Some(()),
            Step::Skip => s.skip_value()?,
            Step::Descend => match s.peek()? {
                b'{' => {
                    s.pos += 1;
                    s.ws();
                    if s.peek()? == b'}' {
                        s.pos += 1;
                    } else {
                        key = s.pos;
                        let name = s.member_key()?;
                        open.push(true);
                        path.push(Segment::Key(name));
                        continue 'value;
                    }
                }
                b'[' => {
                    s.pos += 1;
                    s.ws();
                    if s.peek()? == b']' {
                        s.pos += 1;
                    } else {
                        open.push(false);
                        path.push(Segment::Index(0));
                        continue 'value;
                    }
                }
                _ => s.skip_value()?,
            },
        }
        // A value is complete: find the next one, closing containers on the way.
        loop {
            s.ws();
            let &is_object = open.last()?;
            match s.peek()? {
                b',' => {
                    s.pos += 1;
                    s.ws();
                    let next = if is_object {
                        key = s.pos;
                        Segment::Key(s.member_key()?)
                    } else {
                        match path.last()? {
                            Segment::Index(i) => Segment::Index(i + 1),
                            Segment::Key(_) => return None,
                        }
                    };
                    *path.last_mut()? = next;
                    continue 'value;
                }
                b'}' if is_object => {}
                b']' if !is_object => {}
                _ => return None,
            }
            s.pos += 1;
            open.pop();
            path.pop();
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// At a member's key: reads `"key"`, the colon and the space before the value.
    fn member_key(&mut self) -> Option<Cow<'a, str>> {
        let key = self.string()?;
        self.ws();
        if self.peek()? != b':' {
            return None;
        }
        self.pos += 1;
        self.ws();
        Some(key)
    }

    /// At a `"`: the string's decoded contents, borrowed when it has no escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut chunk = start;
        loop {
            match *bytes.get(self.pos)? {
                b'"' => {
                    let tail = self.text.get(chunk..self.pos)?;
                    self.pos += 1;
                    return Some(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text.get(chunk..self.pos)?);
                    self.pos += 1;
                    let c = match *bytes.get(self.pos)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let is_pair = (0xD800..0xDC00).contains(&hi)
                                && bytes.get(self.pos) == Some(&b'\\')
                                && bytes.get(self.pos + 1) == Some(&b'u');
                            let code = if is_pair {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xD800) << 10) + lo.wrapping_sub(0xDC00).min(0x3FF)
                            } else {
                                hi
                            };
                            self.pos -= 1;
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return None,
                    };
                    s.push(c);
                    self.pos += 1;
                    chunk = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let n = u32::from_str_radix(digits, 16).ok()?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        Some(n)
    }

    /// Goes past a string without decoding it.
    fn skip_string(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        self.pos += 1;
        loop {
            match *bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Goes past one whole value (nested containers included) without recursing.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                _ if depth == 0 => {
                    let start = self.pos;
                    while self.peek().is_some_and(|b| {
                        !matches!(
                            b,
                            b' ' | b'\t'
                                | b'\n'
                                | b'\r'
                                | b','
                                | b'}'
                                | b']'
                                | b'"'
                                | b'{'
                                | b'['
                                | b':'
                        )
                    }) {
                        self.pos += 1;
                    }
                    return (self.pos > start).then_some(());
                }
                _ => self.pos += 1,
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
  "id": "economy",
  "title": "全力以赴稳增长",
  "groups": [
    {
      "title": "推动镇域经济稳步增长",
      "items": [
        { "id": "a", "label": "禾源白羽鸡养殖项目", "figures": [ { "value": 5, "unit": "处" } ] },
        {
          "id": "b",
          "project": { "milestones": [ { "due": "2023-07-20" }, { "due": "2023-7-31" } ] }
        }
      ]
    },
    { "title": "x", "items": [] }
  ]
}"#;

    #[test]
    fn finds_values_by_path() {
        assert_eq!(locate(DOC, "."), Some((1, 1)));
        assert_eq!(locate(DOC, "id"), Some((2, 9)));
        assert_eq!(locate(DOC, "groups"), Some((4, 13)));
        assert_eq!(locate(DOC, "groups[0].items[1].id"), Some((10, 17)));
        assert_eq!(
            locate(DOC, "groups[0].items[1].project.milestones[1].due"),
            Some((11, 74))
        );
        assert_eq!(locate(DOC, "groups[1].items"), Some((15, 30)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // 禾源白羽鸡养殖项目 is 9 characters but 27 bytes.
        assert_eq!(locate(DOC, "groups[0].items[0].label"), Some((8, 31)));
        assert_eq!(
            locate(DOC, "groups[0].items[0].figures[0].value"),
            Some((8, 68))
        );
        assert_eq!(
            locate(DOC, "groups[0].items[0].figures[0].unit"),
            Some((8, 79))
        );
    }

    #[test]
    fn missing_paths_give_none() {
        assert_eq!(locate(DOC, "nothing"), None);
        assert_eq!(locate(DOC, "groups[2]"), None);
        assert_eq!(locate(DOC, "groups[0].items[0].figures[1]"), None);
        assert_eq!(locate(DOC, "id[0]"), None);
        assert_eq!(locate(DOC, "groups[x]"), None);
        assert_eq!(locate("", "."), None);
    }

    #[test]
    fn keys_and_their_repeats() {
        let text =
            "{\n  \"ledger\": {\"unit\": \"处\", \"found\": 11, \"found\": 12},\n  \"id\": [1]\n}";
        assert_eq!(locate_key(text, "ledger.found", 0), Some((2, 27)));
        assert_eq!(locate_key(text, "ledger.found", 1), Some((2, 40)));
        assert_eq!(locate_key(text, "ledger.found", 2), None);
        assert_eq!(locate_key(text, "id", 0), Some((3, 3)));
        assert_eq!(locate_key(text, "id[0]", 0), None);
        assert_eq!(locate_key(text, ".", 0), None);
    }

    #[test]
    fn many_paths_in_one_walk() {
        let got = locate_all(
            DOC,
            &[
                "groups[0].items[1].id",
                "nope",
                "id",
                ".",
                "groups[0].items[1].id",
            ],
        );
        assert_eq!(
            got,
            vec![
                Some((10, 17)),
                None,
                Some((2, 9)),
                Some((1, 1)),
                Some((10, 17))
            ]
        );
    }

    #[test]
    fn escaped_keys_and_repeated_keys() {
        let text = "{\"a\\u0062\": 1, \"x\": \"q\\\"}\", \"x\": 2, \"\\ud83d\\ude00\": 3}";
        assert_eq!(locate(text, "ab"), Some((1, 13)));
        assert_eq!(locate(text, "x"), Some((1, 21)));
        assert_eq!(locate(text, "😀"), Some((1, 53)));
    }

    #[test]
    fn paths_round_trip() {
        for p in [
            ".",
            "id",
            "groups[1].items[0].milestones[2].due",
            "$schema",
            "a[0][1].b",
        ] {
            assert_eq!(render_path(&parse_path(p).unwrap()), p);
        }
        assert_eq!(parse_path("a[1"), None);
        assert_eq!(parse_path("a[1]b"), None);
    }

    #[test]
    fn never_panics_on_broken_text() {
        let deep = "[".repeat(100_000);
        let cases = [
            "",
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\": [1, 2",
            "{\"a\": \"\\u12",
            "{\"a\": \"\\ud800\\u",
            "]]]}}}",
            "{\"a\" 1}",
            "\u{feff}{\"a\": 1}",
            "{\"a\": \"半个\u{4e2d}",
            deep.as_str(),
        ];
        for text in cases {
            for path in [".", "a", "a[1]", "a[0][0][0]"] {
                let _ = locate(text, path);
            }
            let _ = locate_all(text, &["a", "a[1]"]);
            let _ = find_big_integer(text);
        }
        assert_eq!(locate("\u{feff}{\"a\": 1}", "a"), Some((1, 8)));
        assert_eq!(locate("{\"a\": [1, 2", "a[1]"), Some((1, 11)));
        assert_eq!(locate(&deep, "[0][0][0]"), Some((1, 4)));
    }

    #[test]
    fn big_integers_are_found_with_their_place() {
        let text = "{\n  \"figures\": [{\"value\": 12, \"phone\": \"12345678901234567890\"},\n  {\"label\": \"养殖区\", \"value\": 12345678901234567890123}]\n}";
        let big = find_big_integer(text).unwrap();
        assert_eq!(big.path, "figures[1].value");
        assert_eq!((big.line, big.col), (3, 29));
        assert_eq!(big.literal, "12345678901234567890123");
        assert_eq!(
            find_big_integer("[9007199254740992, 1234567890123456.5, 1e30]"),
            None
        );
        assert_eq!(
            find_big_integer("[-9007199254740993]").unwrap().literal,
            "-9007199254740993"
        );
        assert_eq!(find_big_integer("{\"id\": \"12345678901234567890\"}"), None);
    }

    #[test]
    fn digit_runs_are_found_wherever_they_start() {
        for start in 0..40 {
            for run in 14..18 {
                let text = format!(
                    "{}{}{}",
                    "x".repeat(start),
                    "7".repeat(run),
                    "y".repeat(40 - start)
                );
                assert_eq!(
                    has_digit_run(text.as_bytes(), 16),
                    run >= 16,
                    "start {start}, run {run}"
                );
            }
        }
        assert!(!has_digit_run(b"2023-06-30 12345678901234 5", 16));
        assert!(has_digit_run(b"1234567890123456", 16));
        assert!(!has_digit_run(b"", 16));
    }

    #[test]
    fn serde_json_byte_columns_become_character_columns() {
        let text = "{\n  \"label\": \"禾源\", \"x\": 1\n}";
        // serde_json would say column 27 (bytes) for the `1`; it is the 23rd character.
        assert_eq!(char_column(text, 2, 27), 23);
        assert_eq!(char_column(text, 9, 5), 5);
        assert_eq!(char_column(text, 3, 0), 1);
    }
}
