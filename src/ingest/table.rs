//! Key-task tables inside a Word report (重点工作计划执行情况: 序号, 重点工作, 责任领导, 责任科室, 攻坚目标
//! 任务, 工作任务安排, 第二季度完成情况): one item per row, named by its task, with its leader and office,
//! the figures of its 完成情况 cell as values and those of its 目标 cell as targets.

use super::outline::Para;
use super::words::{self, Amount};
use crate::model::format::Figure;

/// One row of a key-task table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRow {
    /// 重点工作 / 工作任务 / 项目名称.
    pub name: String,
    /// 责任领导 / 分管领导 / 包抓领导.
    pub leader: Option<String>,
    /// 责任科室 / 责任单位 / 牵头单位.
    pub office: Option<String>,
    /// The 目标 cell.
    pub target: String,
    /// The 完成情况 / 进展情况 / 形象进度 cell.
    pub progress: String,
    /// The row as the report text has it (its cells joined by ，).
    pub text: String,
    /// Cells of other columns that hold numbers, with their column's name: not drafted, listed.
    pub other: Vec<(String, String)>,
}

/// Column names: a header cell (line breaks and spaces removed) naming each field.
const NAME: &[&str] = &["重点工作", "工作任务", "项目名称", "重点任务", "工作内容"];
const LEADER: &[&str] = &["责任领导", "分管领导", "包抓领导", "牵头领导"];
const OFFICE: &[&str] = &["责任科室", "责任单位", "牵头单位", "责任部门"];
const TARGET: &[&str] = &["目标", "年度目标"];
const PROGRESS: &[&str] = &["完成情况", "进展情况", "形象进度", "推进情况", "执行情况"];

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        names.iter().any(|n| h.contains(n))
    })
}

/// Splits the key-task rows out of a report's paragraphs: rows of tables whose header names a task
/// column and a progress column. The other paragraphs come back as they were.
pub fn key_tasks(paras: &[Para]) -> (Vec<TaskRow>, Vec<Para>) {
    let mut rows = Vec::new();
    let mut rest = Vec::new();
    for p in paras {
        let cols = (column(&p.header, NAME), column(&p.header, PROGRESS));
        let (Some(name), Some(progress)) = cols else {
            rest.push(p.clone());
            continue;
        };
        if !p.table || p.cells == p.header {
            // The header row itself, and prose, stay out.
            if !p.table {
                rest.push(p.clone());
            }
            continue;
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| p.cells.get(i))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        };
        let Some(task) = cell(Some(name)) else {
            rest.push(p.clone());
            continue;
        };
        let used = [NAME, LEADER, OFFICE, TARGET, PROGRESS, &["序号"]];
        let other = p
            .cells
            .iter()
            .zip(&p.header)
            .filter(|(c, h)| {
                c.chars().any(|ch| ch.is_ascii_digit())
                    && !used
                        .iter()
                        .any(|n| column(std::slice::from_ref(*h), n).is_some())
            })
            .map(|(c, h)| {
                (
                    h.split_whitespace().collect::<String>(),
                    c.trim().to_string(),
                )
            })
            .collect();
        rows.push(TaskRow {
            name: task,
            leader: cell(column(&p.header, LEADER)),
            office: cell(column(&p.header, OFFICE)),
            target: cell(column(&p.header, TARGET)).unwrap_or_default(),
            progress: cell(Some(progress)).unwrap_or_default(),
            text: p.text.clone(),
            other,
        });
    }
    (rows, rest)
}

/// The figures of a row: what its 完成情况 cell states, each with the target its 目标 cell states in
/// the same unit; growth and bounds are left to the review list by the caller.
///
/// A planned amount in the same cell (总投资6000万元的19个项目完成投资3000万元) is the target of the
/// amount done, not a figure of its own.
pub fn row_figures(row: &TaskRow) -> Vec<Figure> {
    let mut targets: Vec<Amount> = words::amounts(&row.target);
    let mut out = Vec::new();
    for a in words::amounts(&row.progress)
        .into_iter()
        .filter(|a| a.growth.is_none())
    {
        let before = &row.progress[..a.start];
        if ["总投资", "计划投资", "年度计划", "计划"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            targets.insert(0, a);
            continue;
        }
        out.push(Figure {
            label: None,
            value: Some(a.value),
            target: targets.iter().find(|t| t.unit == a.unit).map(|t| t.value),
            unit: a.unit.into(),
            approx: a.approx,
            ..Figure::default()
        });
    }
    // The figure with a target first: it is the item's progress.
    out.sort_by_key(|f| f.target.is_none());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::Value;

    fn row(cells: &[&str], header: &[&str]) -> Para {
        Para {
            text: cells.join("，"),
            table: true,
            cells: cells.iter().map(|s| s.to_string()).collect(),
            header: header.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn rows_of_a_key_task_table_become_tasks() {
        let header = [
            "序号",
            "重点工作",
            "责任\n领导",
            "责任\n科室",
            "攻坚目标\n任务",
            "第二季度\n完成情况",
        ];
        let paras = [
            row(&header, &header),
            row(
                &[
                    "1",
                    "白仙山水库工程政策处理",
                    "欧乾震",
                    "领导小组",
                    "完成政策处理。",
                    "坟墓迁移进度达60%。",
                ],
                &header,
            ),
            Para {
                text: "正文".into(),
                ..Default::default()
            },
        ];
        let (rows, rest) = key_tasks(&paras);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "白仙山水库工程政策处理");
        assert_eq!(rows[0].leader.as_deref(), Some("欧乾震"));
        assert_eq!(rows[0].office.as_deref(), Some("领导小组"));
        assert_eq!(rest.len(), 1);
        let figs = row_figures(&rows[0]);
        assert_eq!(figs[0].value, Some(Value::Num(60.0)));
        assert_eq!(figs[0].unit, "%");
        let bundle = TaskRow {
            progress: "本年度总投资6000万元的19个项目完成投资3000万元。".into(),
            ..rows[0].clone()
        };
        let figs = row_figures(&bundle);
        assert_eq!(figs.len(), 2);
        assert_eq!(figs[0].value, Some(Value::Num(3000.0)));
        assert_eq!(figs[0].target, Some(Value::Num(6000.0)));
        assert_eq!(figs[1].value, Some(Value::Num(19.0)));
        assert_eq!(figs[1].unit, "个");
    }
}
