//! The meeting flow (issue 13): a broken file keeps its place, countdowns from today, filters on every
//! screen, keys for every line, breadcrumbs, answers to every key, small terminals — through `update`
//! and the rendered screen, with a fixed "today".

mod common;

// This file stays the crate root (not `tests/flow/main.rs`) and keeps the two insta tests: insta names
// a snapshot after the module path and looks for it beside `file!()`, so moving them would orphan
// `tests/snapshots/flow__*.snap`.
#[path = "flow/broken.rs"]
mod broken;
#[path = "flow/keys.rs"]
mod keys;
#[path = "flow/screens.rs"]
mod screens;
#[path = "flow/words.rs"]
mod words;

use chrono::NaiveDate;
use huibao::app::{update, Effect, Route, State};
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::board::LineId;
use huibao::model::load;
use huibao::text::width;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn state_of(dir: &Path, today: &str) -> State {
    State::new(load::load_dir(dir), Lang::Zh, day(today))
}

/// Presses the keys; returns every effect they asked for, in order.
fn press(s: &mut State, keys: &str) -> Vec<Effect> {
    huibao::app::update::press_keys(s, keys).unwrap()
}

/// The screen as text; every row fits the width.
fn screen(s: &State, size: (u16, u16), keys: &str) -> String {
    let text = to_text(&render_buffer(s.clone(), size, keys).unwrap());
    for (i, row) in text.lines().enumerate() {
        assert!(width(row) <= size.0 as usize, "row {i} too wide: {row}");
    }
    text
}

/// The seed data with a stray comma before `"groups"` in `safety.json`.
fn broken_safety() -> tempfile::TempDir {
    let dir = common::copy_data();
    let path = dir.path().join(common::SNAPSHOT).join("safety.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    dir
}

/// Runs `huibao ARGS` from the repository; (exit code, stdout, stderr).
fn huibao(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HUIBAO_DATA")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

fn seed_state() -> State {
    state_of(Path::new("data"), "2023-07-03")
}

/// The seed with six more lines (copies of 党的建设 under new ids): twelve lines.
fn twelve_lines() -> tempfile::TempDir {
    let dir = common::copy_data();
    let day = dir.path().join(common::SNAPSHOT);
    let party = std::fs::read_to_string(day.join("party.json")).unwrap();
    let town_path = dir.path().join("town.json");
    let mut town: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&town_path).unwrap()).unwrap();
    for k in 7..=12 {
        let id = format!("extra{k:02}");
        let text = party
            .replacen("\"id\": \"party\"", &format!("\"id\": \"{id}\""), 1)
            .replacen(
                "\"short\": \"党的建设\"",
                &format!("\"short\": \"线{k}\""),
                1,
            );
        std::fs::write(day.join(format!("{id}.json")), text).unwrap();
        town["lines"].as_array_mut().unwrap().push(id.into());
    }
    std::fs::write(&town_path, town.to_string()).unwrap();
    dir
}

#[test]
fn small_to_large_terminals_show_every_line_and_its_counts() {
    let seed = state_of(Path::new("data"), "2023-07-10");
    for (w, h) in [
        (40, 12),
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 50),
    ] {
        let text = screen(&seed, (w, h), "");
        for line in &seed.board.lines {
            assert!(
                text.contains(&line.short),
                "{w}x{h}: {}\n{text}",
                line.short
            );
        }
        assert_eq!(text.matches("红0 黄0").count(), 6, "{w}x{h}\n{text}");
        insta::assert_snapshot!(format!("overview_{w}x{h}"), text);
    }
    // From 60×20 every card has at least its top item; 40×12 is the one-column list.
    let text = screen(&seed, (60, 20), "");
    for first in [
        "党风廉政建设专题会议",
        "禾源白羽鸡养殖项目",
        "棚改群众安置上楼",
        "消防隐患排查整改",
    ] {
        assert!(text.contains(first), "{first}\n{text}");
    }
    let list = screen(&seed, (40, 12), "");
    assert!(
        list.lines().nth(2).unwrap().starts_with(">1 党的建设"),
        "{list}"
    );
}

#[test]
fn owners_and_the_next_fortnight_on_the_first_screen() {
    let h = state_of(Path::new("tests/fixtures/history"), "2024-05-10");
    let text = screen(&h, (120, 40), "");
    insta::assert_snapshot!("overview_history_owners_120x40", text);
    assert!(
        text.contains("示例白羽..（张副镇长）  15/20个 ✕  75%"),
        "{text}"
    );
    assert!(text.contains("（赵副镇长）"), "{text}");
    assert!(text.contains("近14天到期"), "{text}");
    assert!(
        text.contains("05-15 剩5天  安全生产 › 安全隐患排查整治台账"),
        "{text}"
    );
    // A line whose items name no owner has no 责任 column.
    let seed = screen(&seed_state(), (120, 40), "2");
    let head = seed.lines().nth(3).unwrap();
    assert!(head.contains("期限") && !head.contains("责任"), "{head}");
    let owned = screen(&h, (120, 40), "2");
    assert!(owned.lines().nth(3).unwrap().contains("责任"), "{owned}");
}
