//! History: week-over-week changes of every quantity, matched by item id, and an item's series over time.

use super::format::{Figure, Item, LineFile, Value};
use super::load::LineHistory;
use chrono::NaiveDate;
use std::collections::HashMap;

/// How one quantity moved since the previous snapshot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Went up by this much.
    Up(f64),
    /// Went down by this much (a positive number).
    Down(f64),
    /// Unchanged.
    Same,
    /// Not there in the previous snapshot (新增).
    New,
    /// Withheld now or before: the change is unknown, never computed from 0.
    Unknown,
}

impl Change {
    /// True when the number moved or appeared.
    pub fn is_change(self) -> bool {
        matches!(self, Change::Up(_) | Change::Down(_) | Change::New)
    }
}

/// Every quantity an item states, with a key that stays the same week to week; figures first (the main
/// one leads), then the investment, then ledger totals.
pub fn quantities(item: &Item) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (i, f) in item.figures.iter().enumerate() {
        let key = figure_key(f, i);
        if let Some(v) = f.value {
            out.push((key.clone(), v));
        }
        if let Some(t) = f.target {
            out.push((format!("{key}.target"), t));
        }
    }
    if let Some(inv) = item.project.as_ref().and_then(|p| p.investment.as_ref()) {
        if let Some(v) = inv.value {
            out.push(("investment".to_string(), v));
        }
    }
    if let Some(l) = &item.ledger {
        out.push(("found".into(), l.found));
        out.push(("rectified".into(), l.rectified));
        if let Some(o) = l.open {
            out.push(("open".into(), o));
        }
    }
    out
}

/// The key of the i-th figure among an item's quantities: its label, else `#i`.
pub fn figure_key(f: &Figure, i: usize) -> String {
    f.label.clone().unwrap_or_else(|| format!("#{i}"))
}

/// The change of one value against the previous one (None: the quantity did not exist before).
pub fn compare(prev: Option<Value>, cur: Value) -> Change {
    match (prev, cur) {
        (None, _) => Change::New,
        (Some(Value::Num(a)), Value::Num(b)) => {
            let d = b - a;
            if d.abs() < 1e-9 {
                Change::Same
            } else if d > 0.0 {
                Change::Up(d)
            } else {
                Change::Down(-d)
            }
        }
        _ => Change::Unknown,
    }
}

/// Changes of every quantity of `cur` against the same item (by id) in `prev`.
pub fn item_changes(prev: Option<&Item>, cur: &Item) -> Vec<(String, Change)> {
    let before: HashMap<String, Value> = prev
        .map(quantities)
        .unwrap_or_default()
        .into_iter()
        .collect();
    quantities(cur)
        .into_iter()
        .map(|(k, v)| {
            let c = if prev.is_none() {
                Change::New
            } else {
                compare(before.get(&k).copied(), v)
            };
            (k, c)
        })
        .collect()
}

/// The items of `prev` that are gone from `cur` (已移除).
pub fn removed_items(prev: &LineFile, cur: &LineFile) -> Vec<Item> {
    let ids: std::collections::HashSet<&str> = cur.items().map(|i| i.id.as_str()).collect();
    prev.items()
        .filter(|i| !ids.contains(i.id.as_str()))
        .cloned()
        .collect()
}

/// An item's main quantity at every snapshot of its line: None where the item is absent.
pub fn item_series(line: &LineHistory, item_id: &str) -> Vec<(NaiveDate, Option<Value>)> {
    line.snapshots
        .iter()
        .map(|s| {
            let v = s
                .file
                .items()
                .find(|i| i.id == item_id)
                .and_then(|i| quantities(i).first().map(|(_, v)| *v));
            (s.date, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::Figure;

    fn item(id: &str, v: Option<Value>) -> Item {
        serde_json::from_value::<Item>(serde_json::json!({"id": id, "label": id, "source": "s"}))
            .map_or_else(
                |e| panic!("{e}"),
                |mut it| {
                    it.figures = vec![Figure {
                        label: None,
                        value: v,
                        unit: "次".into(),
                        approx: None,
                        target: None,
                    }];
                    it
                },
            )
    }

    #[test]
    fn up_down_same_new_unknown() {
        let n = |x| Some(Value::Num(x));
        assert_eq!(compare(n(10.0), Value::Num(22.0)), Change::Up(12.0));
        assert_eq!(compare(n(10.0), Value::Num(7.0)), Change::Down(3.0));
        assert_eq!(compare(n(10.0), Value::Num(10.0)), Change::Same);
        assert_eq!(compare(None, Value::Num(10.0)), Change::New);
        assert_eq!(
            compare(Some(Value::Withheld), Value::Num(10.0)),
            Change::Unknown
        );
        assert_eq!(
            compare(n(10.0), Value::Withheld),
            Change::Unknown,
            "withheld is unknown, never 0"
        );
    }

    #[test]
    fn item_changes_match_by_key_and_new_items_are_new() {
        let a = item("x", Some(Value::Num(1.0)));
        let b = item("x", Some(Value::Num(4.0)));
        assert_eq!(
            item_changes(Some(&a), &b),
            vec![("#0".to_string(), Change::Up(3.0))]
        );
        assert_eq!(
            item_changes(None, &b),
            vec![("#0".to_string(), Change::New)]
        );
    }
}
