//! The snapshot format: the serde types office staff write as JSON, one file per work line per date.
//!
//! Every struct rejects unknown fields, so a misspelt key is an error instead of a figure that silently
//! vanishes from the meeting screen. The JSON Schema (`huibao schema`) is generated from these types and
//! their doc comments.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Largest integer an f64 holds exactly (2^53); larger integers are refused rather than rounded.
pub const MAX_EXACT_INT: u64 = 1 << 53;

/// `town.json`: the town, the report title, the order of work lines and the warning-light thresholds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Town {
    /// Optional editor hint pointing at the schema file; ignored by huibao.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
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

/// True for `false` (serde's skip test for flags that default to false).
pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

/// A quantity as the report states it: 6次, 400多亩, 200 of 800 亩, 培训干部**人次.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted, when the item has several figures (e.g. 养殖区, 已定植).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The reported (current or completed) value: a number, or "**" when withheld. Absent when only a
    /// target is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The unit as written: 次, 人次, 个, 期, 场, 篇, 处, 户, 家, 人, 支, 小时, 亩, 米, 平方米, 吨, 万元, 亿元 …
    pub unit: String,
    /// Qualifier of an approximate value: 多 (400多亩), 余 (2万余吨) or 约 (约260米).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// The planned or target quantity in the same unit (800 亩 planned; a next-step target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
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

/// Key-project details (重点项目台账).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 总投资 as reported (unit 万元 or 亿元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment: Option<Figure>,
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
    /// Rectified (整改) in total.
    pub rectified: Value,
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
            (Value::Num(f), Value::Num(r)) => Some(Value::Num(f - r)),
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

/// The first and the last date that data may have (`YYYY-MM-DD`).
pub const DAY_RANGE: (&str, &str) = ("1900-01-01", "2200-12-31");

/// Why a text is not a date [`parse_day`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayFault {
    /// Not shaped like `2023-06-30`.
    Shape,
    /// Shaped like a date, but no such day (`2023-02-30`).
    NoSuchDay,
    /// A real day outside [`DAY_RANGE`].
    OutOfRange,
}

/// Why `s` is not an accepted date; `None` when [`parse_day`] accepts it.
pub fn day_fault(s: &str) -> Option<DayFault> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Some(DayFault::Shape);
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Err(_)
            if s.bytes()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) =>
        {
            Some(DayFault::NoSuchDay)
        }
        Err(_) => Some(DayFault::Shape),
        Ok(d) if d.year() < 1900 || d.year() > 2200 => Some(DayFault::OutOfRange),
        Ok(_) => None,
    }
}

/// Parses `YYYY-MM-DD` strictly (zero-padded, a real calendar day within [`DAY_RANGE`]).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    if day_fault(s).is_some() {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
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
