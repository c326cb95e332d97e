//! What a figure is counted over: a threshold of what is counted, a period, a key-task row.

use crate::model::clean::{Line, Text};
use crate::model::values::{Day, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
