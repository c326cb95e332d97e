//! Broken data files (`tests/fixtures/broken/`) and what the loader and `huibao validate` say about
//! them: the exact file, line, column, field path and message of every problem.
//!
//! Each fixture is a seed file from `data/2023-06-30/` (safety.json, or economy.json cut down to the
//! 禾源 and 汤西 items) with one thing broken.

use huibao::model::load::{load_dir, parse_line_file};
use huibao::model::{Diagnostic, Place, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;

const BROKEN: &str = "tests/fixtures/broken";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> Vec<u8> {
    let path = manifest().join(BROKEN).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn shown(name: &str) -> String {
    format!("{BROKEN}/{name}")
}

/// Asserts every part of one diagnostic, and the line `huibao validate` prints for it.
fn assert_diag(
    d: &Diagnostic,
    severity: Severity,
    name: &str,
    place: (usize, usize),
    field: &str,
    message: &str,
) {
    let (line, col) = place;
    assert_eq!(
        (
            d.severity,
            d.path.as_str(),
            &d.place,
            d.field.as_str(),
            d.message.as_str()
        ),
        (
            severity,
            shown(name).as_str(),
            &Place::at(line, col),
            field,
            message
        ),
        "{name}"
    );
    let printed = if line > 0 {
        format!("{}:{line}:{col}: {field}: {message}", shown(name))
    } else {
        format!("{}: {field}: {message}", shown(name))
    };
    assert_eq!(d.to_string(), printed);
}

/// The fixture must fail to load with exactly this error.
fn assert_error(name: &str, place: (usize, usize), field: &str, message: &str) {
    match parse_line_file(&read(name), &shown(name)) {
        Ok((_, warnings)) => panic!("{name} loaded (warnings: {warnings:?}); expected an error"),
        Err(d) => assert_diag(&d, Severity::Error, name, place, field, message),
    }
}

/// The fixture must load with exactly these warnings.
fn assert_warnings(name: &str, want: &[((usize, usize), &str, &str)]) {
    let warnings = match parse_line_file(&read(name), &shown(name)) {
        Ok((_, w)) => w,
        Err(d) => panic!("{name} did not load: {d}"),
    };
    assert_eq!(warnings.len(), want.len(), "{name}: {warnings:#?}");
    for (d, (place, field, message)) in warnings.iter().zip(want) {
        assert_diag(d, Severity::Warning, name, *place, field, message);
    }
}

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

// ---- warnings: the file loads ----

#[test]
fn duplicate_item_id() {
    assert_warnings(
        "duplicate-id.json",
        &[(
            (32, 17),
            "groups[0].items[3].id",
            "duplicate item id \"safety.forest-fire\" (first used at groups[0].items[2])",
        )],
    );
}

#[test]
fn unit_that_looks_like_a_slip() {
    let message = "the unit “公顷2” has digits or Latin letters in it, which looks like a slip: write the unit as the report writes it";
    assert_warnings(
        "unknown-unit.json",
        &[((87, 23), "groups[1].items[0].figures[0].unit", message)],
    );
    assert_eq!(
        huibao::model::say::message(message, huibao::model::Lang::Zh),
        "单位“公顷2”里有数字或拉丁字母，像是笔误：单位照报告原文写（亩、万元、万美元……）"
    );
}

#[test]
fn milestones_out_of_order() {
    assert_warnings(
        "milestones-out-of-order.json",
        &[(
            (62, 24),
            "groups[0].items[0].project.milestones[1].due",
            "milestones out of date order: 2023-07-20 comes before the previous milestone's 2023-07-31",
        )],
    );
}

#[test]
fn completed_over_planned() {
    assert_warnings(
        "completed-over-planned.json",
        &[(
            (86, 24),
            "groups[1].items[0].figures[0].value",
            "completed 900 is more than planned 800",
        )],
    );
}

#[test]
fn negative_value() {
    assert_warnings(
        "negative-value.json",
        &[(
            (18, 24),
            "groups[0].items[0].figures[0].value",
            "negative value -5: counts and amounts cannot be below zero",
        )],
    );
}

#[test]
fn ledger_rectified_over_found() {
    assert_warnings(
        "rectified-over-found.json",
        &[(
            (18, 26),
            "groups[0].items[0].ledger.rectified",
            "rectified 13 exceeds found 11: no more can be rectified than were found",
        )],
    );
    assert_eq!(
        huibao::model::say::message(
            "rectified 13 exceeds found 11: no more can be rectified than were found",
            huibao::model::Lang::Zh
        ),
        "已整改 13 多于发现 11：整改数不能超过发现数"
    );
}

#[test]
fn empty_label() {
    assert_warnings(
        "empty-label.json",
        &[(
            (33, 20),
            "groups[0].items[3].label",
            "the item's label is empty",
        )],
    );
}

// ---- a folder with bad files among good ones ----

/// A copy of `data/` in a temporary folder, with economy.json replaced by a broken file (an error)
/// and safety.json by one that loads with a warning.
fn folder_with_bad_files() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let snap = tmp.path().join("2023-06-30");
    std::fs::create_dir(&snap).expect("snapshot folder");
    std::fs::copy(
        manifest().join("data/town.json"),
        tmp.path().join("town.json"),
    )
    .expect("town.json");
    for e in std::fs::read_dir(manifest().join("data/2023-06-30")).expect("seed folder") {
        let e = e.expect("seed file");
        std::fs::copy(e.path(), snap.join(e.file_name())).expect("copy seed file");
    }
    std::fs::write(snap.join("economy.json"), read("bad-date.json")).expect("write");
    std::fs::write(snap.join("safety.json"), read("rectified-over-found.json")).expect("write");
    tmp
}

fn expected_lines(dir: &Path) -> (String, String) {
    let d = dir.display();
    (
        format!(
            "{d}/2023-06-30/economy.json:62:24: error: groups[0].items[0].project.milestones[1].due: expected a date like 2023-07-31, found \"2023-7-31\""
        ),
        format!("{d}/2023-06-30/safety.json:18:26: warning: groups[0].items[0].ledger.rectified: rectified 13 exceeds found 11: no more can be rectified than were found"),
    )
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let tmp = folder_with_bad_files();
    let ds = load_dir(tmp.path());
    let ids: Vec<&str> = ds.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        ["party", "infrastructure", "safety", "livelihood", "targets"]
    );
    assert_eq!(ds.town.name, "**镇");
    let (error, warning) = expected_lines(tmp.path());
    let problems: Vec<String> = ds
        .problems
        .iter()
        .map(|d| huibao::model::say::diagnostic(d, huibao::model::Lang::En))
        .collect();
    assert_eq!(problems, [error, warning]);
    assert_eq!(ds.errors().count(), 1);
    // The board still lists economy in its place, broken (issue 13 point 2).
    let board = huibao::model::board::Board::build(&ds, None);
    assert_eq!(board.lines[1].id, "economy");
    assert!(board.lines[1].broken.is_some());
}

