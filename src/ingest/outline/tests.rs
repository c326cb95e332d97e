use super::*;

fn p(text: &str) -> Para {
    Para {
        text: text.into(),
        level: None,
        table: false,
        ..Default::default()
    }
}

#[test]
fn heading_numbers() {
    let table = [
        ("一、工作总结", Some(1)),
        ("十二、其他", Some(1)),
        ("（一）加强思想政治建设", Some(2)),
        ("(三)民生", Some(2)),
        ("1、落实全面从严管党治党。", Some(3)),
        ("2.把握意识形态", Some(3)),
        ("3．在素质提升中转作风", Some(3)),
        ("（1）培训", Some(3)),
        ("1.2亿元的项目", None),
        ("12月底前", None),
        ("一是统筹片区发展", None),
        ("今年以来", None),
    ];
    for (text, level) in table {
        assert_eq!(heading_mark(text).map(|m| m.0), level, "{text}");
    }
}

#[test]
fn tree_from_headings_and_hints() {
    let tree = outline(&[
        p("**镇2023年上半年工作汇报"),
        p("一、工作总结"),
        p("（一）党建"),
        p("1、落实从严治党。召开会议6次。"),
        p("2、意识形态。学习6次。"),
        p("（二）经济"),
        p("正文"),
        Para {
            text: "下步打算".into(),
            level: Some(1),
            table: false,
            ..Default::default()
        },
        p("一是统筹发展。依托优势。二是激发活力。流转600亩。"),
    ]);
    assert_eq!(tree.paras, ["**镇2023年上半年工作汇报"]);
    assert_eq!(tree.kids.len(), 2);
    let summary = &tree.kids[0];
    assert_eq!(summary.title, "工作总结");
    assert_eq!(summary.kids[0].kids[0].title, "落实从严治党");
    assert_eq!(summary.kids[0].kids[0].paras, ["召开会议6次。"]);
    assert_eq!(summary.kids[1].paras, ["正文"]);
    let next = &tree.kids[1];
    let u = units(&next.paras[0]);
    assert_eq!(u.len(), 2);
    assert_eq!(u[1].heading.as_deref(), Some("激发活力"));
    assert_eq!(u[1].body, "流转600亩。");
}

#[test]
fn sentences_keep_quotes_whole() {
    assert_eq!(
        sentences("落实“一岗双责。”的要求；召开会议6次。 余下"),
        ["落实“一岗双责。”的要求；", "召开会议6次。", "余下"]
    );
}

#[test]
fn an_unmarked_year_review_line_is_a_heading() {
    // 沙沟镇2021年政府工作报告: 2020年工作回顾 stands alone after the title block.
    let paras: Vec<Para> = [
        "沙沟镇2021年政府工作报告",
        "各位代表:",
        "2020年工作回顾",
        "财政收入2496万元。",
    ]
    .map(p)
    .to_vec();
    let root = outline(&paras);
    assert_eq!(root.paras, ["沙沟镇2021年政府工作报告", "各位代表:"]);
    assert_eq!(root.kids.len(), 1);
    assert_eq!(root.kids[0].title, "2020年工作回顾");
    assert_eq!(root.kids[0].paras, ["财政收入2496万元。"]);
    // The title itself stays the title.
    let root = outline(&[p("2023年工作总结"), p("召开会议6次。")]);
    assert!(root.kids.is_empty());
}

#[test]
fn a_list_of_parts_after_a_semicolon_stays_with_its_whole() {
    // A half-year party-building summary: the parts of 10785人次 run on after ；.
    let text = "培训10785人次;其中棉花3800人次;畜牧业2700人次;果树1265人次、蔬菜1082人次。\
                派出60余名干部;新建党群服务站3个;其中村级2个;召开会议6次。";
    assert_eq!(
        sentences(text),
        [
            "培训10785人次;其中棉花3800人次;畜牧业2700人次;果树1265人次、蔬菜1082人次。",
            "派出60余名干部;",
            "新建党群服务站3个;其中村级2个;",
            "召开会议6次。",
        ]
    );
}

#[test]
fn a_quote_never_closed_holds_nothing_together() {
    // 下沙街道 2022: the first “ of 面对“4·7下沙社区遭遇战 is never closed.
    let text = "面对“4·7下沙社区遭遇战,迅速划定“三区”。组建1800余名战时力量;做好1250名管控人员的服务保障。";
    assert_eq!(
        sentences(text),
        [
            "面对“4·7下沙社区遭遇战,迅速划定“三区”。",
            "组建1800余名战时力量;",
            "做好1250名管控人员的服务保障。",
        ]
    );
    assert_eq!(unclosed("面对“4·7遭遇战,划定“三区”"), [6]);
    assert!(unclosed("“一岗双责”(试行)").is_empty());
}

#[test]
fn a_numbered_sentence_of_figures_is_an_item_not_a_title() {
    // A short report lists its results as 1、2、 sentences under （一）: their figures are items.
    let tree = outline(&[
        p("一、经济发展"),
        p("（一）项目建设"),
        p("1、完成固定资产投资3.2亿元，同比增长10.6%。"),
        p("2、加强组织建设"),
        p("召开会议6次。"),
    ]);
    let group = &tree.kids[0].kids[0];
    assert_eq!(group.title, "项目建设");
    let (stated, heading) = (&group.kids[0], &group.kids[1]);
    assert_eq!(stated.title, "");
    assert_eq!(stated.paras, ["完成固定资产投资3.2亿元，同比增长10.6%。"]);
    // A title without figures stays a title, with its paragraphs under it.
    assert_eq!(heading.title, "加强组织建设");
    assert_eq!(heading.paras, ["召开会议6次。"]);
}

#[test]
fn a_chapter_heading_that_states_figures_keeps_its_title_over_its_sections() {
    // 一、 states a figure and still heads sections: a line needs its title (never ""), and the
    // figure is kept as the chapter's own paragraph.
    let tree = outline(&[
        p("一、2023年完成地区生产总值12.5亿元，同比增长6%。"),
        p("（一）项目建设"),
        p("1、新建村级道路12公里。"),
    ]);
    let chapter = &tree.kids[0];
    assert_eq!(chapter.title, "2023年完成地区生产总值12.5亿元");
    assert_eq!(
        chapter.paras,
        ["2023年完成地区生产总值12.5亿元，同比增长6%。"]
    );
    assert_eq!(chapter.kids[0].title, "项目建设");
    assert_eq!(chapter.kids[0].kids[0].title, "");
}

#[test]
fn a_group_heading_that_states_figures_keeps_its_first_clause_over_its_paragraphs() {
    let tree = outline(&[
        p("一、经济发展"),
        p("（一）项目建设提速增效，全年完成投资12亿元。"),
        p("新开工项目8个，竣工项目5个。"),
        p("（二）农业生产稳中有进"),
    ]);
    let group = &tree.kids[0].kids[0];
    assert_eq!(group.title, "项目建设提速增效");
    assert_eq!(
        group.paras,
        [
            "项目建设提速增效，全年完成投资12亿元。",
            "新开工项目8个，竣工项目5个。"
        ]
    );
}
