use super::*;
use crate::model::Value;

fn unit(body: &str) -> Unit {
    Unit {
        heading: None,
        body: body.into(),
    }
}

#[test]
fn growth_and_parts_stay_with_their_figure() {
    let mut review = Vec::new();
    let items = draft_unit(
        &unit("一般公共预算收入2亿元，同比增长8.5%，其中税收收入2800万元。"),
        2024,
        false,
        &mut review,
    );
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert_eq!(it.figures[0].amount.value, Value::Num(2.0));
    assert_eq!(it.growth[0].value, Value::Num(8.5));
    assert_eq!(it.parts[0].value, Value::Num(2800.0));
    assert!(review.is_empty(), "{review:#?}");
}

#[test]
fn a_list_of_parts_run_on_after_semicolons_is_one_item() {
    let mut review = Vec::new();
    let text = "以“科技之冬”为契机,培训10785人次;其中棉花3800人次;畜牧业2700人次;果树1265人次、蔬菜1082人次。";
    let items = draft_unit(&unit(text), 2024, false, &mut review);
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(items[0].label, "培训");
    let parts: Vec<Value> = items[0].parts.iter().map(|p| p.value).collect();
    let n = Value::Num;
    assert_eq!(parts, [n(3800.0), n(2700.0), n(1265.0), n(1082.0)]);
    assert!(review.is_empty(), "{review:#?}");
}

#[test]
fn levels_told_respectively_go_to_the_names_listed() {
    // 柳市镇 2023 (a 政府工作报告): two incomes, each with its growth.
    let mut review = Vec::new();
    let text = "城镇和农村常住居民人均可支配收入分别达到79668元和40450元,增长9.0%和11.8%。";
    let items = draft_unit(&unit(text), 2023, false, &mut review);
    let shown: Vec<(String, Value, Vec<Value>)> = items
        .iter()
        .map(|i| {
            let g = i.growth.iter().map(|g| g.value).collect();
            (i.label.clone(), i.figures[0].amount.value, g)
        })
        .collect();
    let n = Value::Num;
    assert_eq!(
        shown,
        [
            (
                "城镇常住居民人均可支配收入".into(),
                n(79668.0),
                vec![n(9.0)]
            ),
            (
                "农村常住居民人均可支配收入".into(),
                n(40450.0),
                vec![n(11.8)]
            ),
        ],
        "{items:#?}"
    );
}

#[test]
fn a_quote_never_closed_does_not_glue_clauses() {
    // 下沙街道 2022: the label of 1800余名 ran on over the next clauses.
    let mut review = Vec::new();
    let text = "面对“4·7下沙社区遭遇战,快速组建志愿者等1800余名战时力量,连续6轮全员核酸检测,做好1250名管控人员的服务保障。";
    let items = draft_unit(&unit(text), 2022, false, &mut review);
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    assert!(labels.iter().all(|l| !l.contains(',')), "{labels:?}");
}

#[test]
fn a_growth_after_a_change_is_the_growth_of_what_changed() {
    // 中山街道 2023 H1: 204% is the growth of the 839 new firms, not of the 563 more than last year.
    let mut review = Vec::new();
    let text = "1-5月份新落户企业839户,注册资本35.46亿元,比去年同期增加563户,同比增长204%。";
    let items = draft_unit(&unit(text), 2023, false, &mut review);
    let shown: Vec<(Value, usize)> = items
        .iter()
        .map(|i| (i.figures[0].amount.value, i.growth.len()))
        .collect();
    let n = Value::Num;
    assert_eq!(
        shown,
        [(n(839.0), 1), (n(35.46), 0), (n(563.0), 0)],
        "{items:#?}"
    );
}

#[test]
fn a_share_of_a_whole_stays_with_its_figure() {
    // 下沙街道 2022 H1: 36% is the street's share of the district's checks.
    let mut review = Vec::new();
    let text = "累计开展各类重点人员数据核查超17万人次,占全区36%;";
    let items = draft_unit(&unit(text), 2022, false, &mut review);
    assert_eq!(
        shown(&items),
        ["各类重点人员数据核查 = : Num(17.0) 万人次; 占全区: Num(36.0) %"],
        "{items:#?}"
    );
}

