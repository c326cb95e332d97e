//! Reading a brief as Markdown: plain text, sections, table rows and cells, and the well-formedness check.

/// The text as a Markdown renderer shows it: backslash escapes removed (`\*\*人次` → `**人次`).
pub(super) fn plain(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The part of the brief from the heading starting with `start` to the next `## ` heading.
pub(super) fn section<'a>(md: &'a str, start: &str) -> &'a str {
    let at = md
        .find(&format!("\n## {start}"))
        .unwrap_or_else(|| panic!("no section {start}"));
    let rest = &md[at + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

/// The table rows (not head or delimiter) of a piece of the brief.
pub(super) fn rows(md: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_table = 0;
    for l in md.lines() {
        if l.starts_with('|') {
            in_table += 1;
            if in_table > 2 {
                out.push(l);
            }
        } else {
            in_table = 0;
        }
    }
    out
}

/// The table row that contains every one of `parts`.
pub(super) fn row_with<'a>(md: &'a str, parts: &[&str]) -> &'a str {
    md.lines()
        .find(|l| l.starts_with('|') && parts.iter().all(|p| l.contains(p)))
        .unwrap_or_else(|| panic!("no table row with {parts:?} in:\n{md}"))
}

/// Cells of a table row, split on unescaped `|`.
pub(super) fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = row.trim().chars().peekable();
    assert_eq!(chars.next(), Some('|'), "row starts with |: {row}");
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push(c);
                cur.extend(chars.next());
            }
            '|' => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    assert!(cur.trim().is_empty(), "row ends with |: {row}");
    out
}

/// Markdown structure that survives pasting into Word via any converter: every table has a head and
/// delimiter row, a blank line before it, and the same number of cells on every row; no raw `**`.
pub(super) fn assert_well_formed_markdown(md: &str) {
    assert!(
        md.ends_with('\n') && !md.ends_with("\n\n"),
        "one final newline"
    );
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        assert!(
            i > 0 && lines[i - 1].is_empty(),
            "blank line before the table at line {}",
            i + 1
        );
        let n = cells(lines[i]).len();
        let delim = cells(lines[i + 1]);
        assert!(
            delim.iter().all(|c| c == "---") && delim.len() == n,
            "delimiter row after the head at line {}",
            i + 1
        );
        while i < lines.len() && lines[i].starts_with('|') {
            assert_eq!(
                cells(lines[i]).len(),
                n,
                "cells of line {}: {}",
                i + 1,
                lines[i]
            );
            i += 1;
        }
        assert!(
            i == lines.len() || lines[i].is_empty(),
            "blank line after the table"
        );
    }
    for (n, l) in lines.iter().enumerate() {
        let unescaped = l.replace("\\*", "");
        assert!(
            !unescaped.contains('*'),
            "line {}: a raw * would turn into bold or a list: {l}",
            n + 1
        );
        assert!(!l.ends_with(' '), "line {}: trailing space: {l:?}", n + 1);
    }
}
