//! Writes a generated history (the seed's line files for many snapshot dates) into a folder, for
//! `scripts/bench-vs-peers` and for trying the dashboard on a long history by hand.
//!
//! ```text
//! cargo run --release --example gen_history -- OUT (--years N | --dates N [--step-days D])
//!     [--items-x K] [--combined FILE]
//! ```
//!
//! `--combined FILE` also writes every file of the history into one JSON object (path → the file's
//! JSON, byte for byte), so a JSON viewer can be given the same bytes in one file.

#[path = "../benches/support/history.rs"]
mod history;

use std::io::Write;
use std::path::PathBuf;

fn usage() -> ! {
    eprintln!(
        "usage: gen_history OUT (--years N | --dates N [--step-days D]) [--items-x K] [--combined FILE]"
    );
    std::process::exit(2)
}

fn number(v: Option<String>) -> usize {
    v.and_then(|s| s.parse().ok()).unwrap_or_else(|| usage())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        usage()
    };
    let mut spec = history::Spec::weekly_years(5);
    let mut combined = None;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--years" => spec = history::Spec::weekly_years(number(args.next()) as i32),
            "--dates" => spec.dates = number(args.next()),
            "--step-days" => spec.step_days = number(args.next()) as u64,
            "--items-x" => spec.items_x = number(args.next()),
            "--combined" => combined = Some(PathBuf::from(args.next().unwrap_or_else(|| usage()))),
            _ => usage(),
        }
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let (files, bytes) = history::write_history(&out, &spec);
    if let Some(path) = combined {
        write_combined(&out, &path);
    }
    println!("{} {files} {bytes}", out.display());
}

/// One JSON object holding every file of the history under its relative path.
fn write_combined(dir: &std::path::Path, path: &std::path::Path) {
    let mut names: Vec<PathBuf> = vec![PathBuf::from("town.json")];
    let mut days: Vec<_> = std::fs::read_dir(dir)
        .expect("list the history")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name())
        .collect();
    days.sort();
    for day in days {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(&day))
            .expect("list a snapshot folder")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        files.sort();
        names.extend(files.into_iter().map(|f| PathBuf::from(&day).join(f)));
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create the file"));
    w.write_all(b"{\n").expect("write");
    for (i, name) in names.iter().enumerate() {
        let text = std::fs::read(dir.join(name)).expect("read a history file");
        let sep = if i + 1 < names.len() { ",\n" } else { "\n" };
        write!(w, "{:?}: ", name.display().to_string()).expect("write");
        w.write_all(&text).expect("write");
        w.write_all(sep.as_bytes()).expect("write");
    }
    w.write_all(b"}\n").expect("write");
}
