//! Checks across files: units changed since the previous snapshot of a line, and key-indicator files
//! that cannot all be shown. Worded in English; `say` gives the Chinese (patterns in `check_words`).

use super::line_file::LineFile;
use super::numbers::wan_factor;

/// Units that changed since the previous snapshot of the same line: (field, message) for each figure
/// of an item (same id, same figure position and label) whose unit differs.
pub fn unit_changes(prev: &LineFile, cur: &LineFile, prev_date: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (g, group) in cur.groups.iter().enumerate() {
        for (i, item) in group.items.iter().enumerate() {
            let Some(old) = prev.items().find(|o| o.id == item.id) else {
                continue;
            };
            for (k, f) in item.figures.iter().enumerate() {
                let Some(was) = old.figures.get(k).filter(|o| o.label == f.label) else {
                    continue;
                };
                if was.unit != f.unit
                    && !(wan_factor(&was.unit).is_some() && wan_factor(&f.unit).is_some())
                {
                    let field = format!("groups[{g}].items[{i}].figures[{k}].unit");
                    out.push((
                        field,
                        format!(
                            "the unit “{}” differs from the previous snapshot's ({prev_date}) “{}”: a slip, or was what is counted changed?",
                            f.unit, was.unit
                        ),
                    ));
                }
            }
        }
    }
    out
}

/// Warnings for units that changed since the previous snapshot: for each (previous file, its date,
/// newer file, the newer file's path), placed in the newer file (read again from disk only when
/// there is something to place).
pub fn unit_change_warnings<'a>(
    pairs: impl IntoIterator<Item = (&'a LineFile, String, &'a LineFile, &'a str)>,
) -> Vec<super::Diagnostic> {
    let mut out = Vec::new();
    for (prev, prev_date, cur, path) in pairs {
        let found = unit_changes(prev, cur, &prev_date);
        if found.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let locator = super::diag::JsonText(&text);
        out.extend(super::diag::warnings_at(&locator, path, found));
    }
    out
}

/// Key-indicator files (`"role": "indicators"`) that cannot all be shown: a second one (only the
/// first is the strip), or one listed among the town's work lines. (line id, its newest file's path,
/// listed in town.json) for each indicators line, in board order.
pub fn indicator_warnings(found: &[(&str, &str, bool)]) -> Vec<super::Diagnostic> {
    let mut out = Vec::new();
    for (k, (id, path, listed)) in found.iter().enumerate() {
        let mut say = |message: String| {
            out.push(super::Diagnostic {
                severity: super::Severity::Warning,
                path: path.to_string(),
                place: super::Place::File,
                field: "role".into(),
                message,
            })
        };
        if k > 0 {
            say(format!(
                "a second key-indicator file ({id}): only the first ({}) is shown; merge them into one indicators file",
                found[0].0
            ));
        }
        if *listed {
            say(format!(
                "the key indicators ({id}) are listed in the lines of town.json: key indicators are not a work line; remove them from lines"
            ));
        }
    }
    out
}
