//! What an item is: the kind decided once when its file is loaded, and the item as the rest of the
//! program sees it. The file's shape is [`ItemFile`]; reading one decides the [`ItemKind`].

use super::clean::{Line, Text};
use super::format::{is_false, Day, Figure, Firmness, Ledger, Project, Task};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// An item as the file writes it: the schema's shape. Loading turns it into an [`Item`] whose kind is
// decided once (see `ItemFile` -> `Item` below).
/// One reported thing: a count, a project, a ledger or a next-step target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    /// Stable id, the same from week to week so history can follow the item.
    pub id: Line,
    /// Short label (e.g. 党风廉政建设专题会议, or a project's name).
    pub label: Line,
    /// The report sentence the figures were taken from, verbatim.
    pub source: Text,
    /// Kept so older files load; the overview and the brief now choose figures by rule (targets,
    /// lights, changes, money and growth first), not by this flag.
    #[serde(default, skip_serializing_if = "is_false")]
    pub headline: bool,
    /// 责任领导: the leader responsible, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Line>,
    /// 责任单位: the office or unit responsible, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Line>,
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
    pub deadline_text: Option<Line>,
    /// Marked done by the office (完成 / 销号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<bool>,
    /// How firm a task without figures is: 确保, 力争, 争取, 预计, 计划 (力争按时完成全年固投任务).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmness: Option<Firmness>,
    /// A key-task table row's cells (攻坚目标任务, 本季度工作任务安排, 本季度完成情况), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Box<Task>>,
    /// Project details, for a key project (重点项目).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
    /// Ledger totals and entries, for hazards and problems (台账).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<Ledger>,
    /// Any remark of the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// What an item is, decided once when its file is loaded; every rule and screen `match`es on it. (Real
/// reports also state rates, parts of a whole and bundles of figures: new kinds go here, and the compiler
/// then lists every place that must learn them.)
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// Counts and measures the report states (6次, 400多亩, 200 of 800亩).
    Quantity,
    /// A rate is the item's main figure (形象进度60%, 覆盖率100%, 目标完成率173.5%): a percentage with
    /// its [`RateKind`](super::figure::RateKind); a progress rate gets a bar and a light.
    Rate,
    /// A next-step target: figures that state only a target (目标600亩), or a task with a deadline.
    Target,
    /// A key project (重点项目): investment, 形象进度, problems, milestones; figures may add progress.
    Project(Box<Project>),
    /// A hazard or problem ledger (台账): found, rectified, open, entries.
    Ledger(Box<Ledger>),
    /// Words only: nothing to count, no deadline.
    Text,
}

impl ItemKind {
    /// Decides the kind from the file's fields: a ledger, else a project, else from the figures and the
    /// deadline.
    fn decide(
        project: Option<Project>,
        ledger: Option<Ledger>,
        figures: &[Figure],
        deadline: bool,
    ) -> Result<ItemKind, &'static str> {
        Ok(match (project, ledger) {
            (Some(_), Some(_)) => {
                return Err("an item is a project or a ledger, not both: split it into two items")
            }
            (_, Some(l)) => ItemKind::Ledger(Box::new(l)),
            (Some(p), None) => ItemKind::Project(Box::new(p)),
            (None, None) if figures.first().is_some_and(|f| f.rate.is_some()) => ItemKind::Rate,
            (None, None) if figures.iter().any(|f| f.value.is_some()) => ItemKind::Quantity,
            (None, None) if !figures.is_empty() || deadline => ItemKind::Target,
            (None, None) => ItemKind::Text,
        })
    }
}

/// One reported thing, with its kind decided when the file was loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ItemFile", into = "ItemFile")]
pub struct Item {
    /// Stable id, the same from week to week so history can follow the item.
    pub id: Line,
    /// Short label (e.g. 党风廉政建设专题会议, or a project's name).
    pub label: Line,
    /// The report sentence the figures were taken from, verbatim.
    pub source: Text,
    /// Show this item's first figure on the overview card.
    pub headline: bool,
    /// 责任领导: the leader responsible, when stated.
    pub leader: Option<Line>,
    /// 责任单位: the office or unit responsible, when stated.
    pub office: Option<Line>,
    /// The figures the sentence states; the first is the item's main figure.
    pub figures: Vec<Figure>,
    /// Start of the period for 序时进度; default 1 January of the as-of year.
    pub start: Option<Day>,
    /// Deadline of a target or task.
    pub deadline: Option<Day>,
    /// The report's own words for the deadline (年底前, 7月底前 …).
    pub deadline_text: Option<Line>,
    /// Marked done by the office (完成 / 销号).
    pub done: Option<bool>,
    /// How firm a task without figures is (确保, 力争, 争取, 预计, 计划).
    pub firmness: Option<Firmness>,
    /// A key-task table row's cells, verbatim.
    pub task: Option<Box<Task>>,
    /// Any remark of the office.
    pub note: Option<Text>,
    /// What the item is.
    pub kind: ItemKind,
}

