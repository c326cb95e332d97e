//! Every county screen snapshotted at 80×24 and 120×40 with a fixed "today": the overview, the laggard
//! list and search across towns, help, a town opened from the county, and the presenter slides.

use chrono::NaiveDate;
use huibao::app::State;
use huibao::cli::Lang;
use huibao::commands::render::{render_buffer, to_text};
use huibao::model::county::load_county;
use huibao::text::width;

fn state(present: bool) -> State {
    // Relative to the package root, so the paths on screen are the same on every machine.
    let dir = std::path::Path::new("tests/fixtures/county");
    let mut s = State::new_county(
        load_county(dir),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(),
    );
    if present {
        s.start_presenting(None);
    }
    s
}

/// (snapshot name, presenter mode, keys replayed) for every county screen.
const SCREENS: &[(&str, bool, &str)] = &[
    ("county_overview", false, ""),
    ("county_overview_by_staleness", false, "s"),
    ("county_laggards", false, "w"),
    ("county_search", false, "/ 果 业"),
    ("county_help", false, "?"),
    ("county_town_overview", false, "Enter"),
    ("county_town_item", false, "w Enter"),
    ("county_slide_ranking", true, ""),
    ("county_slide_town", true, "Space"),
    ("county_slide_town_line", true, "Space Space"),
    (
        "county_slide_broken_town",
        true,
        "Space Space Space Space Space Space Space Space Space Space Space Space Space",
    ),
];

#[test]
fn every_county_screen_at_80x24_and_120x40() {
    for (name, present, keys) in SCREENS {
        for size in [(80u16, 24u16), (120, 40)] {
            let buf = render_buffer(state(*present), size, keys).unwrap();
            let text = to_text(&buf);
            for (i, row) in text.lines().enumerate() {
                assert!(
                    width(row) <= size.0 as usize,
                    "{name}: row {i} is {} wide: {row}",
                    width(row)
                );
            }
            insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text);
        }
    }
}

/// The key figures column keeps each figure and its change whole and lets the label give way: at
/// 80 columns it read '主题党日活动 39次..' (the change cut), and with the generator's longer labels
/// '党风廉政建设专题..' (no number at all).
#[test]
fn key_figures_keep_their_numbers_whole() {
    for size in [(80u16, 24u16), (120, 40)] {
        let text = to_text(&render_buffer(state(false), size, "").unwrap());
        let row = text.lines().find(|l| l.contains("东山镇")).unwrap();
        assert!(row.contains("39次 +3"), "{size:?}: {row}");
        assert!(!row.contains("39次.."), "{size:?}: {row}");
        if size.0 >= 100 {
            assert!(row.contains("500/500亩"), "{size:?}: {row}");
        }
    }
}
