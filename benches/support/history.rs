//! Generated histories for benchmarks: the seed's line files written for many snapshot dates.
//!
//! Shared by `benches/*.rs` (`mod support;`) and `examples/gen_history.rs` (which
//! `scripts/bench-vs-peers` runs), so the criterion benchmarks and the side-by-side script measure
//! the same bytes.
//!
//! A history is the six line files of `data/2023-06-30/`, written into one folder per snapshot
//! date, with `as_of` set to the folder's date and every numeric `value` scaled from 30 % of the
//! seed's figure at the first date up to the seed's figure at the last (so figures move from date
//! to date, stay non-negative and never pass their `target`). Withheld `"**"` values and `target`
//! leaves are kept as they are; `data/town.json` is copied. With `items_x` > 1 every item is
//! repeated that many times in its group (ids and labels suffixed), for lines far longer than the
//! seed's.

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The snapshot whose line files are copied into every date of a generated history.
pub const SEED_DATE: &str = "2023-06-30";

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// How many snapshot dates.
    pub dates: usize,
    /// Days between two snapshot dates (7: weekly).
    pub step_days: u64,
    /// How many copies of each item a line holds (1: the seed's items).
    pub items_x: usize,
}

impl Spec {
    /// Weekly snapshots (Fridays from 2019-01-04) for `years` years.
    pub fn weekly_years(years: i32) -> Spec {
        let first = first_date();
        let end = NaiveDate::from_ymd_opt(2019 + years, 1, 4).expect("a real date");
        Spec {
            dates: ((end - first).num_days() as usize).div_ceil(7),
            step_days: 7,
            items_x: 1,
        }
    }
}

/// The first snapshot date of every generated history.
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 4).expect("a real date")
}

/// The snapshot dates of `spec`, oldest first.
pub fn dates(spec: &Spec) -> Vec<NaiveDate> {
    std::iter::successors(Some(first_date()), |d| {
        d.checked_add_days(Days::new(spec.step_days))
    })
    .take(spec.dates)
    .collect()
}

/// The repository's `data/` folder.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The seed snapshot's line files: (file name, parsed JSON), by name.
pub fn seed_lines() -> Vec<(String, Value)> {
    let dir = data_dir().join(SEED_DATE);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.') && !n.contains("schema"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let json = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
            (name, json)
        })
        .collect()
}

/// Scales every numeric `value` leaf by `factor` (0 < factor ≤ 1), keeping integers integral.
/// `"**"` strings, `target` leaves and every other field are left alone.
pub fn vary(json: &mut Value, factor: f64) {
    match json {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::Number(n) if key == "value" => {
                        let base = n.as_f64().unwrap_or(0.0).max(0.0);
                        *v = if n.is_f64() {
                            let scaled = (base * factor * 100.0).round() / 100.0;
                            serde_json::Number::from_f64(scaled)
                                .map_or(Value::from(0), Value::Number)
                        } else {
                            Value::from((base * factor).round() as u64)
                        };
                    }
                    _ => vary(v, factor),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| vary(v, factor)),
        _ => {}
    }
}

/// Repeats every item of every group `times` times; copy k > 0 gets `-k` after its id and ` k`
/// after its label.
pub fn multiply_items(json: &mut Value, times: usize) {
    if times <= 1 {
        return;
    }
    let Some(groups) = json.get_mut("groups").and_then(Value::as_array_mut) else {
        return;
    };
    for group in groups {
        let Some(items) = group.get_mut("items").and_then(Value::as_array_mut) else {
            continue;
        };
        let mut out = Vec::with_capacity(items.len() * times);
        for item in items.iter() {
            out.push(item.clone());
            for k in 1..times {
                let mut copy = item.clone();
                for (field, suffix) in [("id", format!("-{k}")), ("label", format!(" {k}"))] {
                    if let Some(Value::String(s)) = copy.get_mut(field) {
                        s.push_str(&suffix);
                    }
                }
                out.push(copy);
            }
        }
        *items = out;
    }
}

/// The text of one line file of the history: `seed` at date index `index` of `count`.
pub fn line_text(seed: &Value, day: &str, index: usize, count: usize, items_x: usize) -> String {
    let last = (count.max(2) - 1) as f64;
    // From 30 % of the seed figures at the first date up to the seed figures at the last.
    let factor = 0.3 + 0.7 * (index as f64 / last);
    let mut json = seed.clone();
    vary(&mut json, factor);
    multiply_items(&mut json, items_x);
    json["as_of"] = Value::from(day.to_string());
    serde_json::to_string_pretty(&json).expect("serialise a line file")
}

/// Writes the history of `spec` into `dir` (which must exist); returns the number of line files
/// and the bytes written (line files and town.json).
pub fn write_history(dir: &Path, spec: &Spec) -> (usize, u64) {
    let town = std::fs::read(data_dir().join("town.json")).expect("read data/town.json");
    std::fs::write(dir.join("town.json"), &town).expect("write town.json");
    let mut bytes = town.len() as u64;
    let seed = seed_lines();
    let dates = dates(spec);
    let mut written = 0;
    for (w, date) in dates.iter().enumerate() {
        let day = date.format("%Y-%m-%d").to_string();
        let folder = dir.join(&day);
        std::fs::create_dir_all(&folder).expect("create a snapshot folder");
        for (name, json) in &seed {
            let text = line_text(json, &day, w, dates.len(), spec.items_x);
            bytes += text.len() as u64;
            std::fs::write(folder.join(name), text).expect("write a line file");
            written += 1;
        }
    }
    (written, bytes)
}

/// Writes the history of `spec` into a new temporary folder; returns it and the number of line
/// files written.
pub fn temp_history(spec: &Spec) -> (tempfile::TempDir, usize) {
    let tmp = tempfile::Builder::new()
        .prefix("huibao-bench-")
        .tempdir()
        .expect("a temporary folder");
    let (written, _) = write_history(tmp.path(), spec);
    (tmp, written)
}

/// The bytes of every `.json` file under `dir` (the data a history holds).
pub fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            total += folder_bytes(&path);
        } else if path.extension().is_some_and(|e| e == "json") {
            total += entry.metadata().map_or(0, |m| m.len());
        }
    }
    total
}
