//! `huibao summary`: golden briefs of the seed report and of the weekly history fixture, plus the facts
//! each brief must state (checked against the seed report and the fixture's README by hand, and here).
//!
//! Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test summary`, then read the diff before committing it.

mod facts;
mod golden;
mod markdown;
mod output;

use markdown::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `huibao --data <dir> --today <today> [extra…] summary [args…]` and returns its standard output.
fn summary(data: &str, today: &str, global: &[&str], args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(root().join(data))
        .args(["--today", today])
        .args(global)
        .arg("summary")
        .args(args)
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    assert!(
        out.status.success(),
        "huibao summary failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "unexpected stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn seed() -> String {
    summary("data", "2023-07-03", &[], &[])
}

fn history(lang: &str) -> String {
    summary(
        "tests/fixtures/history",
        "2024-05-10",
        &["--lang", lang],
        &[],
    )
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        eprintln!("updated {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nCreate it with: UPDATE_GOLDEN=1 cargo test --test summary",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut report = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            if shown < 30 {
                report.push_str(&format!("line {}:\n", i + 1));
                if let Some(x) = x {
                    report.push_str(&format!("  - {x}\n"));
                }
                if let Some(y) = y {
                    report.push_str(&format!("  + {y}\n"));
                }
            }
            shown += 1;
        }
    }
    if shown == 0 {
        report.push_str("(only line endings or the final newline differ)\n");
    }
    panic!(
        "{} differs from the output ({shown} line(s); - golden, + actual):\n{report}\n\
         If the change is intended, regenerate with:\n  UPDATE_GOLDEN=1 cargo test --test summary\n\
         and review `git diff tests/golden`.",
        path.display()
    );
}
