//! Helpers of the extract tests: the never-invent check, writing a drafted folder and checking it
//! with validate and the real binary, running the binary, fixtures.
#![allow(dead_code)]

use huibao::ingest::extract::{extract, Extraction, Options};
use huibao::ingest::report::read_report;
use huibao::ingest::write::write_drafted;
use std::path::Path;

use huibao::ingest::words;
use huibao::model::format::{Approx, Figure, Value};
use huibao::model::Item;

/// Every number a figure states: value, target, range ends, growth (as written, without its sign),
/// threshold ends, and its parts'.
fn figure_numbers(f: &Figure, out: &mut Vec<(Value, String, Option<Approx>)>) {
    for v in [f.value, f.target, f.value_max, f.target_max]
        .into_iter()
        .flatten()
    {
        out.push((v, f.unit.clone().into(), f.approx));
    }
    if let Some(g) = &f.growth {
        for v in [g.value, g.target].into_iter().flatten() {
            out.push((v, "%".into(), None));
        }
    }
    if let Some(t) = &f.threshold {
        for v in [t.min, t.max].into_iter().flatten() {
            out.push((v, t.unit.clone().into(), None));
        }
    }
    for p in &f.parts {
        figure_numbers(p, out);
    }
}

/// Every quantity an item states: (value, unit, qualifier).
pub fn quantities(it: &Item) -> Vec<(Value, String, Option<Approx>)> {
    let mut out = Vec::new();
    for f in &it.figures {
        figure_numbers(f, &mut out);
    }
    if let Some(p) = it.project() {
        if let Some(c) = p.count {
            out.push((c, "个".into(), None));
        }
        for f in [
            &p.investment,
            &p.annual_plan,
            &p.annual_done,
            &p.cumulative,
            &p.annual_rate,
        ]
        .into_iter()
        .flatten()
        {
            figure_numbers(f, &mut out);
        }
    }
    if let Some(l) = it.ledger() {
        out.push((l.found, l.unit.clone().into(), None));
        if let Some(r) = l.rectified {
            out.push((r, l.unit.clone().into(), None));
        }
    }
    out
}

/// True when the sentence states this value as a figure (`**` for a withheld one); a fall
/// (同比下降3.2%) is written as its number with a minus sign.
pub fn stated(v: Value, source: &str) -> bool {
    match v {
        Value::Withheld => source.contains("**"),
        Value::Num(n) => words::amounts(source)
            .iter()
            .any(|a| a.value.num().map(f64::abs) == Some(n.abs()) || a.upper == Some(n)),
    }
}

/// The never-invent check: every source sentence occurs in the report, and every number in the
/// output occurs in the sentence its item cites.
pub fn never_invents(x: &Extraction, report: &str) {
    let mut checked = 0;
    for line in &x.drafted.lines {
        for it in line.items() {
            assert!(
                report.contains(it.source.as_str()),
                "{}: source not in the report: {}",
                it.id,
                it.source
            );
            for (v, unit, _) in quantities(it) {
                assert!(
                    stated(v, &it.source),
                    "{}: {v:?} {unit} not in {}",
                    it.id,
                    it.source
                );
                checked += 1;
            }
        }
    }
    for r in &x.review {
        assert!(
            report.contains(&r.sentence),
            "review sentence not in the report: {}",
            r.sentence
        );
    }
    assert!(checked > 0 || x.figures == 0);
}

/// The seed report (a copy of /work/shared/seed/000_bd65c60c4cce93f9.txt).
pub fn seed_path() -> &'static Path {
    Path::new("tests/fixtures/ingest/seed_report.txt")
}

/// Writes the extraction to a fresh folder, validates it (0 errors) and renders it with the real
/// binary at 80×24; returns the folder.
pub fn written_and_checked(x: &Extraction) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_drafted(dir.path(), &x.drafted, false).unwrap_or_else(|e| panic!("{e:?}"));
    let report = huibao::commands::validate::check_data_folder(dir.path());
    assert_eq!(
        report.errors(),
        0,
        "{:#?}",
        report.lines(huibao::cli::Lang::En)
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(dir.path())
        .args(["--today", "2023-07-03", "render", "--size", "80x24"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8_lossy(&out.stdout);
    let first = &x.drafted.lines[0];
    let start: String = first.short_name().chars().take(2).collect();
    assert!(screen.contains(&start), "{screen}");
    dir
}

pub fn huibao(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
    for e in std::fs::read_dir(from)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Extracts a fixture; a report that names no period (a mid-page excerpt) gets the as-of date its
/// folder's year gives, as a clerk would pass with --as-of.
pub fn extract_fixture(path: &Path) -> Extraction {
    let paras = read_report(path).unwrap_or_else(|e| panic!("{e}"));
    extract(&paras, &Options::default()).unwrap_or_else(|e| {
        assert!(e.en.contains("--as-of"), "{e}");
        let name = path
            .parent()
            .and_then(|p| p.file_name())
            .unwrap_or_default()
            .to_string_lossy();
        let year: i32 = name
            .split('-')
            .nth(1)
            .and_then(|y| y.get(..4)?.parse().ok())
            .unwrap_or(2024);
        let as_of = chrono::NaiveDate::from_ymd_opt(year, 12, 31);
        extract(&paras, &Options { as_of, today: None }).unwrap_or_else(|e| panic!("{e}"))
    })
}
