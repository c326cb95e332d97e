//! Checks beyond the format: duplicate ids, unknown units, milestones out of order, completed over planned.

use super::diag::{Diagnostic, Severity};
use super::format::LineFile;
use super::numbers::KNOWN_UNITS;
use std::collections::HashSet;

/// Warnings for a parsed line file. `text` is the file's JSON, used to point at the field.
pub fn check_line(file: &LineFile, text: &str, path: &str) -> Vec<Diagnostic> {
    let _ = text;
    let mut out = Vec::new();
    let mut warn = |field: String, message: String| {
        out.push(Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            line: 0,
            col: 0,
            field,
            message,
        })
    };
    let mut seen = HashSet::new();
    for (g, group) in file.groups.iter().enumerate() {
        for (i, item) in group.items.iter().enumerate() {
            let at = format!("groups[{g}].items[{i}]");
            if !seen.insert(item.id.as_str()) {
                warn(
                    format!("{at}.id"),
                    format!("duplicate item id {:?}", item.id),
                );
            }
            for (k, f) in item.figures.iter().enumerate() {
                if !KNOWN_UNITS.contains(&f.unit.as_str()) {
                    warn(
                        format!("{at}.figures[{k}].unit"),
                        format!("unknown unit {:?}", f.unit),
                    );
                }
                if let (Some(v), Some(t)) = (
                    f.value.and_then(|v| v.num()),
                    f.target.and_then(|t| t.num()),
                ) {
                    if v > t {
                        warn(
                            format!("{at}.figures[{k}].value"),
                            format!("completed {v} is more than planned {t}"),
                        );
                    }
                }
            }
            if let Some(p) = &item.project {
                for (k, w) in p.milestones.windows(2).enumerate() {
                    if w[1].due < w[0].due {
                        warn(
                            format!("{at}.project.milestones[{}].due", k + 1),
                            "milestones out of date order".into(),
                        );
                    }
                }
            }
        }
    }
    out
}
