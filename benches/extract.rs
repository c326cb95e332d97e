//! Benchmark of `huibao extract` on a 20-page report.
//!
//! Target: **drafting a data folder from a 20-page report takes under 200 ms** (issue 11), so a
//! clerk waits no longer than a keypress.
//!
//! The input is generated here, not committed: the seed report (about 4,100 characters) repeated eight
//! times — about 32,700 characters, 20 pages of a Word report at 1,500 characters a page — with every
//! arabic number changed in each copy (n → n + 7·copy), so no two copies state the same figures.
//! Reading the text into paragraphs is included; writing the files is not.
//!
//! Run with `cargo bench --bench extract`.

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use huibao::ingest::extract::{extract, Options};
use huibao::ingest::report::paras_from_text;

/// The seed report with every arabic number raised by `add`.
fn shifted(text: &str, add: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let n: u64 = digits.parse().unwrap_or(0);
            out.push_str(&(n + add).to_string());
            digits.clear();
        }
        out.push(c);
    }
    out
}

fn twenty_pages() -> String {
    let seed = include_str!("../tests/fixtures/ingest/seed_report.txt");
    (0..8)
        .map(|k| shifted(seed, 7 * k))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench(c: &mut Criterion) {
    let text = twenty_pages();
    assert!(text.chars().count() >= 30_000, "{}", text.chars().count());
    let opts = Options::default();
    c.bench_function("extract/twenty_pages", |b| {
        b.iter(|| {
            let x = extract(&paras_from_text(&text), &opts).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(x.figures)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
