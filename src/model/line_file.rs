//! A work line's file: `data/<YYYY-MM-DD>/<line>.json`, its numbered groups and their items.

use super::clean::Line;
use super::format::{Day, Period};
use super::item::Item;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One work line's snapshot: `data/<YYYY-MM-DD>/<line>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LineFile {
    /// Optional editor hint pointing at the schema file; ignored by huibao.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Line>,
    /// Stable id of the work line (e.g. `party`); the same in every snapshot.
    pub id: Line,
    /// The line's title as the report writes it (e.g. 加强思想政治建设，实现党建工作新突破).
    pub title: Line,
    /// A short name for tabs and cards (e.g. 党的建设); defaults to the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Line>,
    /// The date the figures are reported as of.
    pub as_of: Day,
    /// The office that owns the line (e.g. 党建办), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Line>,
    /// The leader in charge (分管领导), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Line>,
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
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub title: Line,
    /// The group's period when it differs from the line's (下半年工作计划 under a 上半年 summary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The items reported under it.
    pub items: Vec<Item>,
}
