//! The key figures of a town's row: its indicators first, with their change since the last week.

use super::{fixture, variant};
use huibao::model::county::load_county;

#[test]
fn key_figures_come_from_the_towns_indicators_first() {
    let c = load_county(&fixture());
    let mudong = &c.towns[3];
    let text = huibao::ui::county::indicators_text(mudong, 2, huibao::model::Lang::Zh);
    // 木洞镇's 主要指标 (copied from its 2024 government work report), with their growth.
    assert_eq!(
        text,
        "固定资产投资 ▲20.1% · 规模以上工业总产值 84亿元 ▲1.2%"
    );
    // A town without 主要指标 falls back to each line's first item with a figure.
    let dongshan = huibao::ui::county::indicators_text(&c.towns[0], 1, huibao::model::Lang::Zh);
    assert!(dongshan.starts_with(c.towns[0].board.lines[0].items[0].item.label.as_str()));
}

#[test]
fn key_figures_show_their_change_since_the_previous_snapshot() {
    // A second week for 木洞镇 in which one indicator moved (a derived folder, not a fixture).
    let (_t, c) = variant(|d| {
        let town = d.join("mudong");
        let old = town.join("2023-12-31/indicators.json");
        let text = std::fs::read_to_string(&old).unwrap();
        std::fs::create_dir(town.join("2024-01-07")).unwrap();
        let moved = text
            .replace("\"value\": 84,", "\"value\": 86,")
            .replace("\"as_of\": \"2023-12-31\"", "\"as_of\": \"2024-01-07\"");
        std::fs::write(town.join("2024-01-07/indicators.json"), moved).unwrap();
    });
    let text = huibao::ui::county::indicators_text(&c.towns[3], 2, huibao::model::Lang::Zh);
    assert_eq!(
        text,
        "固定资产投资 ▲20.1% · 规模以上工业总产值 86亿元 ▲1.2% +2"
    );
}

/// A ledger among a town's key figures says 发现+1 when 已整改 stayed while one more hazard was
/// found (东山镇: 9 → 10 found, 7 → 7 rectified), as the line panel does, not 持平 or nothing.
#[test]
fn a_ledgers_key_figure_says_found_when_only_found_moved() {
    let c = load_county(&fixture());
    let dongshan = huibao::ui::county::indicators_text(&c.towns[0], 20, huibao::model::Lang::Zh);
    assert!(dongshan.contains("7/10处 发现+1"), "{dongshan}");
}
