//! Property tests: the width helpers never overflow a column or split a glyph, the sanitizer's
//! output is always clean, and the loader never panics, whatever the bytes.
//!
//! Bounded so the whole file runs in a few seconds in a debug build; nothing is written to disk
//! (`failure_persistence: None`). A failure prints the smallest input found: turn it into a unit
//! test.

mod json;
mod loader;
mod text;

use huibao::model::load::parse_line_file;
use huibao::model::sanitize::{self, Kind};
use huibao::text::{pad, pad_left, truncate, width, wrap, ELLIPSIS};
use proptest::prelude::*;
use proptest::test_runner::Config;
use unicode_segmentation::UnicodeSegmentation;

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces text is made of: ASCII, Chinese, Chinese punctuation, symbols some terminals draw two
/// wide, emoji with ZWJ and skin tones, combining accents and variation selectors, on their own too.
const POOL: &[&str] = &[
    "a",
    "Z",
    " ",
    "7",
    "中",
    "文",
    "党",
    "建",
    "，",
    "。",
    "“",
    "”",
    "…",
    "·",
    "①",
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "👍🏽",
    "❤\u{fe0f}",
    "e\u{301}",
    "a\u{300}\u{301}",
    "\u{301}",
    "\u{fe0f}",
    "\u{200d}",
    "🎉",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..24).prop_map(|v| v.concat())
}

/// True when `at` is a grapheme boundary of `s`.
fn is_boundary(s: &str, at: usize) -> bool {
    at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
}
/// Characters no cleaned string or message may hold (the first four hold for multi-line text too).
const ESCAPES: [char; 6] = ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\n', '\u{202e}'];
