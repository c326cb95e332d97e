//! The snapshot format: the serde types office staff write as JSON, one file per work line per date.
//!
//! Every struct rejects unknown fields, so a misspelt key is an error instead of a figure that silently
//! vanishes from the meeting screen. The JSON Schema (`huibao schema`) is generated from these types and
//! their doc comments.

use super::clean::{Line, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::figure::{
    Approx, Basis, Bound, Figure, Firmness, Growth, GrowthUnit, Period, RateKind, Task, Threshold,
};

pub use super::values::{day_fault, parse_day, Day, DayFault, Value, DAY_RANGE, MAX_EXACT_INT};

/// `town.json`: the town, the report title, the order of work lines and the warning-light thresholds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Town {
    /// Optional editor hint pointing at the schema file; ignored by huibao.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Line>,
    /// The data format version: absent or 1 for files written before the real-report additions
    /// (growth, rates, parts, bounds, bundles, indicators, periods); 2 when any of them is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<u32>,
    /// The town's name as the report writes it (a masked name such as `**镇` stays masked).
    pub name: Line,
    /// The report's title, shown in the dashboard header.
    #[serde(default)]
    pub title: Line,
    /// Work-line ids in meeting order; lines not listed follow in alphabetical order of id.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// Warning-light thresholds.
    #[serde(default)]
    pub thresholds: Thresholds,
}

/// How far real progress may trail 序时进度 (time progress), in percentage points, before a light changes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Amber (滞后) when progress trails time progress by more than this many points. Default 10.
    #[serde(default = "default_amber")]
    pub amber_points: f64,
    /// Red (严重滞后) when progress trails time progress by more than this many points. Default 30.
    #[serde(default = "default_red")]
    pub red_points: f64,
}

/// The newest data format this build reads.
pub const FORMAT_VERSION: u32 = 2;

fn default_amber() -> f64 {
    10.0
}
fn default_red() -> f64 {
    30.0
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            amber_points: default_amber(),
            red_points: default_red(),
        }
    }
}

/// Serde's `skip_serializing_if` for flags that default to false.
pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

/// Key-project details (重点项目台账).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// How many projects the item bundles (19个项目, 13个重点项目); absent = one project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Value>,
    /// 总投资 / 计划总投资: planned over the whole life (unit 万元 or 亿元). Never added to money spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment: Option<Figure>,
    /// 年度计划投资 / 本年度总投资 / 年计划: planned this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_plan: Option<Figure>,
    /// 年度完成投资 / 当年投资 / 今年以来完成投资: spent this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_done: Option<Figure>,
    /// 累计完成投资: spent since the project started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<Figure>,
    /// 年度投资完成率 / 占年计划N%: the reported rate, when the plan figure is not stated (unit %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_rate: Option<Figure>,
    /// 形象进度: physical progress in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// 存在问题: problems, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Text>,
    /// 时间节点: milestones in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

/// A project milestone with its due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What is due (e.g. 莲花城基地建成投产).
    pub what: Line,
    /// Due date: the last day the report's words allow (7月底前 → 07-31, 7月中旬 → 07-20).
    pub due: Day,
    /// The report's own words for the due date (7月底前, 7月中旬, 12月底前, 年底前).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<Line>,
    /// Reached.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

/// A hazard or problem ledger: totals, and optionally its entries (挂号建账、对号结账、销号下账).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The unit of the counts (处, 户, 起 …).
    pub unit: Line,
    /// Found (发现) in total.
    pub found: Value,
    /// Qualifier of an approximate found total (280余项).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_approx: Option<Approx>,
    /// Rectified (整改) in total; absent when the report does not say (shown 整改情况未报).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectified: Option<Value>,
    /// Still open; computed as found − rectified when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<Value>,
    /// Ledger entries, when the office keeps them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Hazard>,
}

impl Ledger {
    /// Entries still open: as reported, or found − rectified when both are stated; None when unknown
    /// (a withheld total).
    pub fn open_count(&self) -> Option<Value> {
        self.open.or(match (self.found, self.rectified) {
            (Value::Num(f), Some(Value::Num(r))) => Some(Value::Num(f - r)),
            _ => None,
        })
    }
}

/// One ledger entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    /// 编号.
    pub id: Line,
    /// 描述.
    pub description: Text,
    /// 发现日期.
    pub found: Day,
    /// 等级 (重大 / 一般).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Line>,
    /// 位置.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Line>,
    /// 责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Line>,
    /// 整改期限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Day>,
    /// 整改完成: the date the rectification was finished (before it is verified and closed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectified_on: Option<Day>,
    /// 销号日期: the date it was closed out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Day>,
}
