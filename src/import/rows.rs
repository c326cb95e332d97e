//! One table row → one item: its label, its cells as a verbatim source sentence, owners, deadline,
//! figures (完成率, investment), project details and done. Stores what the row says and nothing
//! more; a cell that cannot be read is a problem naming the cell.

use super::cells;
use super::dates::{self, When};
use super::header::{Column, Field, Header};
use super::problem::Kind;
use super::sheet::{Cell, Sheet};
use crate::ingest::words;
use crate::model::format::{Day, Figure, Project, RateKind, Task, Value};
use crate::model::ItemFile;

/// Progress or status words that say the work is done.
const DONE_WORDS: &[&str] = &[
    "已完成",
    "完成",
    "已办结",
    "办结",
    "已销号",
    "销号",
    "是",
    "已竣工",
];

/// What an item row needs from its sheet.
pub struct Ctx<'a> {
    /// The sheet.
    pub sheet: &'a Sheet,
    /// Its header.
    pub header: &'a Header,
    /// The year text dates belong to (6月底前 of that year).
    pub year: i32,
    /// The 完成率 column holds percentage cells (0.6 for 60%).
    pub rate_fractions: bool,
    /// The table is of projects (its item column is 项目名称): every row is a project; otherwise a
    /// row is one when it states money.
    pub projects: bool,
}

/// A column's name for messages and the source sentence: 总投资（万元）.
pub fn shown_name(c: &Column) -> String {
    match &c.unit {
        Some(u) => format!("{}（{u}）", c.name),
        None => c.name.clone(),
    }
}

/// Builds the item of row `r` (its id is set later). Problems are (column, kind).
pub fn item(ctx: &Ctx<'_>, r: usize, problems: &mut Vec<(usize, Kind)>) -> ItemFile {
    let mut rd = Reader { ctx, r, problems };
    for c in &ctx.header.columns {
        if let Cell::Error(e) = ctx.sheet.cell(r, c.col) {
            rd.problems
                .push((c.col, Kind::ErrorCell(shown_name(c), e.clone())));
        }
    }
    let mut it = ItemFile {
        id: Default::default(),
        label: rd.text(Field::Task).unwrap_or_default().into(),
        source: source(ctx, r).into(),
        headline: false,
        leader: rd.text(Field::Leader).map(Into::into),
        office: rd.text(Field::Office).map(Into::into),
        figures: Vec::new(),
        start: None,
        deadline: None,
        deadline_text: None,
        done: None,
        firmness: None,
        task: None,
        project: None,
        ledger: None,
        note: rd.text(Field::Note).map(Into::into),
    };
    match rd.deadline() {
        Some(When::Date(d, words)) => {
            it.deadline = Some(Day(d));
            it.deadline_text = words.map(Into::into);
        }
        Some(When::Ongoing(words)) => it.deadline_text = Some(words.into()),
        None => {}
    }
    it.figures.extend(rd.rate());
    it.figures.extend(rd.amounts(Field::Progress, false));
    it.figures.extend(rd.amounts(Field::Target, true));
    let progress = rd.text(Field::Progress);
    let status = rd.text(Field::Status);
    if [&progress, &status]
        .into_iter()
        .flatten()
        .any(|t| DONE_WORDS.contains(&t.as_str()))
    {
        it.done = Some(true);
    }
    let project = Project {
        investment: rd.money(Field::Investment),
        annual_plan: rd.money(Field::AnnualPlan),
        annual_done: rd.money(Field::AnnualDone),
        cumulative: rd.money(Field::Spent),
        ..Project::default()
    };
    let states_money = project != Project::default();
    if ctx.projects || states_money {
        it.project = Some(Project {
            status: progress.map(Into::into),
            problems: rd
                .text(Field::Problems)
                .into_iter()
                .map(Into::into)
                .collect(),
            ..project
        });
    } else {
        // A key-task row: its goal, the period's plan and its result, as the table words them.
        let task = Task {
            goal: rd.text(Field::Target).map(Into::into),
            plan: rd.text(Field::Plan).map(Into::into),
            result: progress.map(Into::into),
        };
        it.task = (task != Task::default()).then(|| Box::new(task));
    }
    it
}

/// Reads the cells of one row, collecting the problems of those it cannot read.
struct Reader<'a, 'p> {
    ctx: &'a Ctx<'a>,
    r: usize,
    problems: &'p mut Vec<(usize, Kind)>,
}

impl Reader<'_, '_> {
    /// The column of a field and the row's cell in it, unless it is blank, a placeholder (`-`, `/`,
    /// 无) or an error cell (reported once, above).
    fn cell(&self, f: Field) -> Option<(&Column, &Cell)> {
        let c = self.ctx.header.find(f)?;
        let cell = self.ctx.sheet.cell(self.r, c.col);
        let skip = cells::is_nothing(&cell.text()) || matches!(cell, Cell::Error(_));
        (!skip).then_some((c, cell))
    }

    /// A text cell on one line.
    fn text(&self, f: Field) -> Option<String> {
        self.cell(f).map(|(_, cell)| one_line(&cell.text()))
    }

