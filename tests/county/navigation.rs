//! Navigation in the county through `update`: county → town → item and back, the lists across
//! towns, sorting, the slides, and a reload.

use super::{county, fixture, press, state};
use chrono::NaiveDate;
use huibao::app::keymap::hints;
use huibao::app::{Effect, Route, Slide, State};
use huibao::model::county::load_county;
use huibao::model::county_rank::SortBy;

#[test]
fn county_to_town_to_item_and_back() {
    let mut s = state();
    assert_eq!(s.stack, vec![Route::County]);
    assert_eq!(county(&s).selected, 0, "東山镇 has the most red items");
    let fx = press(&mut s, "Enter");
    assert_eq!(
        fx,
        vec![Effect::LoadTown(0)],
        "the whole history is asked for"
    );
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    assert!(
        hints(&s).iter().any(|(k, _)| k.starts_with("Esc")),
        "Esc returns to the county"
    );
    assert_eq!(s.data.town.name, "东山镇");
    assert_eq!(county(&s).open, Some(0));
    press(&mut s, "2 Enter");
    assert!(matches!(s.route(), Route::Item(_)));
    assert_eq!(s.stack.len(), 4);
    assert!(press(&mut s, "Esc Esc").is_empty());
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County]);
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County], "the county is the bottom");
    let hinted = |s: &State| -> Vec<&str> { hints(s).into_iter().map(|(k, _)| k).collect() };
    assert!(
        !hinted(&s).contains(&"Esc"),
        "no Esc hint where Esc does nothing: {:?}",
        hinted(&s)
    );
    // The second town opens as today, with its own data.
    press(&mut s, "j Enter");
    assert_eq!(s.data.town.name, "西河镇");
    assert_eq!(s.board.date, NaiveDate::from_ymd_opt(2024, 4, 26));
}

#[test]
fn the_whole_history_replaces_the_newest_snapshots_keeping_the_route() {
    let mut s = state();
    press(&mut s, "Enter 2 Enter");
    let route = s.route();
    let full = huibao::model::county::load_town(&fixture().join("dongshan"), None, 0);
    assert_eq!(full.dates.len(), 3);
    s.replace_data(full);
    assert_eq!(s.route(), route);
    assert_eq!(s.data.dates.len(), 3);
    press(&mut s, "[");
    assert_eq!(s.board.date, NaiveDate::from_ymd_opt(2024, 4, 26));
}

#[test]
fn the_county_laggard_list_spans_towns_and_opens_items() {
    let mut s = state();
    press(&mut s, "w");
    assert_eq!(s.route(), Route::CountyLaggards);
    let c = county(&s);
    assert_eq!(c.laggards.len(), 5);
    let towns: std::collections::BTreeSet<usize> = c.laggards.iter().map(|x| x.town).collect();
    assert_eq!(towns.into_iter().collect::<Vec<_>>(), [0, 1]);
    press(&mut s, "j Enter");
    assert_eq!(s.data.town.name, "西河镇", "the second laggard is 西河镇's");
    assert!(matches!(s.route(), Route::Item(_)));
    press(&mut s, "Esc");
    assert_eq!(s.stack, vec![Route::County, Route::CountyLaggards]);
}

#[test]
fn search_spans_towns() {
    let mut s = state();
    press(&mut s, "/ 果 业");
    assert_eq!(s.route(), Route::CountySearch);
    let hits: Vec<usize> = county(&s).hits.iter().map(|h| h.town).collect();
    assert_eq!(hits, [0, 1]);
    press(&mut s, "Down Enter");
    assert_eq!(s.data.town.name, "西河镇");
    assert!(matches!(s.route(), Route::Item(_)));
    press(&mut s, "Esc");
    assert_eq!(
        s.stack,
        vec![Route::County],
        "the search box closed on Enter"
    );
}

#[test]
fn sorting_cycles_and_keeps_the_selected_town() {
    let mut s = state();
    press(&mut s, "j");
    assert_eq!(county(&s).selected, 1);
    press(&mut s, "s");
    assert_eq!(county(&s).sort, SortBy::Staleness);
    assert_eq!(
        county(&s).order,
        [3, 1, 0, 2],
        "oldest data first, failed towns last"
    );
    assert_eq!(county(&s).selected, 1);
    press(&mut s, "s");
    assert_eq!(county(&s).order, [0, 1, 2, 3]);
    press(&mut s, "s");
    assert_eq!(county(&s).sort, SortBy::Red);
}

