//! Diagnostics: one problem in one data file, found by its field path and placed in the source by a
//! locator for the source's format: `path:line:col: field.path: message` for JSON text, and
//! `file!Sheet!Cell: field.path: message` for a spreadsheet.

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
    /// Where in the source: a line and column, a cell, or the whole file.
    pub place: Place,
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
            place: Place::File,
            field: ".".into(),
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the problem is, as an editor opens it: `path:line:col`, `file!Sheet!Cell` or `path`.
    pub fn location(&self) -> String {
        match &self.place {
            Place::File => self.path.clone(),
            Place::Text { line, col } => format!("{}:{line}:{col}", self.path),
            Place::Cell(c) => format!("{}!{}!{}", self.path, c.sheet, c.cell),
        }
    }
}

/// Where a problem sits in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file (or a field that could not be found in it).
    File,
    /// A text file's 1-based line and column (columns count characters): `path:line:col`.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        col: usize,
    },
    /// A spreadsheet cell: `file!Sheet!Cell`.
    Cell(Box<SheetCell>),
}

/// A cell of a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCell {
    /// The sheet's name.
    pub sheet: String,
    /// The cell, like `E7`.
    pub cell: String,
}

impl Place {
    /// A line and column; line 0 means the whole file.
    pub fn at(line: usize, col: usize) -> Place {
        if line == 0 {
            Place::File
        } else {
            Place::Text { line, col }
        }
    }

    /// Orders problems within a file: by line and column (or sheet and cell), the whole file last.
    pub fn sort_key(&self) -> (bool, usize, usize, &str, &str) {
        match self {
            Place::Text { line, col } => (false, *line, *col, "", ""),
            Place::Cell(c) => (false, 0, 0, &c.sheet, &c.cell),
            Place::File => (true, 0, 0, "", ""),
        }
    }
}

/// Turns field paths into places in one source; one locator per source format.
pub trait Locator {
    /// The places of `fields` (paths like `groups[0].items[1].ledger.found`), in order; [`Place::File`]
    /// for a field that cannot be found.
    fn places(&self, fields: &[&str]) -> Vec<Place>;
}

/// The locator of a JSON text: a field's place is the start of its value.
pub struct JsonText<'a>(pub &'a str);

impl Locator for JsonText<'_> {
    fn places(&self, fields: &[&str]) -> Vec<Place> {
        super::jsonpos::locate_all(self.0, fields)
            .into_iter()
            .map(|p| p.map_or(Place::File, |(line, col)| Place::Text { line, col }))
            .collect()
    }
}

/// Warnings for (field path, message) pairs of one file, each placed by the source's locator (all
/// found in one pass).
pub fn warnings_at(
    locator: &dyn Locator,
    path: &str,
    found: Vec<(String, String)>,
) -> Vec<Diagnostic> {
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    let places = locator.places(&fields);
    found
        .into_iter()
        .zip(places)
        .map(|((field, message), place)| Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            place,
            field,
            message: shorten_quoted(&message),
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
    while let Some(open) = rest.find(['"', '`', '“']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        // Chinese messages quote with “…”; serde's own with "…" or `…`.
        let closing = if quote == '“' { '”' } else { quote };
        let body = open + quote.len_utf8();
        out.push_str(&rest[..body]);
        let inner = &rest[body..];
        // The closing quote: the first one not escaped by a backslash (in "…").
        let mut escaped = false;
        let close = inner.char_indices().find_map(|(i, c)| {
            let end = c == closing && !escaped;
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
            if quote == '“' {
                out.push_str(&format!("{short}...”（原文共{n}个字）"));
            } else {
                out.push_str(&format!("{short}...{quote} (a text {n} characters long)"));
            }
        } else {
            out.push_str(quoted);
            out.push(closing);
        }
        rest = &inner[close + closing.len_utf8()..];
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}: {}", self.location(), self.field, self.message)
    }
}

/// Cleans a diagnostic's field path and message (serde's errors quote keys from the file). The
/// path is a file name and is left alone.
pub fn clean_diag(d: &mut Diagnostic) {
    super::sanitize::clean_in_place(&mut d.field, super::sanitize::Kind::Line);
    super::sanitize::clean_in_place(&mut d.message, super::sanitize::Kind::Line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chinese_quotes_are_shortened_too() {
        let unit = "亩".repeat(2000);
        let m = shorten_quoted(&format!("单位是“{unit}”，短的“万元”不动"));
        assert!(m.chars().count() < 120, "{m}");
        assert!(m.contains("（原文共2000个字）"), "{m}");
        assert!(m.ends_with("短的“万元”不动"), "{m}");
    }

    #[test]
    fn each_place_is_written_the_way_its_format_is_read() {
        let d = |place| Diagnostic {
            severity: Severity::Warning,
            path: "data/台账.xlsx".into(),
            place,
            field: "groups[0].items[2].ledger.found".into(),
            message: "negative".into(),
        };
        let cell = Place::Cell(Box::new(SheetCell {
            sheet: "Sheet1".into(),
            cell: "E7".into(),
        }));
        assert_eq!(
            d(cell).to_string(),
            "data/台账.xlsx!Sheet1!E7: groups[0].items[2].ledger.found: negative"
        );
        assert_eq!(
            d(Place::at(3, 9)).to_string(),
            "data/台账.xlsx:3:9: groups[0].items[2].ledger.found: negative"
        );
        assert_eq!(
            d(Place::at(0, 0)).to_string(),
            "data/台账.xlsx: groups[0].items[2].ledger.found: negative"
        );
    }

    #[test]
    fn the_json_locator_places_a_field_at_its_value() {
        let text = "{\n  \"id\": \"a\",\n  \"groups\": []\n}";
        assert_eq!(
            JsonText(text).places(&["groups", "nowhere"]),
            [Place::Text { line: 3, col: 13 }, Place::File]
        );
    }
}