fn huibao(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(manifest())
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn validate_prints_every_problem_and_fails_on_an_error() {
    let tmp = folder_with_bad_files();
    let (error, warning) = expected_lines(tmp.path());
    let want = format!("{error}\n{warning}\n");

    let (code, stdout, stderr) = huibao(&["validate".as_ref(), tmp.path().as_os_str()]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (1, want.as_str(), "1 error, 1 warning in 7 files\n")
    );

    let (code, stdout, _) = huibao(&[
        "--data".as_ref(),
        tmp.path().as_os_str(),
        "validate".as_ref(),
    ]);
    assert_eq!((code, stdout.as_str()), (1, want.as_str()));

    // One snapshot folder, or single files in it, give the same lines.
    let snap: PathBuf = tmp.path().join("2023-06-30");
    let (code, stdout, _) = huibao(&["validate".as_ref(), snap.as_os_str()]);
    assert_eq!((code, stdout.as_str()), (1, want.as_str()));
    let (code, stdout, stderr) =
        huibao(&["validate".as_ref(), snap.join("economy.json").as_os_str()]);
    assert_eq!(
        (code, stdout, stderr),
        (
            1,
            format!("{error}\n"),
            "1 error, 0 warnings in 1 file\n".into()
        )
    );

    // Warnings alone pass.
    let (code, stdout, _) = huibao(&["validate".as_ref(), snap.join("safety.json").as_os_str()]);
    assert_eq!((code, stdout), (0, format!("{warning}\n")));
}

#[test]
fn validate_lists_fixture_files_by_the_path_given() {
    let (code, stdout, stderr) = huibao(&[
        "validate".as_ref(),
        "tests/fixtures/broken/nan.json".as_ref(),
        "tests/fixtures/broken/bom.json".as_ref(),
        "tests/fixtures/broken/negative-value.json".as_ref(),
        "tests/fixtures/broken/no-such-file.json".as_ref(),
    ]);
    assert_eq!(
        stdout,
        "tests/fixtures/broken/nan.json:86:24: error: groups[1].items[0].figures[0].value: expected value (NaN and Infinity are not JSON numbers; write a number, or \"**\" for a withheld figure)\n\
         tests/fixtures/broken/no-such-file.json: error: no such file or folder\n\
         tests/fixtures/broken/negative-value.json:18:24: warning: groups[0].items[0].figures[0].value: negative value -5: counts and amounts cannot be below zero\n"
    );
    assert_eq!(
        (code, stderr.as_str()),
        (1, "2 errors, 1 warning in 3 files\n")
    );
}

#[test]
fn validate_passes_on_the_seed_data() {
    let data = manifest().join("data");
    let (code, stdout, stderr) =
        huibao(&["validate".as_ref(), "--data".as_ref(), data.as_os_str()]);
    assert!(
        !stdout.contains("error") && !stderr.contains("error"),
        "{stdout}{stderr}"
    );
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "7 files checked, no problems found\n"),
        "the seed data has no problems"
    );
    // Run from the repository, `huibao validate` finds ./data itself.
    let (code, stdout, _) = huibao(&["validate".as_ref()]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn validate_passes_on_the_history_fixture() {
    let (code, stdout, stderr) = huibao(&["validate".as_ref(), "tests/fixtures/history".as_ref()]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "49 files checked, no problems found\n")
    );
}

