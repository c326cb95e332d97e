//! extract against the hand encodings of the real reports: how many of the hand-encoded numbers
//! extract writes in the same role (a value, a growth, a part, a bound, a project's count or money…).

mod extract_common;
use extract_common::{extract_fixture, written_and_checked};
use std::collections::HashMap;
use std::path::Path;

/// Every number of a data folder's line files with its role: the keys leading to it, array
/// positions and labels left out (figures.growth.value, figures.parts.value, project.count …).
fn roles(dir: &Path) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    for day in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        if !day.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(day.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
        {
            let text = std::fs::read_to_string(f.path()).unwrap_or_else(|e| panic!("{e}"));
            let v: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
            walk(&v, "", &mut out);
        }
    }
    out
}

fn walk(v: &serde_json::Value, path: &str, out: &mut HashMap<(String, String), usize>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = match k.as_str() {
                    "groups" | "items" => String::new(),
                    _ if path.is_empty() => k.clone(),
                    _ => format!("{path}.{k}"),
                };
                walk(x, &p, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, path, out)),
        serde_json::Value::Number(n) if !path.ends_with("decimals") => {
            let n = n.as_f64().unwrap_or_default();
            *out.entry((path.to_string(), format!("{n}"))).or_default() += 1;
        }
        _ => {}
    }
}

/// How many of a fixture's hand-encoded numbers extract writes in the same role, of how many.
fn compare(name: &str) -> (usize, usize) {
    let base = Path::new("tests/fixtures/reports").join(name);
    let hand = roles(&base.join("data"));
    let x = extract_fixture(&base.join("report.txt"));
    let dir = written_and_checked(&x);
    let got = roles(dir.path());
    let n: usize = hand.values().sum();
    let m: usize = hand
        .iter()
        .map(|(k, c)| (*c).min(got.get(k).copied().unwrap_or(0)))
        .sum();
    (m, n)
}

#[test]
fn extract_puts_hand_encoded_numbers_in_the_same_role() {
    let reports = [
        "dongliu-2023",
        "jinwuzhou-2024-plan",
        "mudong-2024",
        "shagou-2020",
        "sizhoutou-2024q2",
        "weiyanghu-2023",
        "zhongdu-2025h1",
        "zhouquan-2024",
    ];
    let (mut same, mut all) = (0, 0);
    for name in reports {
        let (m, n) = compare(name);
        eprintln!("{name}: {m} of {n} hand-encoded numbers in the same role");
        same += m;
        all += n;
    }
    eprintln!("all: {same} of {all}");
    // The holdouts (jianmenguan, mutang) are reported, not held to the floor: the design was not
    // built from them.
    for name in ["jianmenguan-2025", "mutang-2024"] {
        let (m, n) = compare(name);
        eprintln!("{name} (holdout): {m} of {n} hand-encoded numbers in the same role");
    }
    assert!(all > 100, "{all}");
    // The floor: 103 of 110 today (94%); raise it as extract learns.
    assert!(same * 100 >= all * 90, "{same} of {all}");
}
