//! A project over several rows: its name merged down over one row per milestone (时间节点 and what
//! is due on each row), or — where the format keeps no merges — left blank under it. The rows
//! become one item whose milestones are the rows.

use super::header::Field;
use super::problem::Kind;
use super::rows::{self, Ctx};
use crate::model::format::{Milestone, Project};
use crate::model::ItemFile;

/// True when row `r` continues the item above it: its name cell belongs to a merged region that
/// began above, or (a format without merges) it has no name, no 序号, but a deadline.
pub fn continues(ctx: &Ctx<'_>, r: usize) -> bool {
    let Some(task) = ctx.header.find(Field::Task) else {
        return false;
    };
    if ctx.sheet.merges_known {
        return ctx
            .sheet
            .region_at(r, task.col)
            .is_some_and(|m| (m.top as usize) < r && m.bottom > m.top);
    }
    let blank = |f: Field| {
        ctx.header
            .find(f)
            .is_none_or(|c| ctx.sheet.cell(r, c.col).is_blank())
    };
    blank(Field::Task) && blank(Field::Seq) && !blank(Field::Deadline)
}

/// Adds row `r` to `it`, the item that began on row `first`: the first row's deadline becomes the
/// first milestone, and this row's deadline the next, with what the row says is due (its 形象进度 /
/// 进展情况, else its 目标任务). The row's own cells join the source, its money and rates the item's
/// figures.
pub fn absorb(
    ctx: &Ctx<'_>,
    first: usize,
    r: usize,
    it: &mut ItemFile,
    problems: &mut Vec<(usize, Kind)>,
) {
    let row = rows::item(ctx, r, problems);
    // A task row that turns out to have milestones becomes a project: its result is the status.
    let status = it.task.take().and_then(|t| t.result);
    let project = it.project.get_or_insert_with(|| Project {
        status: status.or_else(|| rows::cell_text(ctx, first, Field::Progress).map(Into::into)),
        problems: rows::cell_text(ctx, first, Field::Problems)
            .into_iter()
            .map(Into::into)
            .collect(),
        ..Project::default()
    });
    if project.milestones.is_empty() {
        if let Some(due) = it.deadline.take() {
            project.milestones.push(Milestone {
                what: what_is_due(ctx, first)
                    .map(Into::into)
                    .unwrap_or_else(|| it.label.clone()),
                due,
                due_text: it.deadline_text.take(),
                done: it.done.take() == Some(true),
            });
        }
    }
    if let Some(due) = row.deadline {
        project.milestones.push(Milestone {
            what: what_is_due(ctx, r)
                .map(Into::into)
                .unwrap_or_else(|| it.label.clone()),
            due,
            due_text: row.deadline_text,
            done: row.done == Some(true),
        });
    }
    project.milestones.sort_by_key(|m| m.due);
    if let Some(p) = row.project {
        project.problems.extend(p.problems);
    }
    // What the row's 形象进度 says is the milestone's text already; other figures (money, 完成率) join.
    let progress = ctx.header.find(Field::Progress).map(|c| c.name.as_str());
    it.figures.extend(
        row.figures
            .into_iter()
            .filter(|f| f.label.as_deref() != progress || progress.is_none()),
    );
    let own = rows::source_cells(ctx, r, true);
    if !own.is_empty() {
        it.source = format!("{}；{own}", it.source).into();
    }
}

/// What row `r` says is due: its progress words, else its target.
fn what_is_due(ctx: &Ctx<'_>, r: usize) -> Option<String> {
    [Field::Progress, Field::Target]
        .into_iter()
        .find_map(|f| rows::cell_text(ctx, r, f))
}
