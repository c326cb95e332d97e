//! A figure as real reports state it: a value or target with its unit, and what the report says about
//! it — 同比/环比 growth, a rate, parts (其中), a per-unit basis (各/每/人均), a threshold of what is
//! counted, bounds (至少/以上/以内) and ranges, firmness (确保/力争/预计) and its own period.
//!
//! Every addition is optional and every struct rejects unknown fields, so files written before these
//! additions (format 1) load unchanged.

use super::clean::{Line, Text};
use super::values::{Day, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A quantity as the report states it: 6次, 400多亩, 200 of 800 亩, 培训干部**人次, 同比增长10.6%,
/// 覆盖率100%, 其中…, 各村至少1个.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted, when the item has several figures (e.g. 养殖区, 已定植).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Line>,
    /// The reported (current or completed) value: a number, or "**" when withheld. Absent when only a
    /// target is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The unit as written, any unit the report uses (次, 人次, 个, 亩, 万元, 亿元, 万美元, 幢, 艘, % …).
    /// May be empty only for a growth whose base figure the report does not state (固定资产投资同比增长20.1%).
    pub unit: Line,
    /// Qualifier of an approximate value: 多 (400多亩), 余 (2万余吨) or 约 (约260米).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// The planned or target quantity in the same unit (800 亩 planned; a next-step target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// A bound on `value` in the report's word: 至少, 不少于, 不低于, 以上, 超过, 超, 突破, 逾 (lower) or
    /// 以内, 不超过, 不高于 (upper): 惠及群众超2万人次, 服务业累计营收突破2.7亿元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// A bound on `target` in the report's word: 至少1个, 90%以上, 不低于95%.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_bound: Option<Bound>,
    /// Upper end of a range value (3—5个: `value` 3, `value_max` 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<Value>,
    /// Upper end of a range target (计划引进3—5项: `target` 3, `target_max` 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_max: Option<Value>,
    /// How firm the figure is: 确保, 力争, 争取 or 计划 on a target; 预计 on an estimated value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmness: Option<Firmness>,
    /// The change against a base period (同比增长10.6%, 环比下降3.2%, 增长2个百分点, a growth target 增长6%以上).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Box<Growth>>,
    /// What a `%` figure is: the item's progress (形象进度60%, 占年计划100.36%, 完成率), a share
    /// (覆盖率100%, 注册率89%) or a relative change other than growth (时限缩短40%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<RateKind>,
    /// Decimals as written, when JSON loses trailing zeros (25.0% → value 25, decimals 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    /// The value is per this unit, in the report's words (人均, 户均, 各村, 每村, 每周, 每月): never summed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Line>,
    /// A threshold on what is counted, not a quantity (注册资金亿元以上, 税收超1000万元楼宇, 1-5亿企业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Box<Threshold>>,
    /// The span this figure is measured over when it differs from the item's (1-5月 in a 上半年 report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Box<Period>>,
    /// Parts of this figure (其中, 分别为): inside it, drawn under it, never added to it or to a total.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Figure>,
    /// The parts enumerate the whole (they add up to it, up to the report's rounding).
    #[serde(default, skip_serializing_if = "is_false")]
    pub parts_cover: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How an approximate figure is qualified in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Approx {
    /// 多: "more than" (400多亩).
    #[serde(rename = "多")]
    More,
    /// 余: "more than" (2万余吨).
    #[serde(rename = "余")]
    Over,
    /// 约: "about" (约260米).
    #[serde(rename = "约")]
    About,
}

impl Approx {
    /// The qualifier character as reports write it.
    pub fn zh(self) -> &'static str {
        match self {
            Approx::More => "多",
            Approx::Over => "余",
            Approx::About => "约",
        }
    }
}

/// A change against a base period: 同比增长10.6% (`value` 10.6), 同比下降3.2% (`value` -3.2), 增长2个百分点
/// (`unit` 百分点), or a growth target (增长6%以上: `target` 6, `target_bound` 以上).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// Against what: 同比 (same period last year, the default), 环比 (previous period), 比上年, 比年初.
    #[serde(default, skip_serializing_if = "Basis::is_default")]
    pub basis: Basis,
    /// The reported change; negative for a decrease (下降, 减少, or written with a minus sign).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// A target change (力争增长6%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// A bound on the target change in the report's word (增长6%以上).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_bound: Option<Bound>,
    /// `%` (the default) or `百分点` (a change of a rate, in points).
    #[serde(default, skip_serializing_if = "GrowthUnit::is_default")]
    pub unit: GrowthUnit,
    /// Decimals as written (增长8.80% → 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

