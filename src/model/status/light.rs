//! The red/amber/green warning light of an item, and how a judgement picks it.

use crate::model::format::Thresholds;

/// The warning light of an item. Never shown as colour alone: each has a symbol and a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    /// Nothing to judge (no deadline, or nothing measurable yet).
    None,
    /// Done (完成 / 销号).
    Done,
    /// At or ahead of 序时进度, or within the amber threshold.
    OnTrack,
    /// 滞后: trailing 序时进度 by more than the amber threshold.
    Behind,
    /// 严重滞后: trailing by more than the red threshold.
    SeverelyBehind,
    /// 逾期: a deadline has passed and the work is not done.
    Overdue,
}

impl Light {
    /// Symbol that carries the light without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Light::None => "-",
            Light::Done => "✓",
            Light::OnTrack => "●",
            Light::Behind => "▲",
            Light::SeverelyBehind => "■",
            Light::Overdue => "✕",
        }
    }
    /// The word for the light, Chinese or English.
    pub fn word(self, en: bool) -> &'static str {
        match (self, en) {
            (Light::None, false) => "无",
            (Light::None, true) => "n/a",
            (Light::Done, false) => "完成",
            (Light::Done, true) => "done",
            (Light::OnTrack, false) => "正常",
            (Light::OnTrack, true) => "on track",
            (Light::Behind, false) => "滞后",
            (Light::Behind, true) => "behind",
            (Light::SeverelyBehind, false) => "严重滞后",
            (Light::SeverelyBehind, true) => "far behind",
            (Light::Overdue, false) => "逾期",
            (Light::Overdue, true) => "overdue",
        }
    }
    /// True for the lights that put an item on the laggard list (滞后清单).
    pub fn is_laggard(self) -> bool {
        matches!(self, Light::Behind | Light::SeverelyBehind | Light::Overdue)
    }
    /// Larger is worse; used to sort the laggard list worst first.
    pub fn severity(self) -> u8 {
        match self {
            Light::Overdue => 5,
            Light::SeverelyBehind => 4,
            Light::Behind => 3,
            Light::OnTrack => 2,
            Light::Done => 1,
            Light::None => 0,
        }
    }
}

/// The light: done, overdue, a ledger with open entries (behind), else by how far progress lags
/// the time gone (`gap_points`) against the town's thresholds; no light without a gap.
pub(super) fn light_of(
    done: bool,
    overdue: bool,
    ledger_open: bool,
    gap_points: Option<f64>,
    th: &Thresholds,
) -> Light {
    if done {
        Light::Done
    } else if overdue {
        Light::Overdue
    } else if ledger_open {
        Light::Behind
    } else if let Some(gap) = gap_points {
        if gap > th.red_points {
            Light::SeverelyBehind
        } else if gap > th.amber_points {
            Light::Behind
        } else {
            Light::OnTrack
        }
    } else {
        Light::None
    }
}
