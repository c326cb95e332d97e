//! Line files that failed to load: their lines keep their place on the agenda (a broken file never
//! renumbers the meeting), and the board shows why, with the last good version when there is one.

use super::diag::Diagnostic;
use super::sanitize;
use chrono::NaiveDate;

/// A line file that did not load: its line keeps its place on the agenda, and says why.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    /// The snapshot date (its folder).
    pub date: NaiveDate,
    /// The line's name as far as the file could be read (its `short` or `title`), if at all.
    pub name: Option<String>,
    /// Why it did not load, placed at `path:line:col`.
    pub problem: Diagnostic,
}

/// The line's `short` name (else its `title`) read from the top of a file that does not parse.
pub(crate) fn name_in(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head);
    let value = |key: &str| {
        let at = text.find(&format!("\"{key}\""))? + key.len() + 2;
        let rest = text[at..].trim_start().strip_prefix(':')?.trim_start();
        let rest = rest.strip_prefix('"')?;
        let end = rest.find(['"', '\\', '\n'])?;
        let v = sanitize::clean(rest[..end].trim());
        (!v.is_empty() && !v.contains('\u{fffd}')).then_some(v)
    };
    value("short").or_else(|| value("title"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_still_names_its_line() {
        let head = "{\n  \"id\": \"safety\",\n  \"title\": \"狠抓安全生产工作\",\n  \"short\": \"安全生产\",\n ,".as_bytes();
        assert_eq!(name_in(head).as_deref(), Some("安全生产"));
        assert_eq!(name_in(b"{\"title\": \"X\"").as_deref(), Some("X"));
        assert_eq!(name_in(b"{\"id\": 1,,,").as_deref(), None);
    }
}