#[test]
fn how_many_did_it_comes_after_what_they_did() {
    // 下应街道 2023 H1: the overview showed 18家 and hid the 10.73亿元.
    let mut review = Vec::new();
    let text = "2023年上半年,18家规上工业企业实现总产值10.73亿元,规上工业增加值4.28亿元。\
                保科园2幢商务楼宇实现总营收23.57亿元。";
    let items = draft_unit(&unit(text), 2023, false, &mut review);
    assert_eq!(
        shown(&items),
        [
            "规上工业企业实现总产值 = : Num(10.73) 亿元; 规上工业企业: Num(18.0) 家",
            "规上工业增加值 = : Num(4.28) 亿元",
            "保科园商务楼宇实现总营收 = : Num(23.57) 亿元; 商务楼宇: Num(2.0) 幢",
        ],
        "{items:#?}"
    );
}

#[test]
fn targets_keep_deadline_and_firmness() {
    let mut review = Vec::new();
    let items = draft_unit(
        &unit("力争年底前新增市场主体50家以上，确保完成地方级税收任务1898万元。"),
        2024,
        true,
        &mut review,
    );
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(items[0].firmness, Some(Firmness::Strive));
    assert_eq!(
        items[0].deadline.as_ref().map(|d| d.words.as_str()),
        Some("年底前")
    );
    assert_eq!(
        items[0].figures[0].amount.bound,
        Some(super::super::words::Bound::AtLeast)
    );
    assert_eq!(items[1].firmness, Some(Firmness::Must));
}

#[test]
fn size_classes_after_qizhong_are_not_figures() {
    let mut review = Vec::new();
    let items = draft_unit(
        &unit("固定资产投资5.39亿元,其中500万元以上项目累计投资4.86亿元,10至500万元项目累计投资0.54亿元;"),
        2024,
        false,
        &mut review,
    );
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(items[0].figures.len(), 1);
    let parts: Vec<Value> = items[0].parts.iter().map(|a| a.value).collect();
    assert_eq!(parts, [Value::Num(4.86), Value::Num(0.54)]);
}

#[test]
fn things_joined_by_he_are_items_apart() {
    let mut review = Vec::new();
    let items = draft_unit(
        &unit("推动300亩的农业种业基地和千亩百合园项目的考察和落地。"),
        2023,
        true,
        &mut review,
    );
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(items[0].label, "农业种业基地");
    assert_eq!(items[0].figures.len(), 1);
    assert_eq!(items[1].figures[0].amount.value, Value::Num(1000.0));
    assert_eq!(items[1].figures[0].label, None);
    assert_eq!(items[1].label, "百合园项目");
    assert_eq!(items[0].source, items[1].source);
}

/// Each item's label with its figures as `label: value unit / plan`.
fn shown(items: &[DraftItem]) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let figs: Vec<String> = i
                .figures
                .iter()
                .map(|f| {
                    let plan = f
                        .plan
                        .as_ref()
                        .map_or(String::new(), |p| format!(" / {:?} {}", p.value, p.unit));
                    let label = f.label.as_deref().unwrap_or("");
                    format!("{label}: {:?} {}{plan}", f.amount.value, f.amount.unit)
                })
                .collect();
            format!("{} = {}", i.label, figs.join("; "))
        })
        .collect()
}

#[test]
fn progress_against_the_plan_stays_with_its_figure() {
    let mut review = Vec::new();
    let text = "实际到位资金13456万元，占全年计划的67%，实际利用境外资金130万美元，占年计划的87%。\
                完成国地两税848万元，占全年任务1550万的55%。";
    let items = draft_unit(&unit(text), 2013, false, &mut review);
    assert_eq!(
        shown(&items),
        [
            "实际到位资金 = : Num(13456.0) 万元; 占全年计划: Num(67.0) %",
            "实际利用境外资金 = : Num(130.0) 万美元; 占年计划: Num(87.0) %",
            // The plan, stated in the figure's unit, is its target.
            "国地两税 = : Num(848.0) 万元 / Num(1550.0) 万元; 占全年任务: Num(55.0) %",
        ],
        "{items:#?}"
    );
}

#[test]
fn a_rate_of_the_task_without_a_period_stays_with_its_figure() {
    // 沙沟镇 2020: 完成任务的117.46%; 龙伏镇 2018 Q1: 占目标任务(剔除烟叶税)的278%.
    let mut review = Vec::new();
    let text = "地方财政收入实现2496万元,完成任务的117.46%。\
                完成财政总收入309万元,占目标任务(剔除烟叶税)的278%。地方财政收入80万元,完成计划指标的94.1%。";
    let items = draft_unit(&unit(text), 2020, false, &mut review);
    assert_eq!(
        shown(&items),
        [
            "地方财政收入 = : Num(2496.0) 万元; 完成任务: Num(117.46) %",
            "财政总收入 = : Num(309.0) 万元; 占目标任务(剔除烟叶税): Num(278.0) %",
            // 小雄镇 2008.
            "地方财政收入 = : Num(80.0) 万元; 完成计划指标: Num(94.1) %",
        ],
        "{items:#?}"
    );
}

