//! Malformed files: deep nesting, binary garbage, wrong types and an oversize file each fail with their message.

use super::*;

// ---- malformed files ----

const MALFORMED: &str = "tests/fixtures/hostile/malformed";

/// The fixture fails to load with exactly `want` (`path:line:col: field: message`, path omitted).
fn assert_fails(name: &str, want: &str) {
    let bytes = std::fs::read(manifest().join(MALFORMED).join(name)).expect("fixture");
    let path = format!("{MALFORMED}/{name}");
    match parse_line_file(&bytes, &path) {
        Ok(_) => panic!("{name} loaded"),
        Err(d) => {
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(d.to_string(), format!("{path}{want}"), "{name}");
        }
    }
}

#[test]
fn nesting_200_deep() {
    // serde_json's recursion limit (128) stays on, but a typed file never gets that deep: the first
    // bracket where the format wants a number, a string or an object is already the error.
    assert_fails(
        "nesting-200.json",
        ":15:24: groups[0].items[0].figures[0].value: invalid type: sequence, expected a number, or \"**\" for a withheld figure",
    );
    assert_fails(
        "nesting-200-root.json",
        ":1:2: [0]: invalid type: sequence, expected a string",
    );
    assert_fails(
        "nesting-200-objects.json",
        ":1:12: groups: invalid type: map, expected a sequence",
    );
}

#[test]
fn nesting_100_000_deep_does_not_overflow_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let d = parse_line_file(deep.as_bytes(), "deep.json").expect_err("fails");
    assert_eq!(
        d.to_string(),
        "deep.json:1:2: [0]: invalid type: sequence, expected a string"
    );
    let unclosed = format!("{{\"groups\": {}", "[{\"items\": ".repeat(50_000));
    let d = parse_line_file(unclosed.as_bytes(), "deep.json").expect_err("fails");
    assert_eq!(
        d.to_string(),
        "deep.json:1:25: groups[0].items[0].items: unknown field `items`, expected one of `id`, `label`, `source`, `headline`, `leader`, `office`, `figures`, `start`, `deadline`, `deadline_text`, `done`, `firmness`, `task`, `project`, `ledger`, `note`"
    );
    let objects = format!("{}1{}", "{\"a\": ".repeat(100_000), "}".repeat(100_000));
    let d = parse_line_file(objects.as_bytes(), "deep.json").expect_err("fails");
    assert_eq!(
        d.to_string(),
        "deep.json:1:2: a: unknown field `a`, expected one of `$schema`, `id`, `title`, `short`, `as_of`, `office`, `leader`, `role`, `period`, `groups`"
    );
}

#[test]
fn binary_garbage() {
    assert_fails(
        "binary.json",
        ":1:7: .: the file holds a NUL byte: it is binary, not JSON text",
    );
    assert_fails(
        "binary-high.json",
        ":1:58: .: the file is neither UTF-8 nor GB18030 (GBK): the bytes here are not a character in either; save it as UTF-8",
    );
    assert_fails(
        "utf16-no-bom.json",
        ":1:2: .: the file holds NUL bytes: it looks like UTF-16 without a byte-order mark; save it as UTF-8",
    );
}

#[test]
fn wrong_types_at_several_places() {
    for (name, want) in [
        (
            "wrong-type-as-of.json",
            ":4:12: as_of: invalid type: integer `20230630`, expected a date like 2023-07-31",
        ),
        (
            "wrong-type-id.json",
            ":2:9: id: invalid type: integer `42`, expected a string",
        ),
        (
            "wrong-type-title-null.json",
            ":3:12: title: invalid type: null, expected a string",
        ),
        (
            "wrong-type-groups.json",
            ":5:13: groups: invalid type: map, expected a sequence",
        ),
        (
            "wrong-type-items.json",
            ":8:16: groups[0].items: invalid type: string \"无\", expected a sequence",
        ),
        (
            "wrong-type-value.json",
            ":15:24: groups[0].items[0].figures[0].value: invalid type: boolean `true`, expected a number, or \"**\" for a withheld figure",
        ),
        (
            "wrong-variant-approx.json",
            ":17:25: groups[0].items[0].figures[0].approx: unknown variant `大约`, expected one of `多`, `余`, `约`",
        ),
        (
            "wrong-type-done.json",
            ":30:25: groups[0].items[1].project.milestones[0].done: invalid type: string \"yes\", expected a boolean",
        ),
    ] {
        assert_fails(name, want);
    }
}

#[test]
fn a_file_over_the_size_cap_is_refused_quickly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let snap = tmp.path().join("2023-06-30");
    std::fs::create_dir(&snap).expect("mkdir");
    let big = snap.join("party.json");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).expect("create"));
        let chunk = vec![b' '; 1 << 20];
        f.write_all(b"{").expect("write");
        for _ in 0..17 {
            f.write_all(&chunk).expect("write");
        }
        f.write_all(b"}").expect("write");
    }
    assert!(std::fs::metadata(&big).expect("size").len() > MAX_FILE_BYTES);

    let start = Instant::now();
    let err = load::read_capped(&big).expect_err("refused");
    assert_eq!(err, "the file is larger than 16 MiB and was not loaded");
    let ds = load::load_dir(tmp.path());
    assert_eq!(
        ds.problems
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>(),
        [format!(
            "{}: .: the file is larger than 16 MiB and was not loaded",
            big.display()
        )]
    );
    let (code, stdout, _) = huibao(&["validate".as_ref(), big.as_os_str()]);
    assert_eq!(
        (code, String::from_utf8_lossy(&stdout).into_owned()),
        (
            1,
            format!(
                "{}: error: the file is larger than 16 MiB and was not loaded\n",
                big.display()
            )
        )
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
}
