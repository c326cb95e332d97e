//! Maps a field path (`groups[1].items[0].id`) to its line and column in the JSON text.
//!
//! Paths use serde_path_to_error's notation: keys joined by `.`, array indices in brackets, `.` alone
//! for the whole document. Positions are 1-based; columns count characters (not bytes), so a line
//! with Chinese text before the field still gives the column an editor shows.
//!
//! The scanner is hand-rolled and iterative: it walks the text once, never recurses (a file of ten
//! thousand `[` cannot overflow the stack) and never panics; on text it cannot follow it simply
//! finds nothing.

mod big;
mod lines;
mod path;
mod scanner;
mod walk;

pub use big::{find_big_integer, BigInteger};
pub use lines::{char_column, LineIndex};
pub use path::{parse_path, render_path, Segment};

use path::render_into;
use std::collections::{HashMap, HashSet};
use walk::{walk, Step};

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
}