#[test]
fn a_task_then_what_was_done_is_one_figure_against_its_target() {
    let mut review = Vec::new();
    let text = "2025年粮食种植任务38089亩，已完成38492亩，大豆种植任务1448亩，已完成1448亩，任务圆满完成。\
                培训任务20场，已完成18人次。油菜种植目标任务500亩，完成520亩。";
    let items = draft_unit(&unit(text), 2025, false, &mut review);
    assert_eq!(
        shown(&items),
        [
            "粮食种植 = : Num(38492.0) 亩 / Num(38089.0) 亩",
            "大豆种植 = : Num(1448.0) 亩 / Num(1448.0) 亩",
            // Another unit is not what the task counts: two items as before.
            "培训任务 = : Num(20.0) 场",
            "已完成 = : Num(18.0) 人次",
            "油菜种植 = : Num(520.0) 亩 / Num(500.0) 亩",
        ],
        "{items:#?}"
    );
}

#[test]
fn a_size_class_is_part_of_the_name_of_what_is_counted() {
    let mut review = Vec::new();
    let items = draft_unit(
        &unit("成功引进1亿元以上项目1个，到位资金0.7亿元。"),
        2013,
        false,
        &mut review,
    );
    let first = &items[0];
    assert_eq!(first.label, "引进1亿元以上项目", "{items:#?}");
    assert_eq!(first.figures.len(), 1, "{items:#?}");
    assert_eq!(first.figures[0].amount.value, Value::Num(1.0));
    assert_eq!(first.figures[0].amount.unit, "个");
    // A bound on the money itself stays a figure: 完成投资1亿元以上 is not a class of anything.
    let items = draft_unit(&unit("完成投资1亿元以上。"), 2013, false, &mut review);
    assert_eq!(items[0].figures[0].amount.unit, "亿元", "{items:#?}");
}

#[test]
fn money_spent_on_counted_things_is_no_size_class() {
    // 支持5个村: the count names whom the money reaches, not the class of what is counted; the
    // money is the sentence's figure and must not be lost.
    let mut review = Vec::new();
    let text = "全年争取上级资金2000万元以上支持5个村发展产业。";
    let items = draft_unit(&unit(text), 2024, false, &mut review);
    let money = items
        .iter()
        .flat_map(|i| &i.figures)
        .find(|f| f.amount.unit == "万元");
    assert_eq!(
        money.map(|f| &f.amount.value),
        Some(&Value::Num(2000.0)),
        "{items:#?}"
    );
}

#[test]
fn a_plan_named_with_its_year_is_still_the_plan() {
    // 完成2024年度计划的60%: the year does not end the plan's words.
    let mut review = Vec::new();
    let text = "完成固定资产投资2.5亿元，完成2024年度计划的60%。";
    let items = draft_unit(&unit(text), 2024, false, &mut review);
    assert_eq!(
        shown(&items),
        ["固定资产投资 = : Num(2.5) 亿元; 完成2024年度计划: Num(60.0) %"],
        "{items:#?}"
    );
}

#[test]
fn figures_side_by_side_are_named_after_the_thing_they_both_count() {
    let mut review = Vec::new();
    let text = "32栋1526套昊华鸿化迁建安置房主体全面完工，小区道路水稳层铺设1300米。";
    let items = draft_unit(&unit(text), 2013, false, &mut review);
    assert_eq!(
        shown(&items),
        [
            "昊华鸿化迁建安置房主体全面完工 = : Num(32.0) 栋; 昊华鸿化迁建安置房主体全面完工: Num(1526.0) 套",
            "小区道路水稳层铺设 = : Num(1300.0) 米",
        ],
        "{items:#?}"
    );
}

#[test]
fn growths_joined_by_he_go_to_the_names_in_order() {
    let mut review = Vec::new();
    let text = "固安一中本科上线率和强基上线率同比提升7.12%和13.86%。";
    let items = draft_unit(&unit(text), 2024, false, &mut review);
    let got: Vec<(&str, Vec<String>)> = items
        .iter()
        .map(|i| {
            let g = i.growth.iter().map(|a| format!("{:?}", a.value)).collect();
            (i.label.as_str(), g)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("固安一中本科上线率", vec!["Num(7.12)".to_string()]),
            ("强基上线率", vec!["Num(13.86)".to_string()]),
        ],
        "{items:#?}"
    );
}
