use super::*;
use crate::model::format::Day;
use crate::model::Group;
use chrono::NaiveDate;

fn item(id: &str, label: &str, unit: &str) -> Item {
    serde_json::from_value(serde_json::json!({
        "id": id, "label": label, "source": format!("{label}6{unit}"),
        "figures": [ { "value": 6, "unit": unit } ]
    }))
    .unwrap_or_else(|e| panic!("{e}"))
}

fn line(id: &str, groups: Vec<(&str, Vec<Item>)>) -> LineFile {
    LineFile {
        schema: None,
        id: id.into(),
        title: "重点项目".into(),
        short: None,
        as_of: Day(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()),
        office: None,
        leader: None,
        role: crate::model::LineRole::Work,
        period: None,
        groups: groups
            .into_iter()
            .map(|(title, items)| Group {
                title: title.into(),
                period: None,
                items,
            })
            .collect(),
    }
}

fn ids(l: &LineFile) -> Vec<&str> {
    l.items().map(|i| i.id.as_str()).collect()
}

#[test]
fn another_village_building_quarter_or_crop_is_another_item() {
    // Last week's items are done and dropped; this week's are new ones that differ by the word that
    // tells them apart. Each keeps its own drafted id: a missed match shows 新增 + 已移除, a wrong one
    // would show 张庄村's spending as 李庄村's.
    let old = vec![line(
        "projects",
        vec![(
            "在建项目",
            vec![
                item("projects.zhang", "张庄村饮水工程", "万元"),
                item("projects.b1", "1号楼主体", "层"),
                item("projects.q1", "一季度目标", "万元"),
                item("projects.wheat", "小麦种植面积", "亩"),
                item("projects.done", "已整改隐患", "处"),
                item("projects.y23", "2023年目标", "户"),
                item("projects.new", "新建村级道路", "公里"),
                item("projects.gc", "农村改厕", "户"),
                item("projects.kg", "计划投资", "万元"),
                item("projects.hy", "禾源养殖场扩建", "万元"),
                item("projects.qs", "青山村卫生室建设", "万元"),
            ],
        )],
    )];
    let mut new = vec![line(
        "projects",
        vec![(
            "在建项目",
            vec![
                item("projects.li", "李庄村饮水工程", "万元"),
                item("projects.b11", "11号楼主体", "层"),
                item("projects.q2", "二季度目标", "万元"),
                item("projects.corn", "玉米种植面积", "亩"),
                item("projects.open", "未整改隐患", "处"),
                item("projects.y24", "2024年目标", "户"),
                item("projects.re", "改建村级道路", "公里"),
                item("projects.ys", "农村改厕验收", "户"),
                item("projects.xm", "投资", "万元"),
                item("projects.xxw", "新希望养殖场扩建", "万元"),
                item("projects.llw", "柳林湾村卫生室建设", "万元"),
            ],
        )],
    )];
    let r = reuse_ids_noting(&old, &mut new);
    assert_eq!(r, Reused::default());
    assert_eq!(
        ids(&new[0]),
        [
            "projects.li",
            "projects.b11",
            "projects.q2",
            "projects.corn",
            "projects.open",
            "projects.y24",
            "projects.re",
            "projects.ys",
            "projects.xm",
            "projects.xxw",
            "projects.llw"
        ]
    );
}

#[test]
fn a_label_reworded_by_adding_or_dropping_words_still_keeps_its_id() {
    let old = vec![line(
        "party",
        vec![(
            "组织建设",
            vec![
                item("party.train", "培训党员", "人次"),
                item("party.yq", "处置化解意识形态方面网络舆情信息", "次"),
            ],
        )],
    )];
    let mut new = vec![line(
        "party",
        vec![(
            "组织建设",
            vec![
                item("party.t2", "培训党员干部", "人次"),
                item("party.ts", "妥善处置网络舆情信息", "次"),
            ],
        )],
    )];
    let r = reuse_ids_noting(&old, &mut new);
    assert_eq!(ids(&new[0]), ["party.train", "party.yq"]);
    assert_eq!(r.renamed.len(), 2);
}

