//! The facts each brief must state: the seed report's figures, the history's changes and laggards, the English words.

use super::*;

#[test]
fn seed_brief_states_the_reports_figures() {
    let md = seed();
    seed_title_and_work_lines(&plain(&md));
    seed_work_line_rows(&md);

    assert!(section(&md, "二、").contains("本期为首期数据，没有上期可比。"));
    assert!(section(&md, "三、").contains("暂无滞后、严重滞后或逾期事项。"));

    seed_near_deadlines(&md);
    seed_withheld_figures(&md);

    assert!(md
        .trim_end()
        .ends_with("本简报由 huibao 根据数据文件夹“data”自动生成，数字与看板显示一致。"));
}

/// The seed brief's title and its work lines' headings, in board order.
fn seed_title_and_work_lines(p: &str) {
    // Title: town, report title, data date; the seed has one snapshot, so nothing to compare with.
    let first = p.lines().next().unwrap();
    assert!(first.starts_with("# "), "{first}");
    assert!(first.contains("**镇") && first.contains("**镇2023年上半年工作汇报"));
    assert!(p.contains("数据截至 2023-06-30（首期数据，无上期可比）"));

    // Work lines in board order, with short name and title.
    let order = [
        "党的建设",
        "经济发展",
        "基础设施",
        "安全生产",
        "民生保障",
        "下步工作",
    ];
    let mut at = 0;
    for (i, name) in order.iter().enumerate() {
        let h = format!("### {}. {name}：", i + 1);
        let pos = p[at..].find(&h).unwrap_or_else(|| panic!("{h}")) + at;
        at = pos;
    }
    assert!(p.contains("### 1. 党的建设：加强思想政治建设，实现党建工作新突破"));
    assert_eq!(p.matches("截至 2023-06-30 · 红灯 0 · 黄灯 0").count(), 6);
}

/// The seed brief's 一、 rows: each line's figures as the report states them.
fn seed_work_line_rows(md: &str) {
    let lines = section(md, "一、");
    // 成功引进总投资1.2亿元禾源白羽鸡养殖项目 … 占地400多亩 … 莲花城基地**个棚
    let heyuan = plain(row_with(lines, &["禾源白羽鸡养殖项目"]));
    assert!(heyuan.contains("| 1.2亿元（"), "{heyuan}");
    assert!(heyuan.contains("占地 400多亩"), "{heyuan}");
    assert!(heyuan.contains("莲花城基地养殖棚 **个"), "{heyuan}");
    // 计划7月中旬项目开工建设: the next milestone, 17 days after --today 2023-07-03.
    assert!(heyuan.contains("2023-07-20（7月中旬）剩17天"), "{heyuan}");
    // 规划建设占地800亩的现代果业种植基地，目前200亩基地苗木已定植完成; 引进投资5000万.
    let tangxi = row_with(lines, &["汤西现代农业产业园"]);
    assert!(tangxi.contains("| 5000万元 |"), "{tangxi}");
    assert!(tangxi.contains("200/800亩 (25%)"), "{tangxi}");
    // 发现并整改隐患11处.
    let fire = row_with(lines, &["消防隐患排查整改"]);
    assert!(
        fire.contains("发现11 整改11 未改0") && fire.contains("✓ 完成"),
        "{fire}"
    );
    // 确保2023完成地方级税收任务数1898万元.
    let tax = row_with(lines, &["地方级税收任务"]);
    assert!(
        tax.contains("目标1898万元") && tax.contains("2023-12-31（2023年）剩181天"),
        "{tax}"
    );
    assert!(row_with(lines, &["棚改群众安置上楼"]).contains("| 1069户 |"));
    assert!(row_with(lines, &["镇域道路改造及硬化"]).contains("| 约6227平方米 |"));
    // A long line (民生保障, 19 items with figures) shows its money first and says how many more
    // there are; a short one shows every figure.
    assert!(row_with(lines, &["信用折扣节约成本"]).contains("| 40多万元 |"));
    assert!(lines.contains("另有10项数据未列出（见看板）"));
    assert!(row_with(lines, &["消防隐患排查整改"]).contains("发现11"));
    assert!(row_with(lines, &["运用“第一种形态”教育处理干部"]).contains("| 42人次 |"));
}

