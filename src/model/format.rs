//! The snapshot format: the serde types office staff write as JSON, one file per work line per date.
//!
//! Every struct rejects unknown fields, so a misspelt key is an error instead of a figure that silently
//! vanishes from the meeting screen. The JSON Schema (`huibao schema`) is generated from these types and
//! their doc comments.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub use super::figure::{
    Approx, Basis, Bound, Figure, Firmness, Growth, GrowthUnit, Period, RateKind, Task, Threshold,
};
pub use super::item::{Item, ItemKind};

/// Largest integer an f64 holds exactly (2^53); larger integers are refused rather than rounded.
pub const MAX_EXACT_INT: u64 = 1 << 53;

/// `town.json`: the town, the report title, the order of work lines and the warning-light thresholds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Town {
    /// Optional editor hint pointing at the schema file; ignored by huibao.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The data format version: absent or 1 for files written before the real-report additions
    /// (growth, rates, parts, bounds, bundles, indicators, periods); 2 when any of them is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<u32>,
    /// The town's name as the report writes it (a masked name such as `**镇` stays masked).
    pub name: String,
    /// The report's title, shown in the dashboard header.
    #[serde(default)]
    pub title: String,
    /// Work-line ids in meeting order; lines not listed follow in alphabetical order of id.
    #[serde(default)]
    pub lines: Vec<String>,
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

/// One work line's snapshot: `data/<YYYY-MM-DD>/<line>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LineFile {
    /// Optional editor hint pointing at the schema file; ignored by huibao.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable id of the work line (e.g. `party`); the same in every snapshot.
    pub id: String,
    /// The line's title as the report writes it (e.g. 加强思想政治建设，实现党建工作新突破).
    pub title: String,
    /// A short name for tabs and cards (e.g. 党的建设); defaults to the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// The date the figures are reported as of.
    pub as_of: Day,
    /// The office that owns the line (e.g. 党建办), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The leader in charge (分管领导), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// What the file is: a work line (the default) or the report's key indicators (主要指标: 地区生产总值,
    /// 财政总收入, 固定资产投资 …, conventionally `indicators.json`, shown as a strip, not a work line).
    #[serde(default, skip_serializing_if = "LineRole::is_work")]
    pub role: LineRole,
    /// The plan's period (本年度, 下半年): its end is the deadline of every target naming none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The report's numbered sub-headings, in order.
    pub groups: Vec<Group>,
}

/// What a line file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LineRole {
    /// A work line (工作线): the default.
    #[default]
    Work,
    /// The report's key indicators (主要指标): one item per indicator, its first figure the indicator.
    Indicators,
}

impl LineRole {
    fn is_work(&self) -> bool {
        *self == LineRole::Work
    }
}

impl LineFile {
    /// The name to show on tabs and cards.
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }
    /// Every item of the line in report order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.groups.iter().flat_map(|g| g.items.iter())
    }
}

/// A numbered sub-heading of the report (1、落实全面从严管党治党 …) and its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The sub-heading as the report writes it; empty when the report lists items straight under the
    /// line's heading (一、 without （一）).
    #[serde(default)]
    pub title: String,
    /// The group's period when it differs from the line's (下半年工作计划 under a 上半年 summary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The items reported under it.
    pub items: Vec<Item>,
}

// An item as the file writes it: the schema's shape. Loading turns it into an [`Item`] whose kind is
// decided once (see `ItemFile` -> `Item` below).
/// One reported thing: a count, a project, a ledger or a next-step target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    /// Stable id, the same from week to week so history can follow the item.
    pub id: String,
    /// Short label (e.g. 党风廉政建设专题会议, or a project's name).
    pub label: String,
    /// The report sentence the figures were taken from, verbatim.
    pub source: String,
    /// Show this item's first figure on the overview card.
    #[serde(default, skip_serializing_if = "is_false")]
    pub headline: bool,
    /// 责任领导: the leader responsible, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// 责任单位: the office or unit responsible, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The figures the sentence states; the first is the item's main figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Start of the period for 序时进度; default 1 January of the as-of year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Day>,
    /// Deadline of a target or task (a date; the report's words go in `deadline_text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Day>,
    /// The report's own words for the deadline (年底前, 7月底前 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_text: Option<String>,
    /// Marked done by the office (完成 / 销号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<bool>,
    /// How firm a task without figures is: 确保, 力争, 争取, 预计, 计划 (力争按时完成全年固投任务).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmness: Option<Firmness>,
    /// A key-task table row's cells (攻坚目标任务, 本季度工作任务安排, 本季度完成情况), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    /// Project details, for a key project (重点项目).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
    /// Ledger totals and entries, for hazards and problems (台账).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<Ledger>,
    /// Any remark of the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_false(b: &bool) -> bool {
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
    pub status: Option<String>,
    /// 存在问题: problems, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// 时间节点: milestones in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

/// A project milestone with its due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What is due (e.g. 莲花城基地建成投产).
    pub what: String,
    /// Due date: the last day the report's words allow (7月底前 → 07-31, 7月中旬 → 07-20).
    pub due: Day,
    /// The report's own words for the due date (7月底前, 7月中旬, 12月底前, 年底前).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<String>,
    /// Reached.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

/// A hazard or problem ledger: totals, and optionally its entries (挂号建账、对号结账、销号下账).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The unit of the counts (处, 户, 起 …).
    pub unit: String,
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
    pub id: String,
    /// 描述.
    pub description: String,
    /// 发现日期.
    pub found: Day,
    /// 等级 (重大 / 一般).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// 位置.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// 责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
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

/// A reported number, or a figure withheld in the public report (`"**"`). A withheld value is unknown:
/// never 0, never summed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A stated number.
    Num(f64),
    /// Printed as `**` in the report.
    Withheld,
}

impl Value {
    /// The number, when stated.
    pub fn num(self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(n),
            Value::Withheld => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Num(n) if n.fract() == 0.0 && n.abs() < MAX_EXACT_INT as f64 => {
                s.serialize_i64(*n as i64)
            }
            Value::Num(n) => s.serialize_f64(*n),
            Value::Withheld => s.serialize_str("**"),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or \"**\" for a withheld figure")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                if v > MAX_EXACT_INT {
                    return Err(E::custom(format!(
                        "integer {v} is larger than 2^53 and cannot be kept exactly"
                    )));
                }
                Ok(Value::Num(v as f64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                if v.unsigned_abs() > MAX_EXACT_INT {
                    return Err(E::custom(format!(
                        "integer {v} is larger than 2^53 and cannot be kept exactly"
                    )));
                }
                Ok(Value::Num(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                if !v.is_finite() {
                    return Err(E::custom("expected a finite number"));
                }
                Ok(Value::Num(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                if v == "**" {
                    Ok(Value::Withheld)
                } else {
                    Err(E::custom(format!(
                        "expected a number, or \"**\" for a withheld figure, found the string {v:?}"
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, or \"**\" for a figure withheld in the public report.",
            "oneOf": [ { "type": "number" }, { "const": "**" } ]
        })
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl Day {
    /// The date.
    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses `YYYY-MM-DD` strictly (zero-padded, a real calendar day).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    (d.year() >= 1900 && d.year() <= 2200).then_some(d)
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Day;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2023-07-31")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Day, E> {
                parse_day(v).map(Day).ok_or_else(|| {
                    E::custom(format!("expected a date like 2023-07-31, found {v:?}"))
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}
