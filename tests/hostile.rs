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

// ---- the exact cleaned text ----

#[test]
fn town_json_is_cleaned() {
    let ds = hostile();
    assert_eq!(ds.town.name, "␛]0;PWNED␇**镇");
    assert_eq!(ds.town.title, "标题：reportfdp.exe");
    assert_eq!(ds.town.lines, ["hostile", "misspelt"]);
}

#[test]
fn every_string_of_the_line_file_is_cleaned() {
    let ds = hostile();
    let f = &ds
        .line("hostile")
        .expect("the hostile line loads")
        .latest()
        .file;
    assert_eq!(f.title, "␛]0;PWNED␇汇报");
    assert_eq!(f.short.as_deref(), Some("标题"));
    assert_eq!(f.office.as_deref(), Some("reportfdp.exe"));
    assert_eq!(f.leader.as_deref(), Some("ab"));
    let g = &f.groups[0];
    assert_eq!(g.title, "1、␛]8;;http://x␛\\link␛]8;;␛\\");

    // Controls become pictures (C1 becomes U+FFFD); a lone CR is a control, CR LF a line break;
    // line breaks stay in `source` and `note` and are spaces elsewhere; tabs are spaces.
    let osc = &g.items[0];
    assert_eq!(osc.label, "␛]0;PWNED␇");
    assert_eq!(
        osc.source,
        "␛]8;;http://x␛\\link␛]8;;␛\\ \u{fffd}31m红色␍覆盖\n第二行 制表符"
    );
    assert_eq!(osc.leader.as_deref(), Some("\u{fffd}31m"));
    assert_eq!(osc.office.as_deref(), Some("␍覆盖"));
    assert_eq!(osc.figures[0].label.as_deref(), Some("a b"));
    assert_eq!(osc.deadline_text.as_deref(), Some("年底前␇"));
    assert_eq!(osc.note.as_deref(), Some("reportfdp.exe\n第二行"));

    // Bidi and zero-width characters go; ZWJ stays inside the emoji only; NFC.
    let uni = &g.items[1];
    assert_eq!(uni.label, "👨\u{200d}👩\u{200d}👧 家庭 Caf\u{e9} ab");
    assert_eq!(uni.source, "标题 ab xyz");

    // 5,000 characters are cut to the cap.
    let long = &g.items[2];
    assert_eq!(long.label, format!("{}..", "长".repeat(LINE_CAP - 2)));

    let project = &g.items[3];
    assert_eq!(project.label, "项目\u{fffd}31m");
    assert_eq!(project.source, "项目␛[2J清屏");
    let p = project.project().expect("project");
    assert_eq!(p.status.as_deref(), Some("进行中␛P1;2|xx␛\\"));
    assert_eq!(p.problems, ["问题一␇", "问题二\n续"]);
    assert_eq!(p.milestones[0].what, "建成␛[5m");
    assert_eq!(p.milestones[0].due_text.as_deref(), Some("7月底前"));

    let ledger = &g.items[4];
    assert_eq!(ledger.label, "台账");
    assert_eq!(ledger.source, "隐患\u{fffd}排查");
    let h = &ledger.ledger().expect("ledger").entries[0];
    assert_eq!(
        (
            h.id.as_str(),
            h.description.as_str(),
            h.level.as_deref(),
            h.location.as_deref(),
            h.owner.as_deref()
        ),
        (
            "H-1␛",
            "描述\n第二行␛]0;x␇",
            Some("一般"),
            Some("村口 东"),
            Some("李四")
        )
    );
}

#[test]
fn problems_are_cleaned_and_exact() {
    let ds = hostile();
    let dir = hostile_dir().display().to_string();
    let printed: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        printed,
        [
            format!(
                "{dir}/2023-06-30/hostile.json:42:20: groups[0].items[2].label: the text is 5000 characters long; it was cut to 2000 (the limit for this field)"
            ),
            format!(
                "{dir}/2023-06-30/misspelt.json:16:15: groups[0].items[0].figures[0].val␛]0;PWNED␇ue: unknown field `val␛]0;PWNED␇ue`, expected one of `label`, `value`, `unit`, `approx`, `target`, `bound`, `target_bound`, `value_max`, `target_max`, `firmness`, `growth`, `rate`, `decimals`, `per`, `threshold`, `period`, `parts`, `parts_cover`"
            ),
        ]
    );
    assert_eq!(ds.problems[0].severity, Severity::Warning);
    assert_eq!(ds.problems[1].severity, Severity::Error);
}

#[test]
fn nothing_in_any_loaded_string_is_forbidden() {
    let ds = hostile();
    let f = &ds.line("hostile").expect("loads").latest().file;
    let json = serde_json::to_string(f).expect("serialize");
    let back: serde_json::Value = serde_json::from_str(&json).expect("parse");
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut strings = Vec::new();
    walk(&back, &mut strings);
    assert!(strings.len() > 40, "{}", strings.len());
    for s in strings
        .iter()
        .map(String::as_str)
        .chain([ds.town.name.as_str(), ds.town.title.as_str()])
    {
        let bad: Vec<char> = s.chars().filter(|&c| forbidden(c) && c != '\n').collect();
        assert!(bad.is_empty(), "{s:?} holds {bad:?}");
    }
    for d in &ds.problems {
        assert!(!d.field.chars().any(forbidden), "{d:?}");
        assert!(!d.message.chars().any(forbidden), "{d:?}");
    }
}

