//! Writes a county folder at county scale for benchmarks: `county.json` and, per town, a `town.json`
//! and one snapshot folder per Friday holding the seed's six line files with moving figures.
//!
//! `cargo run --release --example gen_county -- OUT [TOWNS] [YEARS]` (default 30 towns × 5 years:
//! about 47,000 files). The figures are the seed's (`data/2023-06-30`), scaled per week and per town
//! so that they move and stay below their targets; every `as_of` is its folder's date. Towns after the
//! first stop one or two weeks early now and then, so staleness differs. Nothing here is real data.

#[path = "../benches/support/history.rs"]
mod history;

use chrono::{Days, NaiveDate};
use history::vary;
use serde_json::Value;
use std::path::Path;

/// The snapshot whose line files every week copies.
pub const SEED_DATE: &str = "2023-06-30";

/// Invented town names: a direction or feature and a landform.
fn town_name(i: usize) -> String {
    const A: [&str; 10] = ["东", "西", "南", "北", "中", "新", "古", "龙", "凤", "石"];
    const B: [&str; 3] = ["山", "河", "桥"];
    format!("{}{}镇", A[i % 10], B[(i / 10) % 3])
}

/// The seed snapshot's line files: (file name, parsed JSON).
fn seed_lines(root: &Path) -> Vec<(String, Value)> {
    let dir = root.join("data").join(SEED_DATE);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).expect("read a seed line file");
            (name, serde_json::from_str(&text).expect("seed JSON"))
        })
        .collect()
}

/// The Fridays of `years` years from 2019-01-04, oldest first.
pub fn weeks(years: i32) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2019, 1, 4).expect("a real date");
    let end = NaiveDate::from_ymd_opt(2019 + years, 1, 4).expect("a real date");
    std::iter::successors(Some(first), |d| d.checked_add_days(Days::new(7)))
        .take_while(|d| *d < end)
        .collect()
}

/// Writes the county into `out` (which must not hold one yet); returns how many files were written.
pub fn generate(root: &Path, out: &Path, towns: usize, years: i32) -> usize {
    let seed = seed_lines(root);
    let town_json: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/town.json")).expect("read data/town.json"),
    )
    .expect("town.json is JSON");
    let weeks = weeks(years);
    let last = (weeks.len().max(2) - 1) as f64;
    let folders: Vec<String> = (0..towns).map(|i| format!("town{:02}", i + 1)).collect();
    std::fs::create_dir_all(out).expect("create the county folder");
    let county = serde_json::json!({ "name": "示例县（生成）", "towns": folders });
    let text = serde_json::to_string_pretty(&county).expect("county JSON");
    std::fs::write(out.join("county.json"), text).expect("write county.json");
    let mut written = 1;
    for (t, folder) in folders.iter().enumerate() {
        let dir = out.join(folder);
        std::fs::create_dir_all(&dir).expect("create a town folder");
        let mut town = town_json.clone();
        town["name"] = Value::from(town_name(t));
        town["title"] = Value::from(format!("{}重点工作调度（生成数据）", town_name(t)));
        let text = serde_json::to_string_pretty(&town).expect("town JSON");
        std::fs::write(dir.join("town.json"), text).expect("write town.json");
        written += 1;
        // Some towns are a week or two late with their newest report.
        let late = if t == 0 { 0 } else { t % 3 };
        let town_factor = 0.8 + 0.2 * ((t * 7) % 10) as f64 / 10.0;
        for (w, date) in weeks[..weeks.len() - late].iter().enumerate() {
            let day = date.format("%Y-%m-%d").to_string();
            let folder = dir.join(&day);
            std::fs::create_dir(&folder).expect("create a snapshot folder");
            let factor = (0.3 + 0.7 * (w as f64 / last)) * town_factor;
            for (name, json) in &seed {
                let mut json = json.clone();
                vary(&mut json, factor);
                json["as_of"] = Value::from(day.clone());
                let text = serde_json::to_string_pretty(&json).expect("line JSON");
                std::fs::write(folder.join(name), text).expect("write a line file");
                written += 1;
            }
        }
    }
    written
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen_county OUT [TOWNS=30] [YEARS=5]");
        std::process::exit(2);
    };
    let towns = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let years = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let out = Path::new(&out);
    if out.join("county.json").exists() {
        eprintln!("{} already holds a county; nothing written", out.display());
        std::process::exit(2);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let n = generate(root, out, towns, years);
    println!("{n} files written to {}", out.display());
}