/// The base a growth is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Basis {
    /// 同比: against the same period last year.
    #[default]
    #[serde(rename = "同比")]
    YearOnYear,
    /// 环比: against the previous period.
    #[serde(rename = "环比")]
    PeriodOnPeriod,
    /// 比上年: against last year (plans and annual reports).
    #[serde(rename = "比上年")]
    LastYear,
    /// 比年初: against the start of the year.
    #[serde(rename = "比年初")]
    YearStart,
}

impl Basis {
    fn is_default(&self) -> bool {
        *self == Basis::YearOnYear
    }
    /// The report's word.
    pub fn zh(self) -> &'static str {
        match self {
            Basis::YearOnYear => "同比",
            Basis::PeriodOnPeriod => "环比",
            Basis::LastYear => "比上年",
            Basis::YearStart => "比年初",
        }
    }
}

/// The unit of a growth: percent, or percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum GrowthUnit {
    /// `%`: a relative change.
    #[default]
    #[serde(rename = "%")]
    Percent,
    /// `百分点`: a change of a rate, in percentage points.
    #[serde(rename = "百分点")]
    Points,
}

impl GrowthUnit {
    fn is_default(&self) -> bool {
        *self == GrowthUnit::Percent
    }
}

/// What a percentage figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RateKind {
    /// The item's progress (形象进度60%, 占年计划100.36%, 目标完成率173.5%): a bar and a light against
    /// 序时进度. Over 100% is real (over-fulfilment).
    Progress,
    /// A share (覆盖率100%, 注册率89%): shown as a percentage, no light, never summed.
    Share,
    /// A relative change that is not a growth against a period (平均时限缩短40%).
    Change,
}

/// A bound in the report's word. Lower bounds: 至少, 不少于, 不低于, 以上, 超过, 超, 突破, 逾; upper
/// bounds: 以内, 不超过, 不高于.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Bound {
    /// 至少1个.
    #[serde(rename = "至少")]
    AtLeast,
    /// 不少于3次.
    #[serde(rename = "不少于")]
    NoFewer,
    /// 不低于95%.
    #[serde(rename = "不低于")]
    NoLower,
    /// 90%以上 (written after the figure).
    #[serde(rename = "以上")]
    OrMore,
    /// 超过1000万元.
    #[serde(rename = "超过")]
    Exceeds,
    /// 超2万人次.
    #[serde(rename = "超")]
    Over,
    /// 突破2.7亿元.
    #[serde(rename = "突破")]
    BrokeThrough,
    /// 逾百人.
    #[serde(rename = "逾")]
    Beyond,
    /// 3天以内 (written after the figure).
    #[serde(rename = "以内")]
    Within,
    /// 不超过5%.
    #[serde(rename = "不超过")]
    NoMore,
    /// 不高于3%.
    #[serde(rename = "不高于")]
    NoHigher,
}

impl Bound {
    /// The report's word.
    pub fn zh(self) -> &'static str {
        match self {
            Bound::AtLeast => "至少",
            Bound::NoFewer => "不少于",
            Bound::NoLower => "不低于",
            Bound::OrMore => "以上",
            Bound::Exceeds => "超过",
            Bound::Over => "超",
            Bound::BrokeThrough => "突破",
            Bound::Beyond => "逾",
            Bound::Within => "以内",
            Bound::NoMore => "不超过",
            Bound::NoHigher => "不高于",
        }
    }
    /// The bound as a sign for the English interface: `≥` (至少, 不少于, 不低于, 以上), `>` (超过, 超,
    /// 突破, 逾), `≤` (以内, 不超过, 不高于).
    pub fn sign(self) -> &'static str {
        match self {
            Bound::AtLeast | Bound::NoFewer | Bound::NoLower | Bound::OrMore => "≥",
            Bound::Exceeds | Bound::Over | Bound::BrokeThrough | Bound::Beyond => ">",
            Bound::Within | Bound::NoMore | Bound::NoHigher => "≤",
        }
    }
    /// True when the word follows the figure (90%以上, 3天以内); the others precede it (至少1个).
    pub fn follows(self) -> bool {
        matches!(self, Bound::OrMore | Bound::Within)
    }
    /// True for an upper bound (以内, 不超过, 不高于).
    pub fn is_upper(self) -> bool {
        matches!(self, Bound::Within | Bound::NoMore | Bound::NoHigher)
    }
    /// Puts the word around a figure's text the way reports do.
    pub fn around(self, text: &str) -> String {
        if self.follows() {
            format!("{text}{}", self.zh())
        } else {
            format!("{}{text}", self.zh())
        }
    }
}