#[test]
fn the_same_label_in_two_groups_keeps_the_id_of_its_own_group() {
    let old = vec![line(
        "roads",
        vec![
            ("城区", vec![item("roads.dao-lu", "道路", "公里")]),
            ("乡村", vec![item("roads.dao-lu-2", "道路", "公里")]),
        ],
    )];
    // The groups come in another order this week: each 道路 keeps its own group's history.
    let mut swapped = vec![line(
        "roads",
        vec![
            ("乡村", vec![item("roads.dao-lu", "道路", "公里")]),
            ("城区", vec![item("roads.dao-lu-2", "道路", "公里")]),
        ],
    )];
    assert_eq!(reuse_ids(&old, &mut swapped), 2);
    assert_eq!(ids(&swapped[0]), ["roads.dao-lu-2", "roads.dao-lu"]);
    // 城区 is done and dropped: 乡村's 道路 keeps 乡村's id, not 城区's.
    let mut one = vec![line(
        "roads",
        vec![("乡村", vec![item("roads.dao-lu", "道路", "公里")])],
    )];
    assert_eq!(reuse_ids(&old, &mut one), 1);
    assert_eq!(ids(&one[0]), ["roads.dao-lu-2"]);
}

#[test]
fn a_taizhang_sharing_one_item_with_a_report_line_of_its_id_gets_its_own_line() {
    // The report's 民生保障 also states the 台账's 农村改厕; the 台账, drafted as `livelihood` too,
    // is another line, not 民生保障 renamed: its own id, never written over the report's file.
    let mut report = line(
        "livelihood",
        vec![(
            "民生",
            vec![
                item("livelihood.gai-ce", "农村改厕", "户"),
                item("livelihood.grid", "网格", "个"),
                item("livelihood.yb", "医保参保", "人"),
            ],
        )],
    );
    report.title = "民生保障".into();
    let mut ledger = line(
        "livelihood",
        vec![(
            "民生实事",
            vec![
                item("livelihood.a", "农村改厕", "户"),
                item("livelihood.b", "改造危房", "户"),
                item("livelihood.c", "新建公厕", "座"),
            ],
        )],
    );
    ledger.title = "民生实事台账".into();
    let mut drafted = vec![ledger];
    reuse_ids(&[report], &mut drafted);
    assert_eq!(drafted[0].id, "livelihood-2");
}

#[test]
fn a_group_of_the_same_kind_replacing_another_does_not_take_its_items_ids() {
    let item_in = |id: &str, label: &str| item(id, label, "万元");
    let old = vec![line(
        "invest",
        vec![
            ("一季度", vec![item_in("invest.q1", "完成投资")]),
            ("二季度", vec![item_in("invest.q2", "完成投资")]),
            ("张庄村", vec![item_in("invest.zz", "道路硬化投资")]),
            ("抓好夏粮收购", vec![item_in("invest.buy", "收购资金")]),
        ],
    )];
    // 一季度 and 张庄村 are done; 三季度 and 王庄村 are new, with items of the same labels. The
    // reworded heading keeps its item's id.
    let mut new = vec![line(
        "invest",
        vec![
            ("二季度", vec![item_in("invest.wan-cheng", "完成投资")]),
            ("三季度", vec![item_in("invest.wan-cheng-2", "完成投资")]),
            ("王庄村", vec![item_in("invest.dao-lu", "道路硬化投资")]),
            ("做好夏粮收购", vec![item_in("invest.shou-gou", "收购资金")]),
        ],
    )];
    assert_eq!(reuse_ids(&old, &mut new), 2);
    assert_eq!(
        ids(&new[0]),
        [
            "invest.q2",
            "invest.wan-cheng-2",
            "invest.dao-lu",
            "invest.buy"
        ]
    );
}
