//! History: week-over-week changes of every quantity, matched by item id, and an item's series over time.

use super::format::{Figure, Value};
use super::item::{Item, ItemKind};
use super::line_file::LineFile;
use super::load::LineHistory;
use super::numbers::wan_factor;
use chrono::NaiveDate;

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

/// How a figure is named from week to week: by its label, else by its place among the item's figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKey {
    /// The figure's label (养殖区, 已定植 …).
    Label(String),
    /// The figure has no label: its index among the item's figures.
    Index(usize),
}

impl FigureKey {
    /// The key of the i-th figure: its label, else its index.
    pub fn of(f: &Figure, i: usize) -> FigureKey {
        match &f.label {
            Some(l) => FigureKey::Label(l.clone().into()),
            None => FigureKey::Index(i),
        }
    }
}

/// A quantity an item states, named the same from week to week.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuantityKey {
    /// A figure's reported value.
    Value(FigureKey),
    /// A figure's target.
    Target(FigureKey),
    /// A project's total investment (总投资).
    Investment,
    /// A ledger's found total (发现).
    Found,
    /// A ledger's rectified total (整改).
    Rectified,
    /// A ledger's open count as reported (未改).
    Open,
}

/// One quantity of an item: its key, value and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity<'a> {
    /// What it is.
    pub key: QuantityKey,
    /// The value.
    pub value: Value,
    /// The unit as written.
    pub unit: &'a str,
}

/// Every quantity an item states; figures first (the main one leads), then what the item's kind adds:
/// a project's investment, a ledger's totals.
pub fn quantities<'a>(item: &'a Item) -> Vec<Quantity<'a>> {
    let mut out = Vec::new();
    let mut push = |key, value, unit: &'a str| out.push(Quantity { key, value, unit });
    for (i, f) in item.figures.iter().enumerate() {
        let unit = f.unit.as_str();
        if let Some(v) = f.value {
            push(QuantityKey::Value(FigureKey::of(f, i)), v, unit);
        }
        if let Some(t) = f.target {
            push(QuantityKey::Target(FigureKey::of(f, i)), t, unit);
        }
    }
    match &item.kind {
        ItemKind::Project(p) => {
            if let Some((v, inv)) = p.investment.as_ref().and_then(|f| Some((f.value?, f))) {
                push(QuantityKey::Investment, v, inv.unit.as_str());
            }
        }
        ItemKind::Ledger(l) => {
            push(QuantityKey::Found, l.found, l.unit.as_str());
            if let Some(r) = l.rectified {
                push(QuantityKey::Rectified, r, l.unit.as_str());
            }
            if let Some(o) = l.open {
                push(QuantityKey::Open, o, l.unit.as_str());
            }
        }
        ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => {}
    }
    out
}

/// The change from `prev` (value, unit) to `cur`, in the current unit: units of one thing at another
/// scale are converted ([`unit_ratio`]: 9000万元 → 1.2亿元 is +0.3 亿元, 1200吨 → 0.25万吨 is +0.13);
/// other units that differ cannot be compared (unknown).
pub fn compare_units(prev: Option<(Value, &str)>, cur: (Value, &str)) -> Change {
    match prev {
        None => Change::New,
        Some((v, unit)) if unit == cur.1 => compare(Some(v), cur.0),
        Some((Value::Num(a), unit)) => match unit_ratio(unit, cur.1) {
            Some(r) => compare(Some(Value::Num(a * r)), cur.0),
            None => Change::Unknown,
        },
        Some((Value::Withheld, _)) => Change::Unknown,
    }
}

