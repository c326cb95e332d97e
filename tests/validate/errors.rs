//! Errors: a broken file does not load, and the message names the file, line, column, field and problem.

use super::*;

// ---- errors: the file does not load ----

#[test]
fn misspelt_field_names_the_field_at_its_key() {
    assert_error(
        "misspelt-field.json",
        (86, 15),
        "groups[1].items[0].figures[0].valeu",
        "unknown field `valeu`, expected one of `label`, `value`, `unit`, `approx`, `target`, `bound`, `target_bound`, `value_max`, `target_max`, `firmness`, `growth`, `rate`, `decimals`, `per`, `threshold`, `period`, `parts`, `parts_cover`",
    );
}

#[test]
fn wrong_type() {
    assert_error(
        "wrong-type.json",
        (14, 23),
        "groups[0].items[0].headline",
        "invalid type: string \"true\", expected a boolean",
    );
}

#[test]
fn date_without_zero_padding() {
    assert_error(
        "bad-date.json",
        (62, 24),
        "groups[0].items[0].project.milestones[1].due",
        "expected a date like 2023-07-31, found \"2023-7-31\"",
    );
}

#[test]
fn impossible_date() {
    assert_error(
        "impossible-date.json",
        (5, 12),
        "as_of",
        "expected a date like 2023-07-31, found \"2023-02-30\"",
    );
}

#[test]
fn missing_required_field_points_at_its_object() {
    assert_error(
        "missing-field.json",
        (84, 13),
        "groups[1].items[0].figures[0]",
        "missing field `unit`",
    );
}

#[test]
fn one_star_is_not_withheld() {
    assert_error(
        "star-value.json",
        (34, 24),
        "groups[0].items[0].figures[3].value",
        "expected a number, or \"**\" for a withheld figure, found the string \"*\"",
    );
}

#[test]
fn bare_nan() {
    assert_error(
        "nan.json",
        (86, 24),
        "groups[1].items[0].figures[0].value",
        "expected value (NaN and Infinity are not JSON numbers; write a number, or \"**\" for a withheld figure)",
    );
}

#[test]
fn number_too_large_for_a_float() {
    assert_error(
        "huge-number.json",
        (50, 24),
        "groups[0].items[0].project.investment.value",
        "number out of range (too large for a figure)",
    );
}

#[test]
fn integer_past_2_pow_53() {
    assert_error(
        "big-integer.json",
        (17, 22),
        "groups[0].items[0].ledger.found",
        "integer 12345678901234567890123 is larger than 2^53 and cannot be kept exactly",
    );
}

#[test]
fn duplicate_key_points_at_the_second() {
    assert_error(
        "duplicate-key.json",
        (18, 13),
        "groups[0].items[0].ledger.found",
        "duplicate field `found`",
    );
}

#[test]
fn truncated_file() {
    assert_error(
        "truncated.json",
        (29, 34),
        "groups[0].items[2].source",
        "EOF while parsing a string (is the file cut short?)",
    );
}

#[test]
fn truncated_in_the_middle_of_a_character() {
    assert_error(
        "truncated-mid-character.json",
        (29, 35),
        ".",
        "the file ends in the middle of a character (is the file cut short?)",
    );
}

#[test]
fn empty_file() {
    assert_error(
        "empty.json",
        (0, 0),
        ".",
        "the file is empty; expected a JSON object",
    );
}

#[test]
fn trailing_garbage_after_the_object() {
    assert_error("trailing-garbage.json", (40, 1), ".", "trailing characters");
}

#[test]
fn latin1_bytes_are_not_utf8() {
    // `"leader": "José"` with é as the single Latin-1 byte 0xE9, in a file that is otherwise UTF-8
    // (so it is not read as GB18030, which would turn its Chinese into mojibake).
    assert_error(
        "latin1.json",
        (5, 17),
        ".",
        "the file is not valid UTF-8: the bytes here are not a UTF-8 character (pasted from another encoding?); save it as UTF-8",
    );
}

#[test]
fn gbk_file_loads_with_a_note() {
    // safety.json saved as GBK: read as GB18030, the same file as the seed, with a warning.
    let (file, warnings) =
        parse_line_file(&read("gbk.json"), &shown("gbk.json")).expect("a GBK file loads");
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_diag(
        &warnings[0],
        Severity::Warning,
        "gbk.json",
        (0, 0),
        ".",
        "the file is encoded as GB18030; it loaded, but please save it as UTF-8",
    );
    let seed = std::fs::read(manifest().join("data/2023-06-30/safety.json")).expect("seed file");
    let (seed, _) = parse_line_file(&seed, "safety.json").expect("the seed loads");
    assert_eq!(file, seed);
}

#[test]
fn utf8_bom_loads_like_the_seed_file() {
    let bytes = read("bom.json");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the fixture keeps its BOM"
    );
    let (file, warnings) = parse_line_file(&bytes, &shown("bom.json")).expect("a BOM file loads");
    assert_eq!(warnings, []);
    let seed = std::fs::read(manifest().join("data/2023-06-30/safety.json")).expect("seed file");
    let (seed, _) = parse_line_file(&seed, "safety.json").expect("the seed loads");
    assert_eq!(file, seed);
}
