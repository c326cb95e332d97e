//! Field paths in serde_path_to_error's notation: parsing and writing them.

use std::borrow::Cow;

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

/// [`render_path`] into a buffer kept between calls (cleared first).
pub(super) fn render_into(segments: &[Segment<'_>], s: &mut String) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
