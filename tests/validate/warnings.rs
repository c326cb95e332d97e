//! Warnings: the file loads, and the message still names the place and what looks wrong.

use super::*;

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
