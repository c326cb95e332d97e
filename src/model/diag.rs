//! Diagnostics: one problem in one data file, printed as `path:line:col: field.path: message`.

use std::fmt;

/// How serious a problem is: an error stops the file from loading, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file loads; the figure may still be wrong.
    Warning,
    /// The file could not be loaded.
    Error,
}

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as given on the command line or relative to the data folder's parent.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when the problem concerns the whole file.
    pub col: usize,
    /// Where in the document: `groups[1].items[0].milestones[2].due`, or `.` for the whole document.
    pub field: String,
    /// What was wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// An error about a whole file (could not read it, wrong name …).
    pub fn file_error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: 0,
            col: 0,
            field: ".".into(),
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Warnings for (field path, message) pairs of one file, each placed at its field's value in `text`
/// (all found in one pass; line 0 when a field cannot be found).
pub fn warnings_at(text: &str, path: &str, found: Vec<(String, String)>) -> Vec<Diagnostic> {
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    let places = super::jsonpos::locate_all(text, &fields);
    found
        .into_iter()
        .zip(places)
        .map(|((field, message), place)| {
            let (line, col) = place.unwrap_or((0, 0));
            Diagnostic {
                severity: Severity::Warning,
                path: path.into(),
                line,
                col,
                field,
                message: shorten_quoted(&message),
            }
        })
        .collect()
}

/// Keys and quoted texts longer than this many characters are shortened in messages.
pub(crate) const KEY_SHOWN: usize = 40;

/// A message with every long quoted text in it (serde quotes what it refused: `invalid type:
/// string "…"`, ``unknown variant `…` ``) shortened, saying how long it was.
pub(crate) fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(512));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..];
        // The closing quote: the first one not escaped by a backslash (in "…").
        let mut escaped = false;
        let close = inner.char_indices().find_map(|(i, c)| {
            let end = c == quote && !escaped;
            escaped = quote == '"' && c == '\\' && !escaped;
            end.then_some(i)
        });
        let Some(close) = close else {
            out.push_str(inner);
            return out;
        };
        let quoted = &inner[..close];
        let n = quoted.chars().count();
        if n > KEY_SHOWN {
            let mut short: String = quoted.chars().take(KEY_SHOWN - 8).collect();
            while short.ends_with('\\') {
                short.pop();
            }
            out.push_str(&format!("{short}...{quote} (a text {n} characters long)"));
        } else {
            out.push_str(quoted);
            out.push(quote);
        }
        rest = &inner[close + 1..];
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: ", self.path, self.line, self.col)?;
        } else {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::shorten_quoted;

    #[test]
    fn long_quoted_texts_are_shortened_and_short_ones_kept() {
        let long = "长".repeat(3000);
        assert_eq!(
            shorten_quoted(&format!(
                "invalid type: string \"{long}\", expected a number"
            )),
            format!(
                "invalid type: string \"{}...\" (a text 3000 characters long), expected a number",
                "长".repeat(32)
            )
        );
        assert_eq!(
            shorten_quoted(&format!("unknown variant `{long}`, expected `x`")),
            format!(
                "unknown variant `{}...` (a text 3000 characters long), expected `x`",
                "长".repeat(32)
            )
        );
        let short = r#"expected a date like 2023-07-31, found "2023-7-31" or "a\"b""#;
        assert_eq!(shorten_quoted(short), short);
        assert_eq!(shorten_quoted("an \"unclosed quote"), "an \"unclosed quote");
    }
}