/// The seed brief's 四、: no deadline within 14 days, so the next one is named.
fn seed_near_deadlines(md: &str) {
    // From --today 2023-07-03 the 14-day window ends 2023-07-17: 禾源's 7月中旬 (07-20) and 7月底前 (07-31)
    // milestones are outside it, and nothing is overdue, so the section names the next one instead.
    let near = section(md, "四、");
    assert!(rows(near).is_empty(), "{near}");
    assert!(
        near.contains("今天起 14 天内没有到期的期限，也没有已逾期的。"),
        "{near}"
    );
    assert!(
        near.contains("最近的期限：2023-07-20 经济发展 禾源白羽鸡养殖项目 其他3处养殖区开工建设（7月中旬），剩17天。"),
        "{near}"
    );
    assert!(!near.contains("7月底前") && !near.contains("2023-07-31"));
}

/// The seed brief's 五、: the 16 figures the report prints as **, by line.
fn seed_withheld_figures(md: &str) {
    // 16 figures are printed ** in the report: 4 in 党建, 3 in 经济, 1 in 基础设施, 8 in 民生.
    let w = plain(section(md, "五、"));
    assert!(w.contains("共 16 项，数值不详，未计入任何合计"), "{w}");
    let listed: usize = w
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(|l| l.matches("**").count())
        .sum();
    assert_eq!(listed, 16, "{w}");
    for (line, n) in [
        ("党的建设", 4),
        ("经济发展", 3),
        ("基础设施", 1),
        ("民生保障", 8),
    ] {
        assert!(
            w.contains(&format!("- {line}（{n} 项）：")),
            "{line} {n}\n{w}"
        );
    }
    assert!(w.contains("培训干部 **人次"));
    assert!(w.contains("节省村级零工开支 **多万元"));
    assert!(!w.contains("安全生产") && !w.contains("下步工作"));
}

