//! The state of each screen: what it has selected or scrolled, and nothing else. Selections name items by
//! id, so a reload or a step to another date keeps them without rebuilding anything.

use crate::model::board::{ItemRef, LineId};
use std::collections::BTreeMap;

/// The overview: the selected card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewScreen {
    /// The line whose card is selected (None: the first).
    pub selected: Option<LineId>,
}

/// One line's panel: the selected row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineScreen {
    /// Id (within the line) of the selected item (None, or not shown: the first row).
    pub selected: Option<String>,
}

/// A list screen that selects by position (the laggard list, the filter chooser).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListScreen {
    /// The selected row.
    pub selected: usize,
}

/// A screen that scrolls (the item detail, help).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScrollScreen {
    /// The first row shown.
    pub scroll: usize,
}

/// The search box and its hits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchScreen {
    /// What was typed.
    pub query: String,
    /// Items that match, on the current board.
    pub hits: Vec<ItemRef>,
    /// The selected hit.
    pub selected: usize,
}

/// Every screen's state; each keeps its own while others are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screens {
    /// 总览.
    pub overview: OverviewScreen,
    /// Each line's panel, by line id.
    pub lines: BTreeMap<LineId, LineScreen>,
    /// The item detail.
    pub item: ScrollScreen,
    /// 滞后清单.
    pub laggards: ListScreen,
    /// The search box.
    pub search: SearchScreen,
    /// The filter chooser.
    pub filter: ListScreen,
    /// Help.
    pub help: ScrollScreen,
}

/// A list position moved by `delta` and kept inside a list of `len` (0 when it is empty).
pub(crate) fn step(cur: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}