/// How many `to` one `from` is, when both count the same thing at another scale: money through
/// 万元 (元, 千元, 万元, 亿元), and 万X / 亿X against X (1吨 is 0.0001万吨). None for units of
/// different things (亩 and 公顷 are left to the reader: no figure is made up).
pub fn unit_ratio(from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(1.0);
    }
    if let (Some(a), Some(b)) = (wan_factor(from), wan_factor(to)) {
        return Some(a / b);
    }
    let scale = |u: &'_ str| -> (f64, String) {
        match u.strip_prefix('万').or_else(|| u.strip_prefix('亿')) {
            Some(rest) if u.starts_with('万') => (1e4, rest.to_string()),
            Some(rest) => (1e8, rest.to_string()),
            None => (1.0, u.to_string()),
        }
    };
    let ((fa, ra), (fb, rb)) = (scale(from), scale(to));
    (ra == rb && !ra.is_empty()).then_some(fa / fb)
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
pub fn item_changes(prev: Option<&Item>, cur: &Item) -> Vec<(QuantityKey, Change)> {
    let Some(prev) = prev else {
        return quantities(cur)
            .into_iter()
            .map(|q| (q.key, Change::New))
            .collect();
    };
    let before = quantities(prev);
    // An item states a handful of quantities: a search beats a map. Where a key repeats, the
    // last one counts (as it would in a map built from the list).
    let before_of = |key: &QuantityKey| {
        before
            .iter()
            .rev()
            .find(|q| q.key == *key)
            .map(|q| (q.value, q.unit))
    };
    quantities(cur)
        .into_iter()
        .map(|q| {
            let c = compare_units(before_of(&q.key), (q.value, q.unit));
            (q.key, c)
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

/// A quantity's value and unit at each snapshot date (None: absent that week).
pub type Series<'a> = Vec<(NaiveDate, Option<(Value, &'a str)>)>;

/// One quantity of an item at every snapshot of its line, with the unit that week wrote it in: None
/// where the item (or that quantity) is absent. `key` names the quantity (the one the line shows,
/// `wording::main_key`); without it, or when no week states it, the first one the item's newest
/// snapshot states. Looked up by key in every week, so a figure moved down the list stays the same
/// figure. Returns the key followed.
pub fn item_series<'a>(
    line: &'a LineHistory,
    item_id: &str,
    key: Option<&QuantityKey>,
) -> (Option<QuantityKey>, Series<'a>) {
    let item_at = |s: &'a super::snapshot::Snapshot| s.file.items().find(|i| i.id == item_id);
    let series_of = |key: &Option<QuantityKey>| -> Series<'a> {
        line.snapshots
            .iter()
            .map(|s| {
                let q = item_at(s).and_then(|i| {
                    let qs = quantities(i);
                    qs.into_iter().find(|q| Some(&q.key) == key.as_ref())
                });
                (s.date, q.map(|q| (q.value, q.unit)))
            })
            .collect()
    };
    if let Some(k) = key {
        let given = Some(k.clone());
        let series = series_of(&given);
        if series.iter().any(|(_, q)| q.is_some()) {
            return (given, series);
        }
    }
    let first = line
        .snapshots
        .iter()
        .rev()
        .find_map(|s| item_at(s).and_then(|i| quantities(i).into_iter().next()))
        .map(|q| q.key);
    let series = series_of(&first);
    (first, series)
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
                        ..Figure::default()
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
    fn a_scaled_unit_of_the_same_thing_converts_and_other_units_do_not() {
        assert_eq!(unit_ratio("吨", "万吨"), Some(0.0001));
        assert_eq!(unit_ratio("亿元", "万元"), Some(10_000.0));
        assert_eq!(unit_ratio("万人次", "人次"), Some(10_000.0));
        assert_eq!(unit_ratio("亩", "公顷"), None);
        assert_eq!(unit_ratio("万吨", "万元"), None);
        let up = compare_units(Some((Value::Num(1200.0), "吨")), (Value::Num(0.25), "万吨"));
        assert!(
            matches!(up, Change::Up(d) if (d - 0.13).abs() < 1e-9),
            "{up:?}"
        );
    }

    #[test]
    fn item_changes_match_by_key_and_new_items_are_new() {
        let a = item("x", Some(Value::Num(1.0)));
        let b = item("x", Some(Value::Num(4.0)));
        assert_eq!(
            item_changes(Some(&a), &b),
            vec![(QuantityKey::Value(FigureKey::Index(0)), Change::Up(3.0))]
        );
        assert_eq!(
            item_changes(None, &b),
            vec![(QuantityKey::Value(FigureKey::Index(0)), Change::New)]
        );
    }
}
