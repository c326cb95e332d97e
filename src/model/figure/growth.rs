//! Growth against a base period (同比/环比), its unit, and what a percentage figure is.

use super::Bound;
use crate::model::values::Value;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
