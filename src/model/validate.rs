//! Checks beyond the format: duplicate ids, empty ids and labels, units that look like slips, milestones out of
//! order, completed over planned, negative numbers and ledgers that rectified more than they found.
//!
//! Everything here is a warning: the file loads and the meeting goes on, but `huibao validate` lists
//! the problem with the line and column of the value (found with [`super::jsonpos`]).

use super::checks::{
    check_figure_extras, check_line_periods, check_project_extras, check_unit, Warn,
};
use super::diag::Diagnostic;
use super::format::{Figure, Ledger, Project, Value};
use super::item::Item;
use super::line_file::LineFile;
use super::numbers::fmt_num;
use super::sanitize::FieldPath;

/// Warnings for a parsed line file. `text` is the file's JSON, used to point at the field; a field
/// that cannot be found in it gets line and column 0.
pub fn check_line(file: &LineFile, text: &str, path: &str) -> Vec<Diagnostic> {
    // Field paths are written out only for a warning: most files have none.
    let mut found: Vec<(String, String)> = Vec::new();
    let mut warn = |field: FieldPath<'_>, message: String| found.push((field.render(), message));
    let mut repeated = repeated_ids(file).into_iter().peekable();
    let root = FieldPath::Root("");
    check_line_periods(file, &mut warn);
    for (g, group) in file.groups.iter().enumerate() {
        let group_at = root.index("groups", g);
        for (i, item) in group.items.iter().enumerate() {
            let at = group_at.index("items", i);
            check_blank_texts(item, &at, &mut warn);
            if let Some(((fg, fi), _)) = repeated.next_if(|&(_, here)| here == (g, i)) {
                warn(
                    at.key("id"),
                    format!(
                        "duplicate item id {:?} (first used at groups[{fg}].items[{fi}])",
                        item.id
                    ),
                );
            }
            for (k, f) in item.figures.iter().enumerate() {
                check_figure(f, &at.index("figures", k), &mut warn);
            }
            if let Some(p) = item.project() {
                check_project(p, &at.key("project"), &mut warn);
            }
            if let Some(l) = item.ledger() {
                check_ledger(l, &at.key("ledger"), &mut warn);
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let mut out = super::diag::warnings_at(&super::diag::JsonText(text), path, found);
    // In text order; a field that could not be found (line 0) goes last.
    out.sort_by(|a, b| a.place.sort_key().cmp(&b.place.sort_key()));
    out
}

/// An item's id, label or source left blank.
fn check_blank_texts(item: &Item, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    for (name, value) in [
        ("id", item.id.as_str()),
        ("label", item.label.as_str()),
        ("source", item.source.as_str()),
    ] {
        if value.trim().is_empty() {
            warn(at.key(name), format!("the item's {name} is empty"));
        }
    }
}

/// A project's investment, its other fields, and milestones out of date order.
fn check_project(p: &Project, project_at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(inv) = &p.investment {
        check_figure(inv, &project_at.key("investment"), warn);
    }
    check_project_extras(p, project_at, warn);
    for (k, w) in p.milestones.windows(2).enumerate() {
        if w[1].due < w[0].due {
            let milestone = project_at.index("milestones", k + 1);
            warn(
                milestone.key("due"),
                format!(
                    "milestones out of date order: {} comes before the previous milestone's {}",
                    w[1].due, w[0].due
                ),
            );
        }
    }
}

/// A ledger's unit, negative counts, entries closed before they were found, and counts that do
/// not add up.
fn check_ledger(l: &Ledger, lat: &FieldPath<'_>, warn: &mut Warn<'_>) {
    check_unit(&l.unit, lat.key("unit"), warn);
    for (name, v) in [("found", Some(l.found)), ("rectified", l.rectified)] {
        check_negative(v, lat.key(name), warn);
    }
    if let Some(Value::Num(open)) = l.open.filter(|o| o.num().is_some_and(|n| n < 0.0)) {
        warn(
            lat.key("open"),
            format!(
                "open {} is below 0: a ledger's open count cannot be negative",
                fmt_num(open)
            ),
        );
    }
    for (k, e) in l.entries.iter().enumerate() {
        if let Some(closed) = e.closed.filter(|c| *c < e.found) {
            warn(
                lat.index("entries", k).key("closed"),
                format!("closed on {closed}, before it was found on {}", e.found),
            );
        }
    }
    if let (Value::Num(found), Some(Value::Num(rect))) = (l.found, l.rectified) {
        if rect > found {
            warn(
                lat.key("rectified"),
                format!(
                    "rectified {} exceeds found {}: no more can be rectified than were found",
                    fmt_num(rect),
                    fmt_num(found)
                ),
            );
        } else if let Some(Value::Num(open)) = l.open {
            if open >= 0.0 && open != found - rect {
                warn(
                    lat.key("open"),
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

/// Every item whose (non-blank) id an earlier item already has: (where the id was first used,
/// where it is used again), in item order. Items are (group, item) indices.
fn repeated_ids(file: &LineFile) -> Vec<((usize, usize), (usize, usize))> {
    let mut ids: Vec<(&str, (usize, usize))> = file
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .items
                .iter()
                .enumerate()
                .map(move |(i, item)| (item.id.as_str(), (g, i)))
        })
        .filter(|(id, _)| !id.trim().is_empty())
        .collect();
    // A stable sort: the items with one id stay in item order, the first use first.
    ids.sort_by(|a, b| a.0.cmp(b.0));
    let mut repeated: Vec<_> = ids
        .chunk_by(|a, b| a.0 == b.0)
        .flat_map(|same| same[1..].iter().map(|&(_, again)| (same[0].1, again)))
        .collect();
    repeated.sort_unstable_by_key(|&(_, again)| again);
    repeated
}

fn check_figure(f: &Figure, at: &FieldPath<'_>, warn: &mut Warn<'_>) {
    check_unit(&f.unit, at.key("unit"), warn);
    check_figure_extras(f, at, warn);
    check_negative(f.value, at.key("value"), warn);
    check_negative(f.target, at.key("target"), warn);
    if let (Some(v), Some(t)) = (f.value.and_then(Value::num), f.target.and_then(Value::num)) {
        if v > t {
            warn(
                at.key("value"),
                format!(
                    "completed {} is more than planned {}",
                    fmt_num(v),
                    fmt_num(t)
                ),
            );
        }
    }
}

fn check_negative(v: Option<Value>, field: FieldPath<'_>, warn: &mut Warn<'_>) {
    if let Some(Value::Num(n)) = v {
        if n < 0.0 {
            warn(
                field,
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
    fn every_repeat_points_at_the_first_use() {
        let item = |id: &str| format!(r#"{{"id": "{id}", "label": "项", "source": "项。"}}"#);
        let text = format!(
            "{{\n\"id\": \"safety\", \"title\": \"安全\", \"as_of\": \"2023-06-30\",\n\"groups\": [\n{{\"title\": \"甲\", \"items\": [{}, {}, {}]}},\n{{\"title\": \"乙\", \"items\": [{}, {}]}}\n]\n}}",
            item("b"),
            item("a"),
            item("b"),
            item("a"),
            item("b")
        );
        assert_eq!(
            warnings(&text),
            [
                "t.json:4:119: groups[0].items[2].id: duplicate item id \"b\" (first used at groups[0].items[0])",
                "t.json:5:33: groups[1].items[0].id: duplicate item id \"a\" (first used at groups[0].items[1])",
                "t.json:5:76: groups[1].items[1].id: duplicate item id \"b\" (first used at groups[0].items[0])",
            ]
        );
    }

    #[test]
    fn empty_fields_units_and_numbers() {
        let text = doc(concat!(
            r#"{"id": "", "label": " ", "source": "整改隐患-2处。", "figures": [{"value": -2, "unit": "处2", "target": -1}]},"#,
            "\n",
            r#"{"id": "b", "label": "育苗", "source": "育苗300亩。", "figures": [{"value": 300, "unit": "亩", "target": 200}]}"#
        ));
        assert_eq!(
            warnings(&text),
            [
                "t.json:4:8: groups[0].items[0].id: the item's id is empty".to_string(),
                "t.json:4:21: groups[0].items[0].label: the item's label is empty".into(),
                "t.json:4:70: groups[0].items[0].figures[0].value: negative value -2: counts and amounts cannot be below zero".into(),
                "t.json:4:82: groups[0].items[0].figures[0].unit: the unit “处2” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it".into(),
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
                "t.json:6:94: groups[0].items[1].ledger.rectified: rectified 5 exceeds found 3: no more can be rectified than were found",
                "t.json:7:105: groups[0].items[2].ledger.open: open 1 is not found 5 − rectified 3 = 2",
            ]
        );
    }
}
