//! Navigation through `update`, without a terminal: keys → keymap → actions → state and effects.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huibao::app::keymap::{action_for, parse_keys};
use huibao::app::{update, Action, Effect, Effects, Filter, Route, State};
use huibao::cli::Lang;
use huibao::model::board::{ItemId, LineId};
use huibao::model::{load, Light};

fn state() -> State {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let data = load::load_dir(&dir);
    State::new(data, Lang::Zh, NaiveDate::from_ymd_opt(2023, 7, 3).unwrap())
}

/// Presses the keys; returns every effect they asked for, in order.
fn press(s: &mut State, keys: &str) -> Vec<Effect> {
    huibao::app::update::press_keys(s, keys).unwrap()
}

fn line(id: &str) -> Route {
    Route::Line(LineId(id.into()))
}

fn line_at(s: &State, l: usize) -> Route {
    Route::Line(s.board.line_id(l).unwrap())
}

fn line_index(s: &State, id: &str) -> usize {
    s.board.lines.iter().position(|l| l.id == id).unwrap()
}

#[test]
fn digits_jump_to_lines_and_tab_cycles() {
    let mut s = state();
    assert_eq!(s.route(), Route::Overview);
    assert!(
        press(&mut s, "2").is_empty(),
        "moving asks nothing of the runtime"
    );
    assert_eq!(s.stack, vec![Route::Overview, line_at(&s, 1)]);
    press(&mut s, "Tab");
    assert_eq!(s.route(), line_at(&s, 2));
    press(&mut s, "S-Tab S-Tab S-Tab");
    let n = s.board.lines.len();
    assert_eq!(s.route(), line_at(&s, n - 1), "Shift-Tab wraps around");
    press(&mut s, "9");
    assert_eq!(
        s.route(),
        line_at(&s, n - 1),
        "a digit past the last line does nothing"
    );
}

#[test]
fn drill_down_to_the_heyuan_project_and_back() {
    let mut s = state();
    let eco = line_index(&s, "economy");
    press(&mut s, &format!("{}", eco + 1));
    press(&mut s, "Enter");
    let Route::Item(id) = s.route() else {
        panic!("expected an item, got {:?}", s.route())
    };
    assert_eq!(id.line, LineId("economy".into()), "routes name items by id");
    let it = s.board.item(s.board.find(&id).unwrap()).unwrap();
    assert!(it.item.label.contains("禾源"), "{}", it.item.label);
    assert!(it.item.source.contains("1.2亿元"));
    press(&mut s, "Esc");
    assert_eq!(s.route(), line("economy"));
    press(&mut s, "Backspace");
    assert_eq!(s.route(), Route::Overview);
    press(&mut s, "Esc");
    assert_eq!(
        s.stack,
        vec![Route::Overview],
        "back on the overview stays there"
    );
}

#[test]
fn moving_is_clamped_and_g_jumps_to_the_ends() {
    let mut s = state();
    press(&mut s, "1");
    let n = s.visible_items(0).len();
    press(&mut s, "k k");
    assert_eq!(s.line_selected(0), 0);
    press(&mut s, "j j");
    assert_eq!(s.line_selected(0), 2);
    let party = s.board.line_id(0).unwrap();
    let third = s.board.lines[0].items[2].item.id.clone();
    assert_eq!(
        s.screens.lines[&party].selected.as_deref(),
        Some(third.as_str()),
        "the panel's selection is kept by item id"
    );
    press(&mut s, "G");
    assert_eq!(s.line_selected(0), n - 1);
    press(&mut s, "j");
    assert_eq!(s.line_selected(0), n - 1);
    press(&mut s, "g");
    assert_eq!(s.line_selected(0), 0);
    press(&mut s, "Down Down Enter");
    let Route::Item(id) = s.route() else { panic!() };
    assert_eq!(
        id,
        ItemId {
            line: party,
            item: third.into()
        }
    );
}

#[test]
fn overview_selection_opens_the_selected_line() {
    let mut s = state();
    // ↓ moves a whole row of the grid (two cards a row at 80×24), → one card.
    press(&mut s, "j Right Enter");
    assert_eq!(s.route(), line_at(&s, 3));
    assert_eq!(s.overview_selected(), 3);
    assert_eq!(s.screens.overview.selected, s.board.line_id(3));
}

#[test]
fn search_finds_by_source_text_and_opens_the_hit() {
    let mut s = state();
    press(&mut s, "3 /");
    assert_eq!(s.route(), Route::Search);
    for c in "禾源".chars() {
        update(&mut s, Action::Input(c));
    }
    assert!(!s.screens.search.hits.is_empty());
    let all_match = s.screens.search.hits.iter().all(|r| {
        let it = s.board.item(*r).unwrap();
        it.item.label.contains("禾源") || it.item.source.contains("禾源")
    });
    assert!(all_match);
    // Typed letters go to the query, not to the keymap: q does not quit here.
    assert_eq!(press(&mut s, "q"), vec![]);
    assert_eq!(s.screens.search.query, "禾源q");
    press(&mut s, "Backspace Enter");
    let Route::Item(id) = s.route() else {
        panic!("{:?}", s.route())
    };
    let r = s.board.find(&id).unwrap();
    assert!(s.board.item(r).unwrap().source_contains("禾源"));
    assert!(
        !s.stack.contains(&Route::Search),
        "the search box closes when a hit opens"
    );
    press(&mut s, "Esc");
    assert_eq!(
        s.route(),
        Route::Line(id.line.clone()),
        "Esc goes to the item's own line (issue 13 point 8)"
    );
}

