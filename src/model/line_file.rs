//! A work line's file: `data/<YYYY-MM-DD>/<line>.json`, its numbered groups and their items.

use super::format::Day;
use super::item::Item;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// The report's numbered sub-headings, in order.
    pub groups: Vec<Group>,
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
    /// The sub-heading as the report writes it.
    pub title: String,
    /// The items reported under it.
    pub items: Vec<Item>,
}