/// `huibao validate | head -1`: a reader that goes away early ends the output quietly, with no panic.
#[test]
fn a_closed_pipe_ends_validate_quietly() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().unwrap();
    let day = tmp.path().join("2023-06-30");
    std::fs::create_dir_all(&day).unwrap();
    let broken = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken/duplicate-id.json");
    for i in 0..2000 {
        std::fs::copy(&broken, day.join(format!("x{i}.json"))).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["validate", "--data"])
        .arg(tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("x1.json"), "{first}");
    // The reader is dropped here: the rest of the output goes to a closed pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A temp copy of `data/` for tests that break it.
fn data_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::copy(src.join("town.json"), tmp.path().join("town.json")).unwrap();
    let day = tmp.path().join("2023-06-30");
    std::fs::create_dir_all(&day).unwrap();
    for e in std::fs::read_dir(src.join("2023-06-30")).unwrap().flatten() {
        std::fs::copy(e.path(), day.join(e.file_name())).unwrap();
    }
    tmp
}

/// A clerk's `safety.json.txt` must not make the safety line vanish without a word.
#[test]
fn a_file_not_ending_in_json_is_reported() {
    let tmp = data_copy();
    let day = tmp.path().join("2023-06-30");
    std::fs::rename(day.join("safety.json"), day.join("safety.json.txt")).unwrap();
    {
        let ds = huibao::model::load::load_dir(tmp.path());
        let d = ds
            .problems
            .iter()
            .find(|d| d.path.ends_with("safety.json.txt"))
            .expect("a warning");
        assert_eq!(d.severity, huibao::model::Severity::Warning);
        assert_eq!(
            d.message,
            "not loaded: only files ending in .json are read (save it as .json?)"
        );
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["validate", "--data"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("safety.json.txt: 警告: 没有读入：只读取以 .json 结尾的文件"),
        "{stdout}"
    );
}

/// Two files giving the same line on one date: an error naming both; the first (by name) is kept.
#[test]
fn two_files_for_one_line_on_one_date_is_an_error() {
    let tmp = data_copy();
    let day = tmp.path().join("2023-06-30");
    std::fs::copy(day.join("safety.json"), day.join("safety-copy.json")).unwrap();
    let ds = huibao::model::load::load_dir(tmp.path());
    let err: Vec<_> = ds.errors().collect();
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].path.ends_with("2023-06-30/safety.json"),
        "{}",
        err[0]
    );
    assert!(
        err[0]
            .message
            .starts_with("line \"safety\" on 2023-06-30 is already given by "),
        "{}",
        err[0]
    );
    assert!(err[0].message.contains("safety-copy.json"), "{}", err[0]);
    assert_eq!(ds.line("safety").unwrap().snapshots.len(), 1);
}

/// Thresholds that cannot be right (amber above red, negative) are pointed out.
#[test]
fn odd_thresholds_are_a_warning() {
    let tmp = data_copy();
    let town = tmp.path().join("town.json");
    let text = std::fs::read_to_string(&town).unwrap();
    let text = text
        .replace("\"amber_points\": 10", "\"amber_points\": 40")
        .replace("\"red_points\": 30", "\"red_points\": -5");
    std::fs::write(&town, text).unwrap();
    let ds = huibao::model::load::load_dir(tmp.path());
    let d = ds
        .problems
        .iter()
        .find(|d| d.field == "thresholds")
        .expect("a thresholds warning");
    assert_eq!(
        d.message,
        "amber_points 40 and red_points -5 should satisfy 0 <= amber <= red"
    );
}