#[test]
fn slides_are_the_ranking_then_each_town_with_its_lines() {
    let mut s = state();
    s.start_presenting(None);
    // 东山镇 and 西河镇 have five work lines each, 木洞镇 its key indicators only; 南岭镇 did not load.
    let lines = |t: usize, n: usize| (0..n).map(move |l| Slide::TownLine(t, l));
    let mut want = vec![Slide::Ranking, Slide::Town(0)];
    want.extend(lines(0, 5));
    want.push(Slide::Town(1));
    want.extend(lines(1, 5));
    want.extend([Slide::Town(2), Slide::Town(3)]);
    assert_eq!(s.slides(), want);
    // Esc on a town's line slide leaves for that line of that town.
    press(&mut s, "Space Space Space");
    assert_eq!(s.slide(), Some(Slide::TownLine(0, 1)));
    let fx = press(&mut s, "Esc");
    assert_eq!(fx, vec![Effect::LoadTown(0)]);
    let line = s.board.line_id(1).unwrap();
    assert_eq!(
        s.stack,
        vec![Route::County, Route::Overview, Route::Line(line)]
    );

    let mut s = state();
    s.start_presenting(None);
    press(&mut s, &["Space"; 7].join(" "));
    assert_eq!(s.slide(), Some(Slide::Town(1)));
    let fx = press(&mut s, "Esc");
    assert_eq!(fx, vec![Effect::LoadTown(1)]);
    assert!(s.present.is_none());
    assert_eq!(s.stack, vec![Route::County, Route::Overview]);
    assert_eq!(s.data.town.name, "西河镇");
}

#[test]
fn a_reload_of_the_county_keeps_the_screens_and_reloads_the_open_town() {
    let mut s = state();
    press(&mut s, "j");
    assert_eq!(press(&mut s, "r"), vec![Effect::Reload]);
    let fx = huibao::app::county::replace_county(&mut s, load_county(&fixture()));
    assert!(fx.is_empty(), "no town is open");
    assert_eq!(county(&s).selected, 1, "the selection stays");
    press(&mut s, "Enter 2");
    let fx = huibao::app::county::replace_county(&mut s, load_county(&fixture()));
    assert_eq!(fx.iter().collect::<Vec<_>>(), vec![Effect::LoadTown(1)]);
    assert!(
        matches!(s.route(), Route::Line(_)),
        "the town's screen stays"
    );
}

/// Help over the county answers only its own keys: `f`, `w` or a line key there used to reach the
/// screens of whichever town was open last (a filter the county's counts ignore, a town's laggard
/// list under 全县总览 › 东山镇 though no town was opened). The footer offers only those keys.
#[test]
fn help_over_the_county_takes_only_its_own_keys() {
    let mut s = state();
    press(&mut s, "Enter Esc ?");
    assert_eq!(s.stack, vec![Route::County, Route::Help]);
    press(&mut s, "f w 2 [ Tab");
    assert_eq!(s.stack, vec![Route::County, Route::Help], "{:?}", s.stack);
    assert_eq!(s.filter, None);
    assert!(s.notice.is_some(), "the footer says why nothing happened");
    let keys: Vec<&str> = hints(&s).iter().map(|(k, _)| *k).collect();
    assert!(
        !keys.iter().any(|k| ["w", "f", "[ ]"].contains(k)),
        "{keys:?}"
    );
    press(&mut s, "j Esc");
    assert_eq!(s.stack, vec![Route::County]);
}

/// A town that did not load (its row says why) does not open: Enter on it used to show an empty
/// dashboard headed '数据截至 2024-05-03 [历史 · 最新 ]' and a notice '已重新加载 2个文件'.
#[test]
fn a_town_that_did_not_load_does_not_open_and_says_why() {
    let mut s = state();
    let broken = county(&s)
        .order
        .iter()
        .position(|&t| county(&s).county.towns[t].failure.is_some())
        .expect("nanling is broken");
    for _ in 0..broken {
        press(&mut s, "j");
    }
    let fx = press(&mut s, "Enter");
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(s.stack, vec![Route::County]);
    let notice = s
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        notice.contains("nanling") && notice.contains("未能加载"),
        "{notice}"
    );
}

/// Esc on the slide of a town that did not load leaves for the county, on that town's row.
#[test]
fn esc_on_the_slide_of_a_town_that_did_not_load_shows_the_county() {
    let mut s = state();
    press(&mut s, "Enter Esc");
    s.start_presenting(None);
    let n = s.slides().len();
    (0..n)
        .find(|_| {
            let here = matches!(s.slide(), Some(Slide::Town(t)) if county(&s).county.towns[t].failure.is_some());
            if !here {
                press(&mut s, "Space");
            }
            here
        })
        .expect("a slide for nanling");
    let fx = press(&mut s, "Esc");
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(s.stack, vec![Route::County]);
    assert!(s.present.is_none());
    let t = county(&s).selected;
    assert!(county(&s).county.towns[t].failure.is_some());
}
