//! extract on shapes met in real reports it was not built from (沙沟镇, 下应街道, 小雄镇).

use super::*;
use crate::ingest::report::paras_from_text;
use crate::model::{Figure, Item, Value};

fn run(text: &str) -> Extraction {
    extract(&paras_from_text(text), &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn all_items(x: &Extraction) -> Vec<&Item> {
    x.drafted.lines.iter().flat_map(|l| l.items()).collect()
}

#[test]
fn a_growth_after_a_progress_rate_is_the_figures_growth() {
    // 沙沟镇 2020: the growth is of the revenue, not of its share of the task.
    let x = run("沙沟镇2020年工作总结\n一、经济发展\n地方财政收入实现2496万元,完成任务的117.46%,同比增长28.7%。");
    let items = all_items(&x);
    assert_eq!(items.len(), 1, "{items:#?}");
    let figs = &items[0].figures;
    assert_eq!(figs[0].value, Some(Value::Num(2496.0)), "{figs:#?}");
    let g = figs[0].growth.as_ref().map(|g| g.value);
    assert_eq!(g, Some(Some(Value::Num(28.7))), "{figs:#?}");
    assert!(figs[1].growth.is_none(), "{figs:#?}");
    assert_eq!(figs[1].rate, Some(crate::model::format::RateKind::Progress));
}

#[test]
fn a_growth_after_a_part_is_the_parts_growth() {
    // 下应街道 2023 H1: the budget revenue's growth, not a second growth of the whole.
    let x = run("下应街道2023年上半年工作总结\n一、经济发展\n实现财政总收入6.3亿元,同比增长71.4%,其中一般公共预算收入5.08亿元,同比增长132.7%。");
    let items = all_items(&x);
    assert_eq!(items.len(), 1, "{items:#?}");
    let figs = &items[0].figures;
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let g = |f: &Figure| f.growth.as_ref().and_then(|g| g.value);
    assert_eq!(g(&figs[0]), Some(Value::Num(71.4)));
    assert_eq!(g(&figs[0].parts[0]), Some(Value::Num(132.7)), "{figs:#?}");
}

#[test]
fn key_work_reviewed_is_no_plan_but_next_years_key_work_is() {
    // 小雄镇 2008: a review heading that names its 四项重点工作 and a slogan.
    let x = run("小雄镇2008年工作总结\n一、突出四项重点工作,努力打造“四个小雄”\n实现财政总收入199万元。\n二、2009年重点工作\n新建道路5公里。");
    let lines = &x.drafted.lines;
    assert_eq!(lines.len(), 2, "{lines:#?}");
    let first = &lines[0].groups[0].items[0].figures[0];
    assert_eq!(first.value, Some(Value::Num(199.0)), "{first:#?}");
    assert_eq!(first.target, None);
    assert_eq!(lines[1].id, "targets");
}

#[test]
fn the_money_of_a_counted_subject_leads_and_keeps_its_growth() {
    // 下应街道 2023 H1: 42家限上商贸企业实现…销售额29.5亿元,同比增长25.0%.
    let x = run("下应街道2023年上半年工作总结\n一、经济发展\n42家限上商贸企业实现批发零售业商品销售额29.5亿元,同比增长25.0%。");
    let items = all_items(&x);
    let figs = &items[0].figures;
    assert_eq!(figs[0].value, Some(Value::Num(29.5)), "{figs:#?}");
    assert!(figs[0].growth.is_some(), "{figs:#?}");
    assert_eq!(figs[1].value, Some(Value::Num(42.0)));
    assert!(figs[1].growth.is_none(), "{figs:#?}");
}

#[test]
fn political_theory_training_is_party_building_not_governance() {
    // A party-building summary: 政治理论 holds 治理 (社会治理) as a substring.
    let x = run("某镇2024年上半年基层组织建设工作总结\n一、加大政治理论和市场经济知识培训力度,提高农村基层组织干部队伍整体素质\n培训10785人次。");
    assert_eq!(x.drafted.lines[0].id, "party");
}