    /// The 完成时限 cell as a date or as ongoing words; a cell that is neither is a problem, and one
    /// not decided yet (待定) a warning.
    fn deadline(&mut self) -> Option<When> {
        let (c, cell) = self.cell(Field::Deadline)?;
        let when = dates::when(cell, self.ctx.year);
        let kind = match &when {
            None => Kind::BadDate(shown_name(c), cell.text()),
            Some(When::Ongoing(w)) if dates::UNDECIDED.contains(&w.as_str()) => {
                Kind::Undecided(shown_name(c), w.clone())
            }
            Some(_) => return when,
        };
        self.problems.push((c.col, kind));
        when
    }

    /// The quantities a text cell states (目标任务 "继续流转600亩土地" → 600亩), each a figure: a
    /// target, or a reported value. Growth (增长6%) and rates are not quantities of the item.
    fn amounts(&self, f: Field, target: bool) -> Vec<Figure> {
        let Some((c, cell)) = self.cell(f) else {
            return Vec::new();
        };
        let text = cell.text();
        words::amounts(&text)
            .into_iter()
            .filter(|a| a.growth.is_none() && !a.is_rate())
            .map(|a| Figure {
                label: Some(c.name.clone().into()),
                value: (!target).then_some(a.value),
                unit: a.unit.into(),
                approx: a.approx,
                target: target.then_some(a.value),
                ..Figure::default()
            })
            .collect()
    }

    /// 完成率 as the item's progress rate, in % as the table states it.
    fn rate(&mut self) -> Option<Figure> {
        let (c, cell) = self.cell(Field::Rate)?;
        let Some(v) = cells::percent(cell, self.ctx.rate_fractions) else {
            let kind = Kind::BadPercent(shown_name(c), cell.text());
            self.problems.push((c.col, kind));
            return None;
        };
        Some(Figure {
            label: Some(c.name.clone().into()),
            value: Some(v),
            unit: "%".into(),
            rate: Some(RateKind::Progress),
            ..Figure::default()
        })
    }

    /// A money cell: the amount in the cell's unit, else the header's, else 万元 with a warning.
    fn money(&mut self, f: Field) -> Option<Figure> {
        let (c, cell) = self.cell(f)?;
        let Some(n) = cells::number(cell) else {
            let kind = Kind::BadNumber(shown_name(c), cell.text());
            self.problems.push((c.col, kind));
            return None;
        };
        let (col, name, text) = (c.col, shown_name(c), cell.text());
        let unit = match n.unit.or_else(|| c.unit.clone()) {
            Some(u) => u,
            None => {
                self.problems.push((col, Kind::UnitAssumed(name.clone())));
                "万元".into()
            }
        };
        if crate::model::numbers::wan_factor(&unit).is_none() {
            // 约260米 typed in 累计完成投资: no money to compare or sum with the project's.
            self.problems.push((col, Kind::NotMoney(name, text)));
            return None;
        }
        Some(Figure {
            value: Some(n.value),
            unit: unit.into(),
            approx: n.approx,
            ..Figure::default()
        })
    }
}

/// The text of a field's cell in row `r` on one line, unless blank or a placeholder.
pub fn cell_text(ctx: &Ctx<'_>, r: usize, f: Field) -> Option<String> {
    let c = ctx.header.find(f)?;
    let t = one_line(&ctx.sheet.cell(r, c.col).text());
    (!cells::is_nothing(&t)).then_some(t)
}

/// True for progress or status words that say the work is done (已完成, 已销号).
pub fn says_done(text: &str) -> bool {
    DONE_WORDS.contains(&text)
}

/// A cell's text on one line: line breaks inside a cell dropped (Chinese needs no space there).
fn one_line(s: &str) -> String {
    let joined: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    crate::model::sanitize::clean_text(&joined.join(""))
}

/// The row's cells as one sentence, column by column: `重点工作：秸秆禁烧；责任领导：张明；…`
/// (序号 left out). Percentage cells read as the sheet shows them (81%), date cells as dates.
pub fn source(ctx: &Ctx<'_>, r: usize) -> String {
    source_cells(ctx, r, false)
}

/// [`source`], leaving out with `own_only` the cells merged down from a row above (a milestone row
/// of a project whose name spans it says only what is its own).
pub fn source_cells(ctx: &Ctx<'_>, r: usize, own_only: bool) -> String {
    let mut parts = Vec::new();
    for c in &ctx.header.columns {
        if c.field == Field::Seq {
            continue;
        }
        let cell = ctx.sheet.cell(r, c.col);
        let from_above = || {
            ctx.sheet
                .region_at(r, c.col)
                .is_some_and(|m| (m.top as usize) < r)
        };
        if cell.is_blank() || own_only && from_above() {
            continue;
        }
        let shown = match (c.field, cell) {
            (Field::Rate, Cell::Num(_)) => cells::percent(cell, ctx.rate_fractions)
                .and_then(Value::num)
                .map(|v| format!("{}%", crate::model::numbers::fmt_num(v)))
                .unwrap_or_else(|| cell.text()),
            _ => one_line(&cell.text()),
        };
        parts.push(format!("{}：{shown}", shown_name(c)));
    }
    // Cells are joined by ；, unless a cell ends its own sentence (…建设。).
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() && !out.ends_with(['。', '；', ';']) {
            out.push('；');
        }
        out.push_str(&p);
    }
    out
}
