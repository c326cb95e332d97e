//! Hostile and malformed input (`tests/fixtures/hostile/`).
//!
//! `data/` is a data folder whose text is full of terminal escapes (OSC 0 window title, OSC 8
//! hyperlink, 8-bit CSI, DCS, carriage return), bidi overrides, zero-width characters, a BOM inside a
//! string, tabs, an emoji ZWJ sequence, combining accents and a 5,000-character label, plus a file
//! whose misspelt key holds an escape. The loader cleans every string once ([`sanitize`]); these
//! tests check the exact cleaned text, then draw every screen and check that no cell, no byte of
//! the ANSI output and no line of `huibao validate` carries anything a terminal would obey.
//!
//! `malformed/` holds files that must fail with a specific message: deep nesting, binary garbage,
//! UTF-16 without a byte-order mark and wrong types; a file over the size cap is made at test time.

mod cleaned;
mod malformed;
mod screens;
mod validate;

use chrono::NaiveDate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_ansi};
use huibao::model::load::{self, parse_line_file, MAX_FILE_BYTES};
use huibao::model::sanitize::{self, LINE_CAP};
use huibao::model::{Dataset, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hostile_dir() -> PathBuf {
    manifest().join("tests/fixtures/hostile/data")
}

fn hostile() -> Dataset {
    load::load_dir(&hostile_dir())
}

/// Characters that must never reach a terminal cell: C0 and C1 controls, DEL, bidi controls and
/// the invisible characters the sanitizer removes.
fn forbidden(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{2060}' | '\u{feff}')
}

fn huibao(args: &[&std::ffi::OsStr]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(manifest())
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    (
        out.status.code().expect("exit code"),
        out.stdout,
        out.stderr,
    )
}
