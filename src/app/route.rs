//! Where the user is (the screens on the route stack) and what they filter on.

use crate::model::board::{ItemBoard, ItemId, LineBoard, LineId};
use crate::model::Light;

/// A screen on the route stack, naming what it shows by stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// 总览: one card per work line.
    Overview,
    /// One work line's panel.
    Line(LineId),
    /// One item's detail.
    Item(ItemId),
    /// 滞后清单.
    Laggards,
    /// Search every line.
    Search,
    /// Choose a filter.
    Filter,
    /// Help.
    Help,
    /// 全县总览: one row per town (a county folder only).
    County,
    /// The laggard list across every town.
    CountyLaggards,
    /// Search across every town.
    CountySearch,
}

/// A filter on items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Items with this light.
    Light(Light),
    /// Items whose 责任领导 (or line leader) is this.
    Leader(String),
    /// Items whose 责任单位 (or line office) is this.
    Office(String),
}

impl Filter {
    /// True when the filter lets the item of `line` through.
    pub fn keeps(&self, line: &LineBoard, item: &ItemBoard) -> bool {
        match self {
            Filter::Light(l) => item.judgement.light == *l,
            Filter::Leader(n) => {
                item.item.leader.as_deref().or(line.leader.as_deref()) == Some(n.as_str())
            }
            Filter::Office(n) => {
                item.item.office.as_deref().or(line.office.as_deref()) == Some(n.as_str())
            }
        }
    }
}
