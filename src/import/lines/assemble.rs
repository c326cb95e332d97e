//! Gathering the drafted rows into work lines (one per sheet, or per 类别) and groups, with ids.

use super::{Draft, Table};
use crate::import::titles::{bare_title, line_id};
use crate::model::format::Day;
use crate::model::{Group, Item, ItemFile, LineFile};
use chrono::NaiveDate;

/// A sheet name that says nothing (Sheet1, 工作表1).
fn generic(name: &str) -> bool {
    name.is_empty() || name.to_lowercase().starts_with("sheet") || name.starts_with("工作表")
}

/// Gathers drafts into lines in order of first appearance, with ids.
pub(super) fn assemble(
    tables: &[Table],
    stem: &str,
    drafts: Vec<Draft>,
    as_of: NaiveDate,
) -> Vec<LineFile> {
    let mut keys: Vec<String> = Vec::new();
    for d in &drafts {
        if !keys.contains(&d.line) {
            keys.push(d.line.clone());
        }
    }
    let by_sheet = tables.iter().any(|t| keys.contains(&t.sheet.name));
    let mut taken: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for key in keys {
        let sheet = tables.iter().find(|t| t.sheet.name == key);
        let (title, short) = match sheet {
            // One sheet: the title line says what the line is; the sheet name is its short name.
            Some(t) if by_sheet && tables.len() == 1 => {
                let title = t
                    .titles
                    .first()
                    .map(|s| bare_title(s))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| {
                        if generic(&key) {
                            stem.to_string()
                        } else {
                            key.clone()
                        }
                    });
                let short = (!generic(&key) && title != key).then(|| key.clone());
                (title, short)
            }
            _ if generic(&key) => (stem.to_string(), None),
            _ => (key.clone(), None),
        };
        // A card or tab names the line short: the sheet's name, else the title's words.
        let short = short.or_else(|| super::super::titles::short_of(&title));
        let id = line_id(&title, short.as_deref(), &taken, lines.len() + 1);
        taken.push(id.clone());
        let mut groups: Vec<Group> = Vec::new();
        for d in drafts.iter().filter(|d| d.line == key) {
            match groups.last_mut() {
                Some(g) if g.title == d.group => g.items.push(to_item(d.item.clone())),
                _ => groups.push(Group {
                    period: None,
                    title: d.group.clone().into(),
                    items: vec![to_item(d.item.clone())],
                }),
            }
        }
        let count: usize = groups.iter().map(|g| g.items.len()).sum();
        let width = count.to_string().len().max(2);
        let mut n = 0;
        for g in &mut groups {
            for it in &mut g.items {
                n += 1;
                it.id = format!("{id}.{n:0width$}").into();
            }
        }
        lines.push(LineFile {
            schema: None,
            id: id.into(),
            title: title.into(),
            short: short.map(Into::into),
            as_of: Day(as_of),
            office: None,
            leader: None,
            groups,
            role: Default::default(),
            period: None,
        });
    }
    lines
}

/// The item of a drafted row, its kind decided by the model's rule (a project, else from its figures
/// and deadline).
fn to_item(file: ItemFile) -> Item {
    // Only an item that is both a project and a ledger is refused, and no row drafts a ledger.
    Item::try_from(file).expect("an imported row is never a ledger")
}
