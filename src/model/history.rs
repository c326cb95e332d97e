//! History: week-over-week changes of every quantity, matched by item id, and an item's series over time.

use super::format::{Figure, Item, LineFile, Value};
use super::load::LineHistory;
use super::numbers::wan_factor;
use chrono::NaiveDate;
use std::borrow::Cow;

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
    quantity_keys(item)
        .into_iter()
        .map(|(k, v)| (k.into_owned(), v))
        .collect()
}

/// [`quantities`] with the keys borrowed where the item already holds them.
fn quantity_keys(item: &Item) -> Vec<(Cow<'_, str>, Value)> {
    quantity_units(item)
        .into_iter()
        .map(|(k, v, _)| (k, v))
        .collect()
}

/// Every quantity with its key and unit (see [`quantities`]).
fn quantity_units(item: &Item) -> Vec<(Cow<'_, str>, Value, &str)> {
    let mut out = Vec::new();
    for (i, f) in item.figures.iter().enumerate() {
        // The figure's key as `figure_key` writes it, borrowed when it is the label.
        let key = match &f.label {
            Some(label) => Cow::Borrowed(label.as_str()),
            None => Cow::Owned(format!("#{i}")),
        };
        if let Some(t) = f.target {
            let target = format!("{key}.target");
            if let Some(v) = f.value {
                out.push((key, v, f.unit.as_str()));
            }
            out.push((Cow::Owned(target), t, f.unit.as_str()));
        } else if let Some(v) = f.value {
            out.push((key, v, f.unit.as_str()));
        }
    }
    if let Some(inv) = item.project.as_ref().and_then(|p| p.investment.as_ref()) {
        if let Some(v) = inv.value {
            out.push((Cow::Borrowed("investment"), v, inv.unit.as_str()));
        }
    }
    if let Some(l) = &item.ledger {
        out.push((Cow::Borrowed("found"), l.found, l.unit.as_str()));
        out.push((Cow::Borrowed("rectified"), l.rectified, l.unit.as_str()));
        if let Some(o) = l.open {
            out.push((Cow::Borrowed("open"), o, l.unit.as_str()));
        }
    }
    out
}

/// The change from `prev` (value, unit) to `cur`, in the current unit: money is converted through 万元
/// (9000万元 → 1.2亿元 is +0.3 亿元); other units that differ cannot be compared (unknown).
pub fn compare_units(prev: Option<(Value, &str)>, cur: (Value, &str)) -> Change {
    match prev {
        None => Change::New,
        Some((v, unit)) if unit == cur.1 => compare(Some(v), cur.0),
        Some((Value::Num(a), unit)) => match (wan_factor(unit), wan_factor(cur.1)) {
            (Some(fp), Some(fc)) => compare(Some(Value::Num(a * fp / fc)), cur.0),
            _ => Change::Unknown,
        },
        Some((Value::Withheld, _)) => Change::Unknown,
    }
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
    let Some(prev) = prev else {
        return quantities(cur)
            .into_iter()
            .map(|(k, _)| (k, Change::New))
            .collect();
    };
    let before = quantity_units(prev);
    // An item states a handful of quantities: a search beats a map. Where a key repeats, the
    // last one counts (as it would in a map built from the list).
    let before_of = |key: &str| {
        before
            .iter()
            .rev()
            .find(|(k, _, _)| k.as_ref() == key)
            .map(|(_, v, u)| (*v, *u))
    };
    quantity_units(cur)
        .into_iter()
        .map(|(k, v, unit)| {
            let c = compare_units(before_of(&k), (v, unit));
            (k.into_owned(), c)
        })
        .collect()
}

/// The items of `prev` that are gone from `cur` (已移除).
pub fn removed_items(prev: &LineFile, cur: &LineFile) -> Vec<Item> {
    let mut ids: Vec<&str> = cur.items().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    prev.items()
        .filter(|i| ids.binary_search(&i.id.as_str()).is_err())
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
    fn money_is_compared_in_one_unit_and_other_units_are_not_compared() {
        let n = Value::Num;
        let up = compare_units(Some((n(9000.0), "万元")), (n(1.2), "亿元"));
        assert!(
            matches!(up, Change::Up(d) if (d - 0.3).abs() < 1e-9),
            "{up:?}: +0.3 亿元, not -8998.8"
        );
        assert_eq!(
            compare_units(Some((n(1.2), "亿元")), (n(12000.0), "万元")),
            Change::Same
        );
        assert_eq!(
            compare_units(Some((n(5.0), "亩")), (n(6.0), "公顷")),
            Change::Unknown
        );
        assert_eq!(
            compare_units(Some((Value::Withheld, "万元")), (n(1.0), "亿元")),
            Change::Unknown
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