#[test]
fn history_brief_shows_changes_laggards_and_carry_forward() {
    let md = history("zh");
    let p = plain(&md);
    assert!(p.starts_with("# 会议简报：示例镇 · 示例镇重点工作调度（示例数据）\n"));
    assert!(p.contains("数据截至 2024-05-03，较上期 2024-04-26。"));
    // infra has no file at 05-03: its 04-26 file is shown, marked, and reports no new change.
    assert!(
        p.contains("### 3. 基础设施：完善基础设施，提升承载能力\n\n未更新 (截至 2024-04-26) · ")
    );
    assert!(p.contains("- 基础设施：未更新 (截至 2024-04-26)，本期没有新数据。"));

    let ch = section(&md, "二、");
    assert!(ch.contains("### 党建（2024-04-26 → 2024-05-03）"));
    assert!(ch.contains("| 主题党日活动 | 36次 | 39次 | +3 |"), "{ch}");
    assert!(ch.contains("| 待办结群众诉求 | 6件 | 5件 | -1 |"), "{ch}");
    // Withheld this week: unknown, never a drop of 230.
    assert!(
        ch.contains("| 培训党员干部 | 230人次 | \\*\\*人次 | 不详 |"),
        "{ch}"
    );
    assert!(!ch.contains("-230"));
    assert!(ch.contains("| 党员干部走访群众 | 1050余户 | 1100余户 | +50 |"));
    assert!(ch.contains("| 招商引资·到位资金 | 1.7亿元 | 1.8亿元 | +0.1 |"));
    assert!(ch.contains("| 安全隐患排查整治台账·发现 | 9处 | 10处 | +1 |"));
    // Unchanged quantities are not listed.
    assert!(!ch.contains("党委书记讲党课"));

    let lag = section(&md, "三、");
    assert!(lag.contains("共 3 项"));
    let r = rows(lag);
    assert_eq!(r.len(), 3, "{lag}");
    let expect = [
        (
            "✕ 逾期",
            "安全生产",
            "安全隐患排查整治台账",
            "2024-04-20（YH-2024-003）逾期20天",
            "赵副镇长 安监站",
        ),
        (
            "✕ 逾期",
            "重点项目",
            "示例白羽鸡养殖项目",
            "2024-04-30（4月底前）逾期10天",
            "张副镇长 经发办",
        ),
        (
            "■ 严重滞后",
            "下步目标",
            "示例产业园流转土地",
            "2024-06-30（6月底前）剩51天",
            "张副镇长 农业农村办",
        ),
    ];
    for (row, (light, line, label, due, owner)) in r.iter().zip(expect) {
        let c = cells(row);
        assert_eq!(
            (c[0].as_str(), c[1].as_str(), c[2].as_str()),
            (light, line, label)
        );
        assert_eq!((c[5].as_str(), c[6].as_str()), (due, owner));
    }
    assert_eq!(cells(r[1])[3], "75% / 52%");
    assert_eq!(cells(r[2])[3], "10% / 52%");
    assert_eq!(cells(r[2])[4], "落后42个百分点");

    let near = rows(section(&md, "四、"));
    // --today 2024-05-10: the window ends 2024-05-24, so YH-2024-010 (05-20) is in it too.
    assert_eq!(near.len(), 4, "{near:?}");
    assert!(near[0].starts_with("| 2024-04-20 | 安全生产 | 安全隐患排查整治台账 | YH-2024-003 "));
    assert!(near[1].contains("| 2024-04-30 | 重点项目 | 示例白羽鸡养殖项目 | 20个养殖棚主体全部封顶（4月底前） | 逾期10天 |"));
    assert!(near[2].starts_with("| 2024-05-15 | 安全生产 | 安全隐患排查整治台账 | YH-2024-009 "));
    assert!(near[2].ends_with("| 剩5天 |"));
    assert!(near[3].starts_with("| 2024-05-20 | 安全生产 | 安全隐患排查整治台账 | YH-2024-010 "));

    let w = plain(section(&md, "五、"));
    assert!(w.contains("共 2 项"));
    assert!(w.contains("- 党建（1 项）：培训党员干部 **人次"));
    assert!(w.contains("- 重点项目（1 项）：示例粮食烘干中心·总投资 **万元"));
}

#[test]
fn english_brief_uses_the_english_words() {
    let md = history("en");
    let p = plain(&md);
    assert!(p.contains("Data as of 2024-05-03, compared with 2024-04-26."));
    assert!(p.contains("Not updated (as of 2024-04-26)"));
    assert!(p.contains("- 基础设施: not updated (as of 2024-04-26); no new figures this time."));
    assert!(p.contains("| 主题党日活动 | 36次 | 39次 | +3 |"));
    assert!(p.contains("| 待办结群众诉求 | 6件 | 5件 | -1 |"));
    assert!(p.contains("| 培训党员干部 | 230人次 | **人次 | n/a |"));
    assert!(p.contains("| 党员干部走访群众 | 1050+户 | 1100+户 | +50 |"));
    let lag = section(&md, "3. Laggard list");
    let owners: Vec<String> = rows(lag).iter().map(|r| cells(r)[6].clone()).collect();
    assert_eq!(
        owners,
        ["赵副镇长 安监站", "张副镇长 经发办", "张副镇长 农业农村办"]
    );
    assert!(lag.contains("| ■ far behind | 下步目标 | 示例产业园流转土地 | 10% / 52% | 42 points behind | 2024-06-30 (6月底前) 51d left |"));
    for zh in ["滞后清单", "较上期", "隐去", "剩", "逾期", "数据截至"] {
        assert!(!md.contains(zh), "English brief contains {zh}");
    }
}
