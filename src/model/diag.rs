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
                message,
            }
        })
        .collect()
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
