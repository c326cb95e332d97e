//! The report's words that qualify a figure: approximations (多/余/约), bounds (至少/以上/以内) and
//! firmness (确保/力争/预计).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

/// A bound in the report's word. Lower bounds: 至少, 不少于, 不低于, 以上, 超过, 超, 突破, 逾; upper
/// bounds: 以内, 不超过, 不高于.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Bound {
    /// 至少1个.
    #[serde(rename = "至少")]
    AtLeast,
    /// 不少于3次.
    #[serde(rename = "不少于")]
    NoFewer,
    /// 不低于95%.
    #[serde(rename = "不低于")]
    NoLower,
    /// 90%以上 (written after the figure).
    #[serde(rename = "以上")]
    OrMore,
    /// 超过1000万元.
    #[serde(rename = "超过")]
    Exceeds,
    /// 超2万人次.
    #[serde(rename = "超")]
    Over,
    /// 突破2.7亿元.
    #[serde(rename = "突破")]
    BrokeThrough,
    /// 逾百人.
    #[serde(rename = "逾")]
    Beyond,
    /// 3天以内 (written after the figure).
    #[serde(rename = "以内")]
    Within,
    /// 不超过5%.
    #[serde(rename = "不超过")]
    NoMore,
    /// 不高于3%.
    #[serde(rename = "不高于")]
    NoHigher,
}

impl Bound {
    /// The report's word.
    pub fn zh(self) -> &'static str {
        match self {
            Bound::AtLeast => "至少",
            Bound::NoFewer => "不少于",
            Bound::NoLower => "不低于",
            Bound::OrMore => "以上",
            Bound::Exceeds => "超过",
            Bound::Over => "超",
            Bound::BrokeThrough => "突破",
            Bound::Beyond => "逾",
            Bound::Within => "以内",
            Bound::NoMore => "不超过",
            Bound::NoHigher => "不高于",
        }
    }
    /// The bound as a sign for the English interface: `≥` (至少, 不少于, 不低于, 以上), `>` (超过, 超,
    /// 突破, 逾), `≤` (以内, 不超过, 不高于).
    pub fn sign(self) -> &'static str {
        match self {
            Bound::AtLeast | Bound::NoFewer | Bound::NoLower | Bound::OrMore => "≥",
            Bound::Exceeds | Bound::Over | Bound::BrokeThrough | Bound::Beyond => ">",
            Bound::Within | Bound::NoMore | Bound::NoHigher => "≤",
        }
    }
    /// True when the word follows the figure (90%以上, 3天以内); the others precede it (至少1个).
    pub fn follows(self) -> bool {
        matches!(self, Bound::OrMore | Bound::Within)
    }
    /// True for an upper bound (以内, 不超过, 不高于).
    pub fn is_upper(self) -> bool {
        matches!(self, Bound::Within | Bound::NoMore | Bound::NoHigher)
    }
    /// Puts the word around a figure's text the way reports do.
    pub fn around(self, text: &str) -> String {
        if self.follows() {
            format!("{text}{}", self.zh())
        } else {
            format!("{}{text}", self.zh())
        }
    }
}

/// How firm a target or figure is, in the report's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Firmness {
    /// 确保: must be met.
    #[serde(rename = "确保")]
    Ensure,
    /// 力争: strive for.
    #[serde(rename = "力争")]
    Strive,
    /// 争取: try for.
    #[serde(rename = "争取")]
    Seek,
    /// 预计: an estimate (of a value not yet final).
    #[serde(rename = "预计")]
    Expected,
    /// 计划: planned.
    #[serde(rename = "计划")]
    Planned,
}

impl Firmness {
    /// The word for the English interface, with its space.
    pub fn en(self) -> &'static str {
        match self {
            Firmness::Ensure => "must ",
            Firmness::Strive | Firmness::Seek => "aim ",
            Firmness::Expected => "est. ",
            Firmness::Planned => "plan ",
        }
    }
    /// The report's word.
    pub fn zh(self) -> &'static str {
        match self {
            Firmness::Ensure => "确保",
            Firmness::Strive => "力争",
            Firmness::Seek => "争取",
            Firmness::Expected => "预计",
            Firmness::Planned => "计划",
        }
    }
}
