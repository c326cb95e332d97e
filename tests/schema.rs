//! The JSON Schemas kept in `data/` must be what `huibao schema` prints today.

use huibao::commands::schema::schema_text;
use std::path::Path;

fn assert_current(file: &str, town: bool, regenerate: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file);
    let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; create it with `{regenerate}`",
            path.display()
        )
    });
    let generated = schema_text(town);
    assert!(
        on_disk == generated,
        "data/{file} is stale: the serde types or their doc comments changed. Regenerate it with `{regenerate}`"
    );
}

#[test]
fn line_file_schema_is_current() {
    assert_current(
        "schema.json",
        false,
        "cargo run -q -- schema > data/schema.json",
    );
}

#[test]
fn town_schema_is_current() {
    assert_current(
        "town.schema.json",
        true,
        "cargo run -q -- schema --town > data/town.schema.json",
    );
}

#[test]
fn the_schemas_describe_the_format() {
    let line: serde_json::Value =
        serde_json::from_str(&schema_text(false)).expect("the schema is JSON");
    assert_eq!(line["title"], "LineFile");
    assert_eq!(
        line["additionalProperties"], false,
        "misspelt fields must be refused"
    );
    let required: Vec<&str> = line["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(required, ["id", "title", "as_of", "groups"]);
    let town: serde_json::Value =
        serde_json::from_str(&schema_text(true)).expect("the schema is JSON");
    assert_eq!(town["title"], "Town");
    assert_eq!(town["required"], serde_json::json!(["name"]));
}
