//! A data folder with bad files: the others still load, a stray non-JSON file and two files for one line are reported.

use super::*;

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
