use super::*;

fn l(clause: &str, figure: &str) -> (String, bool) {
    let start = clause.find(figure).unwrap_or(0);
    label(clause, start, start + figure.len(), None)
}

/// Clauses, the figure in each, the label drafted for it and whether the label is sure.
const CLAUSES: &[(&str, &str, &str, bool)] = &[
    (
        "召开党风廉政建设专题会议6次",
        "6次",
        "党风廉政建设专题会议",
        true,
    ),
    ("开展党员干部廉政培训2次", "2次", "党员干部廉政培训", true),
    (
        "共运用“第一种形态”教育处理干部42人次",
        "42人次",
        "运用“第一种形态”教育处理干部",
        true,
    ),
    (
        "开展习近平总书记重要讲话精神、二十届一中全会精神等理论学习6次",
        "6次",
        "理论学习",
        true,
    ),
    ("召开“支书述职会”**场", "**场", "支书述职会", true),
    ("成立50家信用折扣店", "50家", "信用折扣店", true),
    (
        "并实现1069户棚改群众安置上楼",
        "1069户",
        "棚改群众安置上楼",
        true,
    ),
    ("完成汤西河道改造约260米", "约260米", "汤西河道改造", true),
    (
        "对辖区内改厕厕所进行检查维修共2340处",
        "2340处",
        "改厕厕所检查维修",
        true,
    ),
    (
        "计划投资6000万元对镇区污水管网进行升级改造",
        "6000万元",
        "镇区污水管网升级改造",
        true,
    ),
    ("年可烘干2万余吨粮食", "2万余吨", "年可烘干粮食", false),
    ("推动300亩的农业种业基地", "300亩", "农业种业基地", true),
    (
        "整理填写**个行政村的村情档案",
        "**个",
        "行政村村情档案",
        true,
    ),
    (
        "确保2023完成地方级税收任务数1898万元",
        "1898万元",
        "地方级税收任务",
        true,
    ),
    ("工业产值累计达6.88亿元", "6.88亿元", "工业产值", true),
    ("共摸排出矛盾纠纷**起", "**起", "摸排矛盾纠纷", true),
    (
        "新增“五上”企业27家(其中,批发21家",
        "27家",
        "新增“五上”企业",
        true,
    ),
    ("对于排查出的 280 余项隐患", "280 余项", "排查隐患", false),
    (
        "成功完成 621.61 亩流出耕地的整改复耕任务",
        "621.61 亩",
        "流出耕地整改复耕任务",
        true,
    ),
    (
        "***镇4个社区均已完成主体施工、装修及单体验收",
        "4个",
        "社区完成主体施工、装修及单体验收",
        true,
    ),
    (
        "推动家电、3C等消费券惠及1.2万人次",
        "1.2万人次",
        "消费券惠及",
        true,
    ),
];

#[test]
fn labels_from_clauses() {
    for &(clause, fig, want, sure) in CLAUSES {
        assert_eq!(l(clause, fig), (want.to_string(), sure), "{clause}");
    }
    let c = "投资320万元";
    assert_eq!(
        label(c, 0, c.len(), Some("对村级道路进行硬化、整修")),
        ("村级道路硬化、整修".to_string(), false)
    );
}

#[test]
fn slugs() {
    assert_eq!(slug("“一帮一”带动村集体增收"), "一帮一带动村集体增收");
    assert_eq!(slug("、，"), "item");
}

#[test]
fn a_period_or_place_is_cut_only_as_a_whole_word() {
    // 上半年度 is one word, and 镇域 is the town's area: nothing is cut in half.
    assert_eq!(
        l("上半年度完成投资3000万元", "3000万元"),
        l("完成投资3000万元", "3000万元")
    );
    assert_eq!(l("全镇域面积120平方公里", "120平方公里").0, "全镇域面积");
    assert_eq!(l("全乡域森林覆盖率达到60%", "60%").0, "全乡域森林覆盖率");
    // What the rule is for still holds.
    assert_eq!(
        l("全乡村级集体经济收入达到500万元", "500万元").0,
        "村级集体经济收入"
    );
}

#[test]
fn a_lead_word_is_not_cut_off_the_one_word_it_makes() {
    // 完成率, 到位率: the rate's name, not 完成 before 率.
    assert_eq!(l("完成率75%", "75%").0, "完成率");
    assert_eq!(l("整改完成率达到98%", "98%").0, "整改完成率");
    assert_eq!(l("实现率90%", "90%").0, "实现率");
    // A year in front takes its 年度 with it (it left 度完成投资).
    assert_eq!(l("2024年度完成投资3000万元", "3000万元").0, "完成投资");
    assert_eq!(l("2024年新建党支部8家", "8家").0, "新建党支部");
}

#[test]
fn a_date_or_a_colon_in_front_is_not_the_label() {
    // 龙伏镇 2018 Q1; a safety report's 其中:危化品企业10家 (the store writes ： as :).
    for (clause, figure, want) in [
        (
            "截止到3月15日完成财政总收入309万元",
            "309万元",
            "财政总收入",
        ),
        ("截至6月15日完成造林500亩", "500亩", "造林"),
        (":危化品企业10家", "10家", "危化品企业"),
        ("：工贸企业33家", "33家", "工贸企业"),
    ] {
        assert_eq!(l(clause, figure).0, want, "{clause}");
    }
}

#[test]
fn a_count_of_what_there_is_keeps_its_noun_and_not_the_next_figure() {
    // A safety report: 全镇共有12个村(社区); 全镇共有14462户,47181人.
    assert_eq!(l("全镇共有12个村(社区)", "12个").0, "村(社区)");
    let clause = "全镇共有14462户";
    let (got, sure) = label(clause, 12, clause.len(), Some("47181人"));
    assert_ne!(got, "47181人");
    assert!(!sure);
}

#[test]
fn a_verb_of_having_or_reaching_before_the_figure_is_not_the_label() {
    // 沙沟镇 2020; a safety report's 各类企业共有54家.
    assert_eq!(
        l("2020年地方财政收入实现2496万元", "2496万元").0,
        "地方财政收入"
    );
    assert_eq!(
        l("纳入监管的各类企业共有54家", "54家").0,
        "纳入监管各类企业"
    );
}

#[test]
fn a_short_bracket_inside_a_name_stays() {
    // A party-building summary: 100余名村(场)主要领导和60余名机关站所干部参加的综合理论培训班.
    let clause = "100余名村(场)主要领导和";
    assert_eq!(l(clause, "100余名").0, "村(场)主要领导");
    // A long aside is not part of the name.
    assert_eq!(
        l("批发零售企业27家(其中,批发21家)", "27家").0,
        "批发零售企业"
    );
}

#[test]
fn there_are_is_not_the_label() {
    // A 2022 Q1 town summary: 有2.2万户发展养殖业.
    assert_eq!(l("有2.2万户发展养殖业", "2.2万户").0, "发展养殖业");
}