trait SourceContains {
    fn source_contains(&self, s: &str) -> bool;
}
impl SourceContains for huibao::model::board::ItemBoard {
    fn source_contains(&self, s: &str) -> bool {
        self.item.source.contains(s) || self.item.label.contains(s)
    }
}

#[test]
fn search_with_no_hit_opens_nothing() {
    let mut s = state();
    press(&mut s, "/ x y z Enter");
    assert_eq!(s.route(), Route::Search);
    assert!(s.screens.search.hits.is_empty());
    press(&mut s, "Esc");
    assert_eq!(s.route(), Route::Overview);
}

#[test]
fn filter_by_light_hides_other_items() {
    let mut s = state();
    press(&mut s, "f");
    assert_eq!(s.route(), Route::Filter);
    let choices = s.filter_choices();
    let done = choices
        .iter()
        .position(|c| *c == Some(Filter::Light(Light::Done)))
        .unwrap();
    for _ in 0..done {
        press(&mut s, "j");
    }
    press(&mut s, "Enter");
    assert_eq!(s.filter, Some(Filter::Light(Light::Done)));
    assert_eq!(s.route(), Route::Overview);
    let safety = line_index(&s, "safety");
    let vis = s.visible_items(safety);
    assert!(
        !vis.is_empty(),
        "the closed hazard ledger (11 of 11) is done"
    );
    assert!(vis
        .iter()
        .all(|&i| s.board.lines[safety].items[i].judgement.light == Light::Done));
    press(&mut s, "f");
    assert_eq!(
        s.filter_choices()[s.screens.filter.selected],
        s.filter,
        "the chooser opens on the active filter"
    );
    press(&mut s, "g Enter");
    assert_eq!(s.filter, None, "the first choice clears the filter");
}

#[test]
fn laggard_list_and_help_from_anywhere() {
    let mut s = state();
    press(&mut s, "2 Enter w");
    assert_eq!(s.route(), Route::Laggards);
    press(&mut s, "w");
    assert_eq!(s.stack.iter().filter(|r| **r == Route::Laggards).count(), 1);
    press(&mut s, "?");
    assert_eq!(s.route(), Route::Help);
    press(&mut s, "?");
    assert_eq!(s.route(), Route::Laggards, "? toggles help");
    press(&mut s, "Esc Esc");
    assert!(matches!(s.route(), Route::Line(_)));
}

#[test]
fn quit_with_q_and_ctrl_c() {
    let mut s = state();
    assert_eq!(press(&mut s, "q"), vec![Effect::Quit]);
    let mut s = state();
    let k = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let a = action_for(&s, &k);
    assert_eq!(a, Some(Action::Quit));
    assert_eq!(update(&mut s, a.unwrap()), Effects::one(Effect::Quit));
    let mut s = state();
    assert_eq!(
        press(&mut s, "/ C-c"),
        vec![Effect::Quit],
        "Ctrl-C quits from the search box too"
    );
}

#[test]
fn reload_and_suspend_are_effects_and_change_nothing_on_screen() {
    let mut s = state();
    press(&mut s, "2 j");
    let (stack, screens) = (s.stack.clone(), s.screens.clone());
    assert_eq!(press(&mut s, "r"), vec![Effect::Reload]);
    assert_eq!(
        update(&mut s, Action::Suspend),
        Effects::one(Effect::Suspend)
    );
    assert_eq!((s.stack, s.screens), (stack, screens));
}

#[test]
fn a_reload_keeps_routes_and_selections_by_id() {
    let mut s = state();
    press(&mut s, "2 j j Enter");
    let route = s.route();
    let mut data = s.data.clone();
    // The line moves to the end of the meeting order, and its first item disappears.
    let moved = data.lines.remove(1);
    data.lines.push(moved);
    let last = data.lines.len() - 1;
    for snap in &mut data.lines[last].snapshots {
        snap.file.groups[0].items.remove(0);
    }
    s.replace_data(data);
    assert_eq!(s.route(), route, "the same item stays open");
    let l = s
        .board
        .line_pos(&LineId(s.board.lines[last].id.clone()))
        .unwrap();
    assert_eq!(l, last);
    assert_eq!(s.line_selected(l), 1, "the selected row follows its item");
    press(&mut s, "Esc");
    assert_eq!(s.route(), line_at(&s, last));
}

#[test]
fn unknown_key_names_are_errors() {
    assert_eq!(parse_keys("j Entr").unwrap_err(), "unknown key \"Entr\"");
}