// ---- every screen ----

const SCREENS: &[&str] = &[
    "",
    "1",
    "1 Enter",
    "1 j Enter",
    "1 j j Enter",
    "1 j j j Enter",
    "1 j j j j Enter",
    "w",
    "/ x",
    "/ 标",
    "?",
];

fn state() -> State {
    State::new(
        hostile(),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2023, 7, 3).expect("date"),
    )
}

/// Checks the escape sequences of `ansi`: every ESC starts an SGR (`ESC [ digits ; … m`); no OSC,
/// DCS or other sequence, no C1 control, no BEL.
fn assert_only_sgr(ansi: &str, what: &str) {
    assert!(!ansi.contains("\x1b]"), "{what}: OSC");
    assert!(!ansi.contains("\x1bP"), "{what}: DCS");
    assert!(!ansi.contains('\u{7}'), "{what}: BEL");
    let c1: Vec<char> = ansi
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(c1.is_empty(), "{what}: C1 controls {c1:?}");
    let mut rest = ansi;
    while let Some(i) = rest.find('\x1b') {
        let seq = &rest[i + 1..];
        let body = seq.strip_prefix('[').unwrap_or_else(|| {
            panic!(
                "{what}: ESC not followed by [: {:?}",
                &seq[..seq.len().min(8)]
            )
        });
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or_else(|| panic!("{what}: unterminated CSI"));
        assert_eq!(&body[end..end + 1], "m", "{what}: a CSI that is not SGR");
        rest = &body[end + 1..];
    }
    for line in ansi.lines() {
        let bad: Vec<char> = line
            .chars()
            .filter(|&c| c != '\x1b' && forbidden(c))
            .collect();
        assert!(bad.is_empty(), "{what}: {bad:?} in {line:?}");
    }
}

#[test]
fn every_screen_draws_no_control_and_no_escape() {
    for keys in SCREENS {
        for size in [(80, 24), (120, 40)] {
            let what = format!("keys {keys:?} at {}x{}", size.0, size.1);
            let buf = render_buffer(state(), size, keys).expect("render");
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let sym = buf[(x, y)].symbol();
                    assert!(
                        !sym.chars().any(forbidden),
                        "{what}: cell ({x}, {y}) holds {sym:?}"
                    );
                }
            }
            assert_only_sgr(&to_ansi(&buf), &what);
        }
    }
}

#[test]
fn the_hostile_text_is_visible_on_screen() {
    let buf = render_buffer(state(), (120, 40), "1").expect("render");
    let text = huibao::commands::render::to_text(&buf);
    assert!(text.contains("␛]0;PWNED␇"), "{text}");
    let buf = render_buffer(state(), (120, 40), "1 Enter").expect("render");
    let text = huibao::commands::render::to_text(&buf);
    assert!(text.contains("␍覆盖"), "{text}");
}

// ---- huibao validate ----

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

fn assert_no_escape(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "{what}: ESC");
    assert!(!bytes.contains(&0x07), "{what}: BEL");
    let text = std::str::from_utf8(bytes).expect("UTF-8 output");
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && forbidden(c))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?}");
}

#[test]
fn validate_output_holds_no_escape() {
    let dir = hostile_dir();
    let misspelt = dir.join("2023-06-30/misspelt.json");
    let town = dir.join("town.json");
    for args in [
        vec!["validate".as_ref(), dir.as_os_str()],
        vec!["validate".as_ref(), dir.join("2023-06-30").as_os_str()],
        vec!["validate".as_ref(), misspelt.as_os_str(), town.as_os_str()],
    ] {
        let (code, stdout, stderr) = huibao(&args);
        assert_eq!(code, 1, "{args:?}");
        let text = String::from_utf8_lossy(&stdout);
        assert!(text.contains("unknown field val␛]0;PWNED␇ue"), "{text}");
        assert_no_escape(&stdout, "stdout");
        assert_no_escape(&stderr, "stderr");
    }
}

#[test]
fn validate_makes_an_escape_in_a_file_name_visible() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let name = tmp.path().join("\u{1b}]0;PWNED\u{7}.json");
    std::fs::write(&name, "{").expect("write");
    let (code, stdout, stderr) = huibao(&["validate".as_ref(), name.as_os_str()]);
    assert_eq!(code, 1);
    assert_no_escape(&stdout, "stdout");
    assert_no_escape(&stderr, "stderr");
    assert!(String::from_utf8_lossy(&stdout).contains("␛]0;PWNED␇.json"));
}

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

#[test]
fn sanitize_is_idempotent_on_the_fixture() {
    let ds = hostile();
    let f = &ds.line("hostile").expect("loads").latest().file;
    for item in f.items() {
        assert_eq!(sanitize::clean(&item.label), item.label);
        assert_eq!(sanitize::clean_text(&item.source), item.source);
    }
}
