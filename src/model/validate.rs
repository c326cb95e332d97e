//! Checks beyond the format: duplicate ids, empty ids and labels, unknown units, milestones out of
//! order, completed over planned, negative numbers and ledgers that rectified more than they found.
//!
//! Everything here is a warning: the file loads and the meeting goes on, but `huibao validate` lists
//! the problem with the line and column of the value (found with [`super::jsonpos`]).

use super::diag::{Diagnostic, Severity};
use super::format::{Figure, LineFile, Value};
use super::jsonpos;
use super::numbers::{fmt_num, KNOWN_UNITS};
use std::collections::HashMap;

/// Warnings for a parsed line file. `text` is the file's JSON, used to point at the field; a field
/// that cannot be found in it gets line and column 0.
pub fn check_line(file: &LineFile, text: &str, path: &str) -> Vec<Diagnostic> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut warn = |field: String, message: String| found.push((field, message));
    let mut first_at: HashMap<&str, String> = HashMap::new();
    for (g, group) in file.groups.iter().enumerate() {
        for (i, item) in group.items.iter().enumerate() {
            let at = format!("groups[{g}].items[{i}]");
            for (name, value) in [
                ("id", &item.id),
                ("label", &item.label),
                ("source", &item.source),
            ] {
                if value.trim().is_empty() {
                    warn(
                        format!("{at}.{name}"),
                        format!("the item's {name} is empty"),
                    );
                }
            }
            if !item.id.trim().is_empty() {
                if let Some(first) = first_at.get(item.id.as_str()) {
                    warn(
                        format!("{at}.id"),
                        format!("duplicate item id {:?} (first used at {first})", item.id),
                    );
                } else {
                    first_at.insert(&item.id, at.clone());
                }
            }
            for (k, f) in item.figures.iter().enumerate() {
                check_figure(f, &format!("{at}.figures[{k}]"), &mut warn);
            }
            if let Some(p) = &item.project {
                if let Some(inv) = &p.investment {
                    check_figure(inv, &format!("{at}.project.investment"), &mut warn);
                }
                for (k, w) in p.milestones.windows(2).enumerate() {
                    if w[1].due < w[0].due {
                        warn(
                            format!("{at}.project.milestones[{}].due", k + 1),
                            format!(
                                "milestones out of date order: {} comes before the previous milestone's {}",
                                w[1].due, w[0].due
                            ),
                        );
                    }
                }
            }
            if let Some(l) = &item.ledger {
                let lat = format!("{at}.ledger");
                check_unit(&l.unit, &format!("{lat}.unit"), &mut warn);
                for (name, v) in [
                    ("found", Some(l.found)),
                    ("rectified", Some(l.rectified)),
                    ("open", l.open),
                ] {
                    check_negative(v, &format!("{lat}.{name}"), &mut warn);
                }
                if let (Value::Num(found), Value::Num(rect)) = (l.found, l.rectified) {
                    if rect > found {
                        warn(
                            format!("{lat}.rectified"),
                            format!(
                                "rectified {} is more than found {}",
                                fmt_num(rect),
                                fmt_num(found)
                            ),
                        );
                    } else if let Some(Value::Num(open)) = l.open {
                        if open >= 0.0 && open != found - rect {
                            warn(
                                format!("{lat}.open"),
                                format!(
                                    "open {} is not found {} − rectified {} = {}",
                                    fmt_num(open),
                                    fmt_num(found),
                                    fmt_num(rect),
                                    fmt_num(found - rect)
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    let places = jsonpos::locate_all(text, &fields);
    let mut out: Vec<Diagnostic> = found
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
        .collect();
    // In text order; a field that could not be found (line 0) goes last.
    out.sort_by_key(|d| (d.line == 0, d.line, d.col));
    out
}

fn check_figure(f: &Figure, at: &str, warn: &mut impl FnMut(String, String)) {
    check_unit(&f.unit, &format!("{at}.unit"), warn);
    check_negative(f.value, &format!("{at}.value"), warn);
    check_negative(f.target, &format!("{at}.target"), warn);
    if let (Some(v), Some(t)) = (f.value.and_then(Value::num), f.target.and_then(Value::num)) {
        if v > t {
            warn(
                format!("{at}.value"),
                format!(
                    "completed {} is more than planned {}",
                    fmt_num(v),
                    fmt_num(t)
                ),
            );
        }
    }
}

fn check_unit(unit: &str, field: &str, warn: &mut impl FnMut(String, String)) {
    if !KNOWN_UNITS.contains(&unit) {
        warn(
            field.into(),
            format!("unknown unit {unit:?}; known units are {}", known_units()),
        );
    }
}

/// The known units, each once, space-separated, for messages.
pub fn known_units() -> String {
    let mut seen = Vec::new();
    for u in KNOWN_UNITS {
        if !seen.contains(u) {
            seen.push(*u);
        }
    }
    seen.join(" ")
}

fn check_negative(v: Option<Value>, field: &str, warn: &mut impl FnMut(String, String)) {
    if let Some(Value::Num(n)) = v {
        if n < 0.0 {
            warn(
                field.into(),
                format!(
                    "negative value {}: counts and amounts cannot be below zero",
                    fmt_num(n)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::parse_json;

    fn warnings(text: &str) -> Vec<String> {
        let file: LineFile = parse_json(text, "t.json").expect("the test file parses");
        check_line(&file, text, "t.json")
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    fn doc(items: &str) -> String {
        format!(
            "{{\n\"id\": \"safety\", \"title\": \"狠抓安全生产工作\", \"as_of\": \"2023-06-30\",\n\"groups\": [{{\"title\": \"安全\", \"items\": [\n{items}\n]}}]\n}}"
        )
    }

    #[test]
    fn a_clean_file_has_no_warnings() {
        let text = doc(
            r#"{"id": "a", "label": "消防隐患", "source": "发现并整改隐患11处。", "ledger": {"unit": "处", "found": 11, "rectified": 11}}"#,
        );
        assert_eq!(warnings(&text), Vec::<String>::new());
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let text = doc(concat!(
            r#"{"id": "a", "label": "甲", "source": "甲。"},"#,
            "\n",
            r#"{"id": "a", "label": "乙", "source": "乙。"}"#
        ));
        assert_eq!(
            warnings(&text),
            ["t.json:5:8: groups[0].items[1].id: duplicate item id \"a\" (first used at groups[0].items[0])"]
        );
    }

    #[test]
    fn empty_fields_units_and_numbers() {
        let text = doc(concat!(
            r#"{"id": "", "label": " ", "source": "整改隐患-2处。", "figures": [{"value": -2, "unit": "处处", "target": -1}]},"#,
            "\n",
            r#"{"id": "b", "label": "育苗", "source": "育苗300亩。", "figures": [{"value": 300, "unit": "亩", "target": 200}]}"#
        ));
        let known = known_units();
        assert_eq!(known.matches('座').count(), 1);
        assert_eq!(
            warnings(&text),
            [
                "t.json:4:8: groups[0].items[0].id: the item's id is empty".to_string(),
                "t.json:4:21: groups[0].items[0].label: the item's label is empty".into(),
                "t.json:4:70: groups[0].items[0].figures[0].value: negative value -2: counts and amounts cannot be below zero".into(),
                format!("t.json:4:82: groups[0].items[0].figures[0].unit: unknown unit \"处处\"; known units are {known}"),
                "t.json:4:98: groups[0].items[0].figures[0].target: negative value -1: counts and amounts cannot be below zero".into(),
                "t.json:5:71: groups[0].items[1].figures[0].value: completed 300 is more than planned 200".into(),
            ]
        );
    }

    #[test]
    fn milestones_and_ledgers() {
        let text = doc(concat!(
            r#"{"id": "p", "label": "项目", "source": "项目。", "project": {"milestones": ["#,
            "\n",
            r#"{"what": "投产", "due": "2023-12-31"}, {"what": "开工", "due": "2023-07-20"}]}},"#,
            "\n",
            r#"{"id": "l", "label": "隐患", "source": "隐患。", "ledger": {"unit": "处", "found": 3, "rectified": 5}},"#,
            "\n",
            r#"{"id": "m", "label": "隐患", "source": "隐患。", "ledger": {"unit": "处", "found": 5, "rectified": 3, "open": 1}}"#
        ));
        assert_eq!(
            warnings(&text),
            [
                "t.json:5:60: groups[0].items[0].project.milestones[1].due: milestones out of date order: 2023-07-20 comes before the previous milestone's 2023-12-31",
                "t.json:6:94: groups[0].items[1].ledger.rectified: rectified 5 is more than found 3",
                "t.json:7:105: groups[0].items[2].ledger.open: open 1 is not found 5 − rectified 3 = 2",
            ]
        );
    }
}
