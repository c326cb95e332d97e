//! What each row under a 台账's header is: an item, a section heading (一、农业产业类), a row with
//! content but no name, or nothing to import (a blank, note, signature or 合计 row).

use super::header::{Field, Header};
use super::sheet::Sheet;

/// What a row of the table is.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Nothing to read, a note (注：…, 填表人：…) or a total (合计).
    Skip,
    /// A section heading (一、农业产业类): a new group.
    Section(String),
    /// Content but no task name.
    NoTask(usize),
    /// A work item.
    Item,
}

/// Words that begin a note or signature row under a table (注：…, 填表人：…) — with their colon or
/// their person, so a task named 注重… is still a task.
const NOTE_WORDS: &[&str] = &[
    "注：",
    "注:",
    "注：",
    "备注：",
    "备注:",
    "说明：",
    "说明:",
    "填表人",
    "填报人",
    "填报单位",
    "填报日期",
    "填报时间",
    "制表人",
    "制表单位",
    "制表时间",
    "审核人",
    "联系人",
    "联系电话",
    "负责人：",
    "单位负责人",
];

/// Words that begin a total row.
const TOTAL_WORDS: &[&str] = &["合计", "小计", "总计", "共计"];

/// What row `r` is. A row that repeats the header's names (each printed page has it) is skipped.
pub fn classify(sheet: &Sheet, header: &Header, r: usize) -> Row {
    let text = |f: Field| {
        header
            .find(f)
            .map(|c| sheet.cell(r, c.col).text())
            .unwrap_or_default()
    };
    let task = text(Field::Task);
    let first = sheet.rows[r].iter().position(|c| !c.is_blank());
    let Some(first) = first else {
        return Row::Skip;
    };
    let first_text = sheet.cell(r, first).text();
    if NOTE_WORDS.iter().any(|w| first_text.starts_with(w))
        && (task.is_empty() || task == first_text)
    {
        return Row::Skip;
    }
    let seq = text(Field::Seq);
    if TOTAL_WORDS
        .iter()
        .any(|w| task.starts_with(w) || seq.starts_with(w))
    {
        return Row::Skip;
    }
    // The header again (repeated on each printed page, or over a second table): no item.
    let repeated = header
        .columns
        .iter()
        .filter(|c| c.field != Field::Other && sheet.cell(r, c.col).text() == c.name)
        .count();
    if repeated >= 2
        && header
            .find(Field::Task)
            .is_some_and(|c| sheet.cell(r, c.col).text() == c.name)
    {
        return Row::Skip;
    }
    let content = header.columns.iter().any(|c| {
        !matches!(c.field, Field::Seq | Field::Task | Field::Category)
            && !sheet.cell(r, c.col).is_blank()
    });
    if task.is_empty() {
        return if content {
            Row::NoTask(first)
        } else {
            Row::Skip
        };
    }
    let others_repeat = header.columns.iter().all(|c| {
        let cell = sheet.cell(r, c.col);
        matches!(c.field, Field::Seq | Field::Task | Field::Category)
            || cell.is_blank()
            || cell.text() == task
    });
    // A heading (一、农业产业类): numbered in words, or its name merged across the row.
    let worded_seq = !seq.is_empty() && !seq.chars().all(|c| c.is_ascii_digit() || c == '.');
    let spans = header.find(Field::Task).is_some_and(|c| {
        sheet
            .region_at(r, c.col)
            .is_some_and(|m| m.right > m.left && m.top == m.bottom)
    });
    if others_repeat && (worded_seq || spans) {
        return Row::Section(task);
    }
    Row::Item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet::from_texts("s", rows, false)
    }

    #[test]
    fn rows_are_items_headings_notes_or_totals() {
        let s = sheet(&[
            &["序号", "重点工作", "责任单位"],
            &["一、", "农业产业类", ""],
            &["1", "注重人才培养", "组织办"],
            &["", "秸秆禁烧", ""],
            &["合计", "", "3个单位"],
            &["", "", "党建办"],
            &["注：数据截至6月底", "", ""],
            &["填表人：刘芳", "", "审核人：王强"],
            &["序号", "重点工作", "责任单位"],
            &["", "", ""],
        ]);
        let h = header::find(&s, &[]).unwrap();
        let kinds: Vec<Row> = (1..s.rows.len()).map(|r| classify(&s, &h, r)).collect();
        assert_eq!(
            kinds,
            [
                Row::Section("农业产业类".into()),
                Row::Item,
                Row::Item,
                Row::Skip,
                Row::NoTask(2),
                Row::Skip,
                Row::Skip,
                Row::Skip,
                Row::Skip,
            ]
        );
    }
}
