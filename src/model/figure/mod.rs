//! A figure as real reports state it: a value or target with its unit, and what the report says about
//! it — 同比/环比 growth, a rate, parts (其中), a per-unit basis (各/每/人均), a threshold of what is
//! counted, bounds (至少/以上/以内) and ranges, firmness (确保/力争/预计) and its own period.
//!
//! Every addition is optional and every struct rejects unknown fields, so files written before these
//! additions (format 1) load unchanged.

mod growth;
mod spans;
mod words;

use super::clean::Line;
use super::values::Value;
pub use growth::{Basis, Growth, GrowthUnit, RateKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use spans::{Period, Task, Threshold};
pub use words::{Approx, Bound, Firmness};

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
