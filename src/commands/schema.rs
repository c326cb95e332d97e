//! `huibao schema`: the JSON Schema of the data format, generated from the serde types.
//!
//! The output is kept in the repository as `data/schema.json` and `data/town.schema.json` (the loader
//! skips files whose name contains `schema`); `tests/schema.rs` fails when they are stale. Regenerate
//! with `cargo run -q -- schema > data/schema.json` and
//! `cargo run -q -- schema --town > data/town.schema.json`.

use crate::model::{LineFile, Town};
use std::process::ExitCode;

/// The JSON Schema of a work-line file (or of `town.json`), pretty-printed with a final newline.
pub fn schema_text(town: bool) -> String {
    let schema = if town {
        schemars::schema_for!(Town)
    } else {
        schemars::schema_for!(LineFile)
    };
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    s.push('\n');
    s
}

/// Prints the schema.
pub fn run(town: bool, lang: crate::cli::Lang) -> ExitCode {
    super::write_out(None, &schema_text(town), lang)
}