/// How firm a target or figure is, in the report's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Firmness {
    /// 确保: must be met.
    #[serde(rename = "确保")]
    Ensure,
    /// 力争: strive for.
    #[serde(rename = "力争")]
    Strive,
    /// 争取: try for.
    #[serde(rename = "争取")]
    Seek,
    /// 预计: an estimate (of a value not yet final).
    #[serde(rename = "预计")]
    Expected,
    /// 计划: planned.
    #[serde(rename = "计划")]
    Planned,
}

impl Firmness {
    /// The word for the English interface, with its space.
    pub fn en(self) -> &'static str {
        match self {
            Firmness::Ensure => "must ",
            Firmness::Strive | Firmness::Seek => "aim ",
            Firmness::Expected => "est. ",
            Firmness::Planned => "plan ",
        }
    }
    /// The report's word.
    pub fn zh(self) -> &'static str {
        match self {
            Firmness::Ensure => "确保",
            Firmness::Strive => "力争",
            Firmness::Seek => "争取",
            Firmness::Expected => "预计",
            Firmness::Planned => "计划",
        }
    }
}

/// A threshold on what is counted (注册资金亿元以上: `min` 1, `unit` 亿元): its numbers are never values,
/// never summed, never compared with 序时进度.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Lower end (1000 in 千万元以上 with unit 万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Value>,
    /// Upper end (5 in 1-5亿).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Value>,
    /// The unit of `min` and `max`.
    pub unit: Line,
    /// The report's words (千万元以上, 亿元以上, 1-5亿, 税收超1000万元), shown as written.
    pub words: Line,
}

/// A span of time in the report's words: a plan's period (本年度, 下半年), a figure's (1-5月).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub start: Day,
    /// Last day: the deadline of every target that names none of its own.
    pub end: Day,
    /// The report's words (本年度, 2024年度, 下半年, 1-5月, 第二季度).
    pub words: Line,
}

/// A row of a key-task table (重点工作计划执行情况): the cells verbatim.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// 攻坚目标任务: the goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Text>,
    /// 本季度工作任务安排: the period's plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Text>,
    /// 本季度完成情况: the period's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Text>,
}

impl Figure {
    /// A figure that is not summed into totals: per-unit, a rate, or without a stated base.
    pub fn is_per_unit(&self) -> bool {
        self.per.is_some()
    }
    /// True when this `%` figure is the item's progress.
    pub fn is_progress_rate(&self) -> bool {
        self.rate == Some(RateKind::Progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(json: &str) -> Figure {
        let f: Figure = serde_json::from_str(json).expect("parses");
        let back: serde_json::Value = serde_json::to_value(&f).unwrap();
        let want: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, want, "writes back what it read");
        f
    }

    #[test]
    fn every_construct_reads_and_writes_back() {
        let f = round_trip(
            r#"{"label": "规上工业增加值", "value": 0.38, "unit": "亿元",
                "growth": {"value": 16.7}}"#,
        );
        assert_eq!(f.growth.unwrap().basis, Basis::YearOnYear);
        let f = round_trip(
            r#"{"label": "地区生产总值", "unit": "",
                "growth": {"basis": "比上年", "target": 6, "target_bound": "以上", "unit": "百分点"}}"#,
        );
        assert_eq!(f.growth.unwrap().unit, GrowthUnit::Points);
        let f = round_trip(r#"{"value": 60, "unit": "%", "rate": "progress", "decimals": 1}"#);
        assert!(f.is_progress_rate());
        let f = round_trip(
            r#"{"value": 137, "unit": "家", "parts_cover": true, "parts": [
                {"label": "注册资金亿元以上", "value": 5, "unit": "家",
                 "threshold": {"min": 1, "unit": "亿元", "words": "亿元以上"}}]}"#,
        );
        assert_eq!(f.parts.len(), 1);
        let f = round_trip(
            r#"{"target": 1, "unit": "个", "per": "各村", "target_bound": "至少", "firmness": "确保",
                "value": 3, "value_max": 5, "period": {"start": "2024-01-01", "end": "2024-05-31", "words": "1-5月"}}"#,
        );
        assert_eq!(
            f.target_bound.map(|b| b.around("1个")),
            Some("至少1个".into())
        );
        assert_eq!(Bound::OrMore.around("90%"), "90%以上");
    }

    #[test]
    fn unknown_words_are_refused() {
        let e = serde_json::from_str::<Figure>(r#"{"unit": "个", "bound": "大约"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `大约`"), "{e}");
        let e = serde_json::from_str::<Growth>(r#"{"vlaue": 1}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `vlaue`"), "{e}");
    }
}
