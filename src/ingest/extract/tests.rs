use super::*;
use crate::ingest::report::paras_from_text;
use crate::model::{Figure, Item, Value};

fn run(text: &str) -> Extraction {
    extract(&paras_from_text(text), &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn period_and_town_from_the_opening() {
    let x = run("莲花镇2024年前三季度工作总结\n一、党建工作\n召开会议6次。");
    assert_eq!(x.drafted.date, "2024-09-30");
    assert_eq!(x.drafted.town.name, "莲花镇");
    assert_eq!(x.drafted.town.title, "莲花镇2024年前三季度工作总结");
    assert_eq!(x.drafted.lines[0].id, "party");
}

#[test]
fn a_report_without_a_period_asks_for_as_of() {
    let paras = paras_from_text("一、党建工作\n召开会议6次。");
    let e = extract(&paras, &Options::default())
        .err()
        .unwrap_or_default();
    assert!(e.zh.contains("--as-of"), "{e}");
    let d = NaiveDate::from_ymd_opt(2024, 3, 31);
    let opts = Options {
        as_of: d,
        ..Options::default()
    };
    let x = extract(&paras, &opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(x.drafted.date, "2024-03-31");
    // Knowing today does not help a report that names no period either.
    let today = NaiveDate::from_ymd_opt(2024, 7, 5);
    let e = extract(&paras, &Options { as_of: None, today }).err();
    assert!(e.unwrap_or_default().zh.contains("--as-of"));
}

#[test]
fn a_period_without_a_year_is_the_latest_up_to_today_and_is_reviewed() {
    let paras = paras_from_text("镇上半年工作总结\n一、党建工作\n召开会议6次。");
    assert!(
        extract(&paras, &Options::default()).is_err(),
        "no year, no today"
    );
    for (today, date) in [((2013, 7, 5), "2013-06-30"), ((2014, 1, 10), "2013-06-30")] {
        let opts = Options {
            as_of: None,
            today: NaiveDate::from_ymd_opt(today.0, today.1, today.2),
        };
        let x = extract(&paras, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(x.drafted.date, date);
        let guessed = x
            .review
            .iter()
            .find(|r| matches!(&r.reason, Reason::YearGuessed(d) if d == date));
        assert_eq!(
            guessed.map(|r| r.sentence.as_str()),
            Some("镇上半年工作总结"),
            "{:#?}",
            x.review
        );
    }
}

#[test]
fn the_date_line_gives_the_as_of_date() {
    let x = run("一、党建工作\n召开会议6次。\n莲花镇人民政府\n2024年7月5日");
    assert_eq!(x.drafted.date, "2024-07-05");
}

#[test]
fn a_report_with_nothing_to_draft_says_so() {
    let paras = paras_from_text("莲花镇2024年上半年工作总结\n一、党建工作\n");
    let e = extract(&paras, &Options::default())
        .err()
        .unwrap_or_default();
    assert!(e.zh.contains("没有找到可起草的工作内容"), "{e}");
}

#[test]
fn opening_figures_become_the_key_indicators_line() {
    let x =
        run("东柳街道2023年工作总结\n全年实现地区生产总值60.3亿元。\n一、党建工作\n召开会议6次。");
    let ids: Vec<&str> = x.drafted.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["indicators", "party"]);
    assert_eq!(x.drafted.date, "2023-12-31");
}

#[test]
fn parts_growth_and_bounds_are_written_in_the_format() {
    let x = run("东柳街道2023年工作总结\n一、经济工作\n全年共引进企业137家,其中注册资金千万元以上46家,亿元以上5家,实到内资17亿元。一般公共预算收入2亿元,同比下降19.3%。新增市场主体50家以上。");
    let figs: Vec<&Figure> = x.drafted.lines[0]
        .items()
        .flat_map(|i| i.figures.iter())
        .collect();
    let values: Vec<f64> = figs
        .iter()
        .filter_map(|f| f.value.and_then(|v| v.num()))
        .collect();
    // 46家 and 5家 are parts of the 137; 19.3% is its figure's fall; 50家以上 a bound.
    assert_eq!(values, [137.0, 17.0, 2.0, 50.0]);
    let parts: Vec<Option<Value>> = figs[0].parts.iter().map(|p| p.value).collect();
    assert_eq!(
        parts,
        [Some(Value::Num(46.0)), Some(Value::Num(5.0))],
        "{figs:#?}"
    );
    assert!(!figs[0].parts_cover, "46 + 5 is not 137");
    let g = figs[2].growth.as_ref().and_then(|g| g.value);
    assert_eq!(g, Some(Value::Num(-19.3)));
    assert_eq!(figs[3].bound, Some(crate::model::format::Bound::OrMore));
    assert_eq!(figs[3].label, None);
    assert_eq!(x.drafted.town.format, Some(2));
    let reasons: Vec<String> = x.review.iter().map(|r| r.reason.text(false)).collect();
    assert!(reasons.iter().all(|r| !r.contains("19.3")), "{reasons:#?}");
}

#[test]
fn hazards_found_then_rectified_make_a_ledger() {
    let x = run(
        "莲花镇2024年上半年工作总结\n一、安全生产\n开展燃气安全大排查,排查隐患120处,已整改115处。",
    );
    let item = x.drafted.lines[0]
        .items()
        .next()
        .unwrap_or_else(|| panic!("no item"));
    let l = item.ledger().unwrap_or_else(|| panic!("{item:?}"));
    use crate::model::Value::Num;
    assert_eq!(
        (l.found, l.rectified, l.unit.as_str()),
        (Num(120.0), Some(Num(115.0)), "处")
    );
    assert_eq!(item.label, "隐患排查整改");
    assert_eq!(x.figures, 2);
}

#[test]
fn month_ranges_and_codes_are_not_unread_numbers() {
    let x = run("莲花镇2025年上半年工作总结\n一、经济发展\n1-5月,完成财税收入5545万元;推动家电、3C等消费券惠及1.2万人次。");
    assert!(
        x.review
            .iter()
            .all(|r| !matches!(r.reason, super::Reason::Unread(_))),
        "{:#?}",
        x.review
    );
    assert_eq!(x.figures, 2);
    // 今年1至11月, and 车次 counted like 人次.
    let x = run(
        "东港街道2022年工作总结\n一、经济发展\n今年1至11月累计完成投资5500万元,监管货车1218车次。",
    );
    assert!(x.review.is_empty(), "{:#?}", x.review);
    assert_eq!(x.figures, 2);
}

fn all_items(x: &Extraction) -> Vec<&Item> {
    x.drafted.lines.iter().flat_map(|l| l.items()).collect()
}

#[test]
fn a_bundle_keeps_its_count_and_money_apart() {
    let x = run("东柳街道2023年工作总结\n一、项目建设\n今年以来,13个重点项目累计完成投资35.42亿元,占年计划100.36%。9个项目计划总投资24.55亿元。");
    let items = all_items(&x);
    let p = items[0].project().unwrap_or_else(|| panic!("{items:#?}"));
    assert_eq!(p.count, Some(Value::Num(13.0)));
    // 今年以来…累计: spent this year; the rate against the year's plan is a progress.
    assert_eq!(
        p.annual_done.as_ref().and_then(|f| f.value),
        Some(Value::Num(35.42))
    );
    let rate = p.annual_rate.as_ref().unwrap_or_else(|| panic!("{p:#?}"));
    assert_eq!(rate.rate, Some(crate::model::format::RateKind::Progress));
    let q = items[1].project().unwrap_or_else(|| panic!("{items:#?}"));
    assert_eq!(q.count, Some(Value::Num(9.0)));
    assert_eq!(
        q.investment.as_ref().and_then(|f| f.value),
        Some(Value::Num(24.55))
    );
    assert!(q.annual_done.is_none() && q.cumulative.is_none());
}

#[test]
fn respective_growths_go_to_their_figures_in_order() {
    let x = run("东柳街道2023年工作总结\n一、经济工作\n全年实现地区生产总值60.3亿元,一般公共预算收入2亿元,同比分别-6.2%、-19.3%。");
    let g: Vec<Option<Value>> = all_items(&x)
        .iter()
        .map(|i| i.figures[0].growth.as_ref().and_then(|g| g.value))
        .collect();
    assert_eq!(g, [Some(Value::Num(-6.2)), Some(Value::Num(-19.3))]);
}

#[test]
fn key_indicators_targets_and_a_plans_period() {
    let x = run("金屋洲镇2024年度工作计划\n主要预期目标是:地区生产总值增长6%以上,城镇和农村居民人均可支配收入分别增长6%、9%以上。\n一、下半年工作计划\n力争新增市场主体50家以上，覆盖率达到95.0%，各村建成示范点至少1个。");
    let ind = &x.drafted.lines[0];
    assert_eq!(ind.role, crate::model::LineRole::Indicators);
    assert!(!x.drafted.town.lines.contains(&ind.id), "not a work line");
    let labels: Vec<&str> = ind.items().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "地区生产总值",
            "城镇居民人均可支配收入",
            "农村居民人均可支配收入"
        ]
    );
    let g = ind.items().next().and_then(|i| i.figures[0].growth.clone());
    assert_eq!(g.as_ref().and_then(|g| g.target), Some(Value::Num(6.0)));
    assert_eq!(
        g.and_then(|g| g.target_bound),
        Some(crate::model::format::Bound::OrMore)
    );
    let plan = &x.drafted.lines[1];
    assert_eq!(
        plan.period.as_ref().map(|p| p.words.as_str()),
        Some("下半年")
    );
    let figs: Vec<&Figure> = plan.items().flat_map(|i| &i.figures).collect();
    assert_eq!(
        figs[0].firmness,
        Some(crate::model::format::Firmness::Strive)
    );
    let rate = figs
        .iter()
        .find(|f| f.unit == "%")
        .unwrap_or_else(|| panic!("{figs:#?}"));
    assert_eq!(
        (rate.decimals, rate.rate),
        (Some(1), Some(crate::model::format::RateKind::Share))
    );
    let per = figs
        .iter()
        .find(|f| f.per.is_some())
        .unwrap_or_else(|| panic!("{figs:#?}"));
    assert_eq!(
        (per.per.as_deref(), per.target_bound),
        (Some("各村"), Some(crate::model::format::Bound::AtLeast))
    );
    assert_eq!(x.drafted.town.format, Some(2));
}

#[test]
fn size_classes_are_thresholds_of_their_parts_and_parts_cover() {
    let x = run("东柳街道2023年工作总结\n一、经济工作\n固定资产投资5.39亿元,其中500万元以上项目累计投资4.86亿元,10至500万元项目累计投资0.54亿元;");
    let f = &all_items(&x)[0].figures[0];
    assert!(f.parts_cover, "{f:#?}");
    let t: Vec<_> = f
        .parts
        .iter()
        .map(|p| p.threshold.clone().map(|t| (t.min, t.max, t.words)))
        .collect();
    assert_eq!(
        t,
        [
            Some((Some(Value::Num(500.0)), None, "500万元以上".into())),
            Some((
                Some(Value::Num(10.0)),
                Some(Value::Num(500.0)),
                "10至500万元".into()
            ))
        ]
    );
}

#[test]
fn progress_against_a_plan_is_the_items_progress() {
    let x = run("某镇2013年上半年工作总结\n一、经济工作\n完成社会固定资产投资6035万元,占上半年目标任务5500万元的110%。实际利用境外资金130万美元,占年计划的87%。粮食种植任务38089亩,已完成38492亩。");
    let items = all_items(&x);
    assert_eq!(items.len(), 3, "{items:#?}");
    type Shown<'a> = (
        &'a str,
        Option<&'a str>,
        Option<Value>,
        &'a str,
        bool,
        Option<Value>,
    );
    let figs: Vec<Shown> = items
        .iter()
        .flat_map(|i| i.figures.iter().map(move |f| (i, f)))
        .map(|(i, f)| {
            let progress = f.rate == Some(crate::model::format::RateKind::Progress);
            let label = f.label.as_deref();
            (
                i.label.as_str(),
                label,
                f.value,
                f.unit.as_str(),
                progress,
                f.target,
            )
        })
        .collect();
    let n = |v: f64| Some(Value::Num(v));
    assert_eq!(
        figs,
        [
            (
                "社会固定资产投资",
                None,
                n(6035.0),
                "万元",
                false,
                n(5500.0)
            ),
            (
                "社会固定资产投资",
                Some("占上半年目标任务"),
                n(110.0),
                "%",
                true,
                None
            ),
            ("实际利用境外资金", None, n(130.0), "万美元", false, None),
            (
                "实际利用境外资金",
                Some("占年计划"),
                n(87.0),
                "%",
                true,
                None
            ),
            ("粮食种植", None, n(38492.0), "亩", false, n(38089.0)),
        ],
        "{items:#?}"
    );
}