/// The mark `huibao new` puts at the head of the note of every item it carries over: the figures are
/// last snapshot's until the office edits them and deletes the mark.
pub const AWAITING_MARK: &str = "待更新：";

impl Item {
    /// True while the item's note still starts with [`AWAITING_MARK`].
    pub fn awaiting_update(&self) -> bool {
        self.note
            .as_deref()
            .is_some_and(|n| n.starts_with(AWAITING_MARK))
    }

    /// The project details, when the item is a project.
    pub fn project(&self) -> Option<&Project> {
        match &self.kind {
            ItemKind::Project(p) => Some(p),
            _ => None,
        }
    }

    /// True when the item states something to count: figures, a ledger's totals, or a project's
    /// count and money.
    pub fn has_figures(&self) -> bool {
        match &self.kind {
            ItemKind::Ledger(_) => true,
            ItemKind::Project(p)
                if p.count.is_some()
                    || p.investment.is_some()
                    || p.annual_plan.is_some()
                    || p.annual_done.is_some()
                    || p.cumulative.is_some()
                    || p.annual_rate.is_some() =>
            {
                true
            }
            ItemKind::Quantity
            | ItemKind::Rate
            | ItemKind::Target
            | ItemKind::Project(_)
            | ItemKind::Text => !self.figures.is_empty(),
        }
    }

    /// The ledger, when the item is a ledger.
    pub fn ledger(&self) -> Option<&Ledger> {
        match &self.kind {
            ItemKind::Ledger(l) => Some(l),
            _ => None,
        }
    }
}

impl TryFrom<ItemFile> for Item {
    type Error = &'static str;
    fn try_from(f: ItemFile) -> Result<Item, Self::Error> {
        let kind = ItemKind::decide(f.project, f.ledger, &f.figures, f.deadline.is_some())?;
        Ok(Item {
            id: f.id,
            label: f.label,
            source: f.source,
            headline: f.headline,
            leader: f.leader,
            office: f.office,
            figures: f.figures,
            start: f.start,
            deadline: f.deadline,
            deadline_text: f.deadline_text,
            done: f.done,
            firmness: f.firmness,
            task: f.task,
            note: f.note,
            kind,
        })
    }
}

impl From<Item> for ItemFile {
    fn from(i: Item) -> ItemFile {
        let (project, ledger) = match i.kind {
            ItemKind::Project(p) => (Some(*p), None),
            ItemKind::Ledger(l) => (None, Some(*l)),
            ItemKind::Quantity | ItemKind::Rate | ItemKind::Target | ItemKind::Text => (None, None),
        };
        ItemFile {
            id: i.id,
            label: i.label,
            source: i.source,
            headline: i.headline,
            leader: i.leader,
            office: i.office,
            figures: i.figures,
            start: i.start,
            deadline: i.deadline,
            deadline_text: i.deadline_text,
            done: i.done,
            firmness: i.firmness,
            task: i.task,
            project,
            ledger,
            note: i.note,
        }
    }
}

impl JsonSchema for Item {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Item".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ItemFile::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineFile;

    fn file(item: &str) -> String {
        format!(
            r#"{{"id": "l", "title": "t", "as_of": "2023-06-30", "groups": [{{"title": "g", "items": [
{item}
]}}]}}"#
        )
    }

    fn kind_of(item: &str) -> ItemKind {
        let f: LineFile = crate::model::encoding::parse_json(&file(item), "l.json").unwrap();
        f.groups[0].items[0].kind.clone()
    }

    #[test]
    fn the_kind_is_decided_at_load() {
        let base = r#""id": "a", "label": "a", "source": "s""#;
        assert_eq!(kind_of(&format!("{{{base}}}")), ItemKind::Text);
        let fig = |v: &str| format!(r#"{{{base}, "figures": [{{"unit": "亩", {v}}}]}}"#);
        assert_eq!(kind_of(&fig(r#""value": 5"#)), ItemKind::Quantity);
        assert_eq!(kind_of(&fig(r#""target": 600"#)), ItemKind::Target);
        let task = format!(r#"{{{base}, "deadline": "2023-12-31"}}"#);
        assert_eq!(kind_of(&task), ItemKind::Target);
        let project = format!(r#"{{{base}, "project": {{"status": "在建"}}}}"#);
        assert!(matches!(kind_of(&project), ItemKind::Project(_)));
        let ledger =
            format!(r#"{{{base}, "ledger": {{"unit": "处", "found": 3, "rectified": 1}}}}"#);
        assert!(matches!(kind_of(&ledger), ItemKind::Ledger(_)));
    }

    #[test]
    fn a_project_that_is_also_a_ledger_is_refused_at_the_item() {
        let both = r#"{"id": "a", "label": "a", "source": "s", "project": {},
 "ledger": {"unit": "处", "found": 3, "rectified": 1}}"#;
        let e = crate::model::encoding::parse_json::<LineFile>(&file(both), "l.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "l.json:2:1: groups[0].items[0]: an item is a project or a ledger, not both: split it into two items"
        );
    }
}
