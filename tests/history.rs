//! History through the model and `update`: changes (up, down, same, new, gone, withheld), carry-forward,
//! stepping between snapshot dates, and keeping the last good data when a file breaks.

use chrono::NaiveDate;
use huibao::app::{Route, State};
use huibao::cli::Lang;
use huibao::model::board::{Board, LineId};
use huibao::model::history::Change;
use huibao::model::{load, Dataset, Light};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history")
}

fn data() -> Dataset {
    let ds = load::load_dir(&fixture());
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
    ds
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn change(board: &Board, item_id: &str) -> Option<Change> {
    board
        .lines
        .iter()
        .flat_map(|l| l.items.iter())
        .find(|i| i.item.id == item_id)
        .unwrap_or_else(|| panic!("no item {item_id}"))
        .main_change()
}

fn light(board: &Board, item_id: &str) -> Light {
    board
        .lines
        .iter()
        .flat_map(|l| l.items.iter())
        .find(|i| i.item.id == item_id)
        .unwrap()
        .judgement
        .light
}

fn press(s: &mut State, keys: &str) {
    huibao::app::update::press_keys(s, keys).unwrap();
}

#[test]
fn ten_weekly_snapshots_load() {
    let ds = data();
    assert_eq!(ds.dates.len(), 10);
    assert_eq!(ds.dates.first(), Some(&d("2024-03-01")));
    assert_eq!(ds.latest_date(), Some(d("2024-05-03")));
}

#[test]
fn changes_up_down_same_withheld() {
    let board = Board::build(&data(), None);
    assert_eq!(change(&board, "party.theme-days"), Some(Change::Up(3.0)));
    assert_eq!(
        change(&board, "party.pending-appeals"),
        Some(Change::Down(1.0))
    );
    assert_eq!(
        change(&board, "party.secretary-lectures"),
        Some(Change::Same)
    );
    // 230 on 04-26, withheld on 05-03: unknown, never -230.
    assert_eq!(
        change(&board, "party.cadre-training"),
        Some(Change::Unknown)
    );
    let board = Board::build(&data(), Some(d("2024-04-12")));
    // Withheld on 04-05, 205 on 04-12: unknown too.
    assert_eq!(
        change(&board, "party.cadre-training"),
        Some(Change::Unknown)
    );
    let board = Board::build(&data(), Some(d("2024-03-08")));
    assert_eq!(change(&board, "party.theme-days"), Some(Change::Up(3.0)));
}

#[test]
fn new_and_gone_items() {
    let board = Board::build(&data(), Some(d("2024-04-12")));
    assert_eq!(change(&board, "party.youth-forum"), Some(Change::New));
    let board = Board::build(&data(), Some(d("2024-04-05")));
    let party = board.lines.iter().find(|l| l.id == "party").unwrap();
    let gone: Vec<&str> = party.removed.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(gone, vec!["party.winter-training"]);
    assert_eq!(party.prev_date, Some(d("2024-03-29")));
    let board = Board::build(&data(), Some(d("2024-04-12")));
    assert!(
        board.lines.iter().all(|l| l.removed.is_empty()),
        "gone is only reported the week it goes"
    );
}

#[test]
fn first_snapshot_has_no_changes() {
    let board = Board::build(&data(), Some(d("2024-03-01")));
    assert!(board
        .lines
        .iter()
        .all(|l| l.prev_date.is_none() && l.changed() == 0));
    assert_eq!(change(&board, "party.theme-days"), None);
}

#[test]
fn a_line_without_a_file_is_carried_forward() {
    let board = Board::build(&data(), None);
    let infra = board.lines.iter().find(|l| l.id == "infra").unwrap();
    assert!(infra.carried);
    assert_eq!(infra.as_of, d("2024-04-26"));
    let board = Board::build(&data(), Some(d("2024-04-12")));
    let infra = board.lines.iter().find(|l| l.id == "infra").unwrap();
    assert!(infra.carried);
    assert_eq!(infra.as_of, d("2024-04-05"));
    let board = Board::build(&data(), Some(d("2024-04-19")));
    let infra = board.lines.iter().find(|l| l.id == "infra").unwrap();
    assert!(!infra.carried);
    assert_eq!(
        infra.prev_date,
        Some(d("2024-04-05")),
        "compared with the last file it had"
    );
}

#[test]
fn lights_move_over_the_weeks() {
    let ds = data();
    let at = |date: &str| Board::build(&ds, Some(d(date)));
    assert_eq!(
        light(&at("2024-03-22"), "targets.land-transfer"),
        Light::OnTrack
    );
    assert_eq!(
        light(&at("2024-03-29"), "targets.land-transfer"),
        Light::Behind
    );
    assert_eq!(
        light(&at("2024-04-19"), "targets.land-transfer"),
        Light::SeverelyBehind
    );
    assert_eq!(
        light(&at("2024-04-05"), "projects.orchard-base"),
        Light::OnTrack
    );
    assert_eq!(
        light(&at("2024-04-12"), "projects.orchard-base"),
        Light::Done
    );
    assert_eq!(
        light(&at("2024-05-03"), "projects.broiler-farm"),
        Light::Overdue
    );
    assert_eq!(
        light(&at("2024-05-03"), "safety.hazard-ledger"),
        Light::Overdue
    );
    let laggards: Vec<String> = at("2024-05-03")
        .laggards()
        .into_iter()
        .map(|r| at("2024-05-03").item(r).unwrap().item.id.to_string())
        .collect();
    assert_eq!(laggards.len(), 3);
    assert_eq!(
        laggards[2], "targets.land-transfer",
        "overdue before severely behind"
    );
}

#[test]
fn stepping_between_dates_keeps_the_screen() {
    let mut s = State::new(data(), Lang::Zh, d("2024-05-10"));
    assert!(!s.is_history());
    press(&mut s, "1 j Enter");
    let Route::Item(id) = s.route() else { panic!() };
    assert_eq!(id.item, "party.secretary-lectures");
    let r = s.board.find(&id).unwrap();
    assert_eq!(s.board.item(r).unwrap().item.id, "party.secretary-lectures");
    press(&mut s, "[");
    assert_eq!(s.board.date, Some(d("2024-04-26")));
    assert!(s.is_history());
    let Route::Item(id) = s.route() else {
        panic!("{:?}", s.route())
    };
    let r = s.board.find(&id).unwrap();
    assert_eq!(
        s.board.item(r).unwrap().item.id,
        "party.secretary-lectures",
        "same item, earlier date"
    );
    press(&mut s, "[ [ [ [ [ [ [ [ [ [");
    assert_eq!(
        s.board.date,
        Some(d("2024-03-01")),
        "stops at the first date"
    );
    press(&mut s, "] ] ] ] ] ] ] ] ] ] ]");
    assert_eq!(
        s.board.date,
        Some(d("2024-05-03")),
        "stops at the latest date"
    );
    assert!(!s.is_history());
}

#[test]
fn stepping_to_a_date_without_the_item_falls_back_to_its_line() {
    let mut s = State::new(data(), Lang::Zh, d("2024-05-10"));
    let party = s.board.lines.iter().position(|l| l.id == "party").unwrap();
    let youth = s.board.lines[party]
        .items
        .iter()
        .position(|i| i.item.id == "party.youth-forum")
        .unwrap();
    press(&mut s, "1");
    for _ in 0..youth {
        press(&mut s, "j");
    }
    press(&mut s, "Enter");
    assert!(matches!(s.route(), Route::Item(_)));
    // The youth forum first appears on 04-12: on 04-05 the detail closes and the line panel stays.
    press(&mut s, "[ [ [ [");
    assert_eq!(s.board.date, Some(d("2024-04-05")));
    assert_eq!(s.route(), Route::Line(s.board.line_id(party).unwrap()));
}

#[test]
fn a_broken_file_keeps_its_last_good_data() {
    let tmp = tempfile::tempdir().unwrap();
    let src = fixture();
    copy_dir(&src, tmp.path());
    let good = load::load_dir(tmp.path());
    let party = tmp.path().join("2024-05-03/party.json");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, &text[..text.len() / 2]).unwrap();
    let mut fresh = load::load_dir(tmp.path());
    assert_eq!(fresh.errors().count(), 1);
    assert_eq!(
        fresh.line("party").unwrap().latest().date,
        d("2024-04-26"),
        "without the fallback it drops"
    );
    load::keep_last_good(&mut fresh, &good);
    assert_eq!(fresh.line("party").unwrap().latest().date, d("2024-05-03"));
    assert_eq!(fresh.errors().count(), 1, "the error is still reported");
    let mut s = State::new(good, Lang::Zh, d("2024-05-10"));
    press(&mut s, "1 j j");
    s.replace_data(fresh);
    assert_eq!(
        s.route(),
        Route::Line(LineId("party".into())),
        "the screen stays"
    );
    assert_eq!(s.line_selected(0), 2, "and so does the selection");
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A ledger whose 已整改 stayed while more hazards were found says so beside its figure (发现+1),
/// not 持平; one whose 已整改 moved shows that change.
#[test]
fn a_ledger_with_more_found_and_the_same_rectified_says_found() {
    use huibao::model::change_words::main_change_shown;
    let ds = data();
    let shown = |date: &str, id: &str| {
        let board = Board::build(&ds, Some(d(date)));
        let it = board
            .lines
            .iter()
            .flat_map(|l| l.items.iter())
            .find(|i| i.item.id == id)
            .unwrap_or_else(|| panic!("no item {id}"))
            .clone();
        main_change_shown(&it, Lang::Zh).map(|(_, words)| words)
    };
    // 04-26 → 05-03: found 9 → 10, rectified 7 → 7.
    assert_eq!(
        shown("2024-05-03", "safety.hazard-ledger").as_deref(),
        Some("发现+1")
    );
    // 04-19 → 04-26: found 9 → 9, rectified 6 → 7.
    assert_eq!(
        shown("2024-04-26", "safety.hazard-ledger").as_deref(),
        Some("+1")
    );
    // 04-26 → 05-03 of the other ledger: found 18 → 19, rectified 18 → 19.
    assert_eq!(
        shown("2024-05-03", "safety.fire-hazards").as_deref(),
        Some("+1")
    );
}