#[test]
fn square_metres_phases_pdf_spacing_and_period_leads() {
    let x = run("衡山镇2024年上半年工作总结\n一、城市环境\n整治小区牛皮癣580㎡,新辟集中晾晒区28550㎡。丁家山坎等安置点配套建设工程(二期)基本完工。2024 年是中华人民共和国成立 75 周年。1-8 月全镇完成财税收入 1687 万元。上半年新增“四上”企业14家。");
    let got: Vec<(&str, Option<Value>, &str)> = all_items(&x)
        .iter()
        .map(|i| {
            (
                i.label.as_str(),
                i.figures[0].value,
                i.figures[0].unit.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("整治小区牛皮癣", Some(Value::Num(580.0)), "平方米"),
            ("新辟集中晾晒区", Some(Value::Num(28550.0)), "平方米"),
            ("财税收入", Some(Value::Num(1687.0)), "万元"),
            ("新增“四上”企业", Some(Value::Num(14.0)), "家"),
        ],
        "{:#?}",
        x.review
    );
    // (二期) is a phase, 2024 年 and 75 周年 are no figures: nothing for a person to look at.
    assert!(x.review.is_empty(), "{:#?}", x.review);
}

#[test]
fn a_share_of_the_years_task_is_progress_and_a_fraction_is_no_count() {
    let x = run("固安县2024年工作回顾\n一、民生保障\n我局已完成项目固定资产投资5520万元,完成市政府下达全年任务的184%。净菜进京平均每日超过550吨,达到全省总量1/6。");
    let items = all_items(&x);
    assert_eq!(items[0].label, "项目固定资产投资", "{items:#?}");
    let rate = &items[0].figures[1];
    assert_eq!(rate.rate, Some(crate::model::format::RateKind::Progress));
    assert_eq!(rate.value, Some(Value::Num(184.0)));
    assert!(x.review.is_empty(), "{:#?}", x.review);
}
