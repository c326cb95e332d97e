//! `new`: next week's snapshot scaffolded from the newest one — the same lines, groups, items, ids,
//! targets, deadlines and owners, `as_of` set to the new date, and every item's figures kept and
//! marked for update in its note, so the office edits only what changed.

use super::Message;
use crate::model::format::Day;
use crate::model::LineFile;
use chrono::NaiveDate;
use std::path::Path;

/// The start of the note that marks an item's figures as carried over.
pub const MARK: &str = "待更新";

/// Every line's newest file in a data folder, and the newest snapshot date. Errors are messages for
/// the clerk (no folder, nothing loaded, files with errors).
pub fn newest_lines(dir: &Path) -> Result<(NaiveDate, Vec<LineFile>), Message> {
    let ds = crate::model::load::load_dir(dir);
    if let Some(e) = ds.errors().next() {
        return Err(Message::new(
            format!("数据文件夹有错误，请先修正（huibao validate）：{e}"),
            format!("the data folder has errors; fix them first (huibao validate): {e}"),
        ));
    }
    let newest = ds.latest_date().ok_or_else(|| {
        Message::new(
            "还没有任何快照（如 2023-06-30/）",
            "holds no snapshot yet (a folder like 2023-06-30/)",
        )
        .about(&dir.display().to_string())
    })?;
    let lines = ds
        .lines
        .iter()
        .map(|l| LineFile::clone(&l.latest().file))
        .collect();
    Ok((newest, lines))
}

/// The note of an item carried over from `from`: the carry-over mark, then the office's own remark
/// (an earlier mark is replaced, not repeated).
fn carried_note(old: Option<&str>, from: NaiveDate) -> String {
    let mark = format!("{MARK}：数字沿用 {from} 的快照，请改为本期数字");
    match old.map(|n| {
        n.split_once('｜').map_or(
            n,
            |(head, rest)| if head.starts_with(MARK) { rest } else { n },
        )
    }) {
        Some(rest) if !rest.starts_with(MARK) && !rest.is_empty() => format!("{mark}｜{rest}"),
        _ => mark,
    }
}

/// The scaffold of the snapshot at `date` from the lines of the snapshot at `from`.
pub fn scaffold(lines: &[LineFile], from: NaiveDate, date: NaiveDate) -> Vec<LineFile> {
    lines
        .iter()
        .map(|l| {
            let mut l = l.clone();
            l.as_of = Day(date);
            for g in &mut l.groups {
                for it in &mut g.items {
                    let has_figures = it.has_figures() || it.project().is_some();
                    if has_figures {
                        it.note = Some(carried_note(it.note.as_deref(), from).into());
                    }
                }
            }
            l
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_replaced_not_repeated_and_remarks_stay() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap_or_default();
        let first = carried_note(None, d(6, 30));
        assert_eq!(first, "待更新：数字沿用 2023-06-30 的快照，请改为本期数字");
        let second = carried_note(Some(&first), d(7, 7));
        assert_eq!(second, "待更新：数字沿用 2023-07-07 的快照，请改为本期数字");
        let kept = carried_note(Some("项目已开工"), d(7, 7));
        assert_eq!(
            kept,
            "待更新：数字沿用 2023-07-07 的快照，请改为本期数字｜项目已开工"
        );
        let again = carried_note(Some(&kept), d(7, 14));
        assert_eq!(
            again,
            "待更新：数字沿用 2023-07-14 的快照，请改为本期数字｜项目已开工"
        );
    }

    #[test]
    fn the_seed_scaffolds_with_the_same_items_and_ids() {
        let (from, lines) = newest_lines(Path::new("data")).unwrap_or_else(|e| panic!("{e}"));
        let date = NaiveDate::from_ymd_opt(2023, 7, 7).unwrap_or_default();
        let next = scaffold(&lines, from, date);
        assert_eq!(next.len(), lines.len());
        for (a, b) in lines.iter().zip(&next) {
            assert_eq!(b.as_of, Day(date));
            let ids = |l: &LineFile| l.items().map(|i| i.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(a), ids(b));
            for (x, y) in a.items().zip(b.items()) {
                assert_eq!(
                    (&x.figures, &x.kind, &x.deadline),
                    (&y.figures, &y.kind, &y.deadline)
                );
                if !y.figures.is_empty() {
                    assert!(y.note.as_deref().is_some_and(|n| n.starts_with(MARK)));
                }
            }
        }
    }
}
