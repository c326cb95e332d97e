//! Assembling an import: headers found sheet by sheet, the snapshot date from the title (截至…),
//! rows turned into items, items gathered into work lines (one per sheet, or per 类别) and groups
//! (the table's section rows), ids given, the town named.

use super::book::{Cell, Sheet};
use super::header::{self, Field, Header};
use super::problem::{Kind, Place, Problem};
use super::rows::{self, Ctx, Row};
use super::{cells, Imported, Options};
use crate::ingest::words;
use crate::model::format::{Day, Group, Item, LineFile, Thresholds, Town};
use chrono::{Datelike, NaiveDate};

/// One sheet ready to read: its cells (merges spread), header and title lines.
struct Table {
    sheet: Sheet,
    header: Header,
    titles: Vec<String>,
}

/// An item on its way into a line.
struct Draft {
    line: String,
    group: String,
    item: Item,
}

/// Imports already-read sheets of the file `file` (named `stem` without its extension).
pub fn import_sheets(
    file: &str,
    stem: &str,
    sheets: Vec<Sheet>,
    opts: &Options,
) -> Result<Imported, Vec<Problem>> {
    let place = |sheet: Option<&str>, cell: Option<(usize, usize)>| Place {
        file: file.to_string(),
        sheet: sheet.map(str::to_string),
        cell,
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut tables = Vec::new();
    for mut sheet in sheets {
        if sheet.merges_known {
            sheet.spread_merges();
        }
        match header::find(&sheet, &opts.map) {
            Some(header) => {
                let titles = title_lines(&sheet, header.top);
                tables.push(Table {
                    sheet,
                    header,
                    titles,
                });
            }
            None if sheet.rows.iter().flatten().any(|c| !c.is_blank()) => problems.push(Problem {
                place: place(Some(&sheet.name), None),
                kind: Kind::NoHeader,
            }),
            None => {}
        }
    }
    for (name, _) in &opts.map {
        let wanted = header::clean_name(name).0;
        if !tables
            .iter()
            .any(|t| t.header.columns.iter().any(|c| c.name == wanted))
        {
            problems.push(Problem {
                place: place(None, None),
                kind: Kind::MapUnused(name.clone()),
            });
        }
    }
    if tables.is_empty() {
        problems.push(Problem {
            place: place(None, None),
            kind: Kind::NoTable,
        });
        return Err(problems);
    }
    let all_titles: Vec<String> = tables
        .iter()
        .flat_map(|t| t.titles.iter().cloned())
        .collect();
    let all_titles: Vec<&str> = all_titles.iter().map(String::as_str).collect();
    let (as_of, as_of_words) = match opts.as_of {
        Some(d) => (d, None),
        None => match stated_date(&all_titles, opts.today.year()) {
            Some((d, w)) => (d, Some(w)),
            None => (opts.today, None),
        },
    };
    let mut drafts = Vec::new();
    let mut counts = Vec::new();
    for t in &mut tables {
        let filled = fill_down(&mut t.sheet, &t.header);
        for (col, first, n) in filled {
            let name = t
                .header
                .columns
                .iter()
                .find(|c| c.col == col)
                .map(rows::shown_name)
                .unwrap_or_default();
            problems.push(Problem {
                place: place(Some(&t.sheet.name), Some((first, col))),
                kind: Kind::FilledDown(name, n),
            });
        }
        let before = drafts.len();
        read_rows(t, as_of.year(), &mut drafts, &mut |cell, kind| {
            problems.push(Problem {
                place: place(Some(&t.sheet.name), Some(cell)),
                kind,
            })
        });
        let name = if t.sheet.name.is_empty() {
            stem.to_string()
        } else {
            t.sheet.name.clone()
        };
        counts.push((name, drafts.len() - before));
    }
    if problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    if drafts.is_empty() {
        problems.push(Problem {
            place: place(None, None),
            kind: Kind::NoRows,
        });
        return Err(problems);
    }
    let lines = assemble(&tables, stem, drafts, as_of);
    let first_title = all_titles
        .first()
        .map(|s| bare_title(s))
        .filter(|s| !s.is_empty());
    let town = Town {
        schema: None,
        name: opts
            .town
            .clone()
            .or_else(|| all_titles.iter().find_map(|t| town_in(t)))
            .unwrap_or_default(),
        title: first_title.unwrap_or_else(|| stem.to_string()),
        lines: lines.iter().map(|l| l.id.clone()).collect(),
        thresholds: Thresholds::default(),
    };
    Ok(Imported {
        town,
        as_of,
        as_of_words,
        lines,
        counts,
        warnings: problems,
    })
}

/// A title without its date in brackets: 青山镇民生实事台账（截至2024年9月30日） → 青山镇民生实事台账.
fn bare_title(t: &str) -> String {
    for open in ['（', '('] {
        if let Some(i) = t.find(open) {
            if t[i..].contains("截至") || t[i..].contains("截止") {
                return t[..i].trim().to_string();
            }
        }
    }
    t.to_string()
}

/// The texts above the header, row by row, each once (a merged title reads once).
fn title_lines(sheet: &Sheet, top: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in 0..top {
        for cell in sheet.rows[r].iter() {
            let t = cell.text();
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The date a title states the figures as of: 截至2024年6月30日, 截止日期：2024年6月30日, 截至6月底
/// (the year from a 2024年 in the titles, else `fallback_year`).
fn stated_date(titles: &[&str], fallback_year: i32) -> Option<(NaiveDate, String)> {
    let year = titles
        .iter()
        .find_map(|t| {
            let i = t.find('年')?;
            let digits: String = t[..i]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            (digits.len() == 4)
                .then(|| digits.chars().rev().collect::<String>().parse().ok())
                .flatten()
        })
        .unwrap_or(fallback_year);
    titles.iter().find_map(|t| {
        let at = t.find("截至").or_else(|| t.find("截止"))?;
        let after = &t[at..];
        let d = words::deadline(after, year)?;
        Some((
            d.date,
            after[..d.end].trim_end_matches(['）', ')']).to_string(),
        ))
    })
}

/// The town a title names: 青山镇2024年… → 青山镇.
fn town_in(title: &str) -> Option<String> {
    let end = ["街道", "镇", "乡"]
        .iter()
        .filter_map(|w| title.find(w).map(|i| i + w.len()))
        .min()?;
    let name = &title[..end];
    (name.chars().count() <= 8 && !name.chars().any(|c| c.is_ascii_digit()))
        .then(|| name.to_string())
}

/// For a format that keeps no merged cells (.ods, .csv): a blank 责任领导, 责任单位 or 类别 in an
/// item row takes the value of the item row above (what the merged cell said). Returns (column,
/// first row filled, cells filled) for each column filled.
fn fill_down(sheet: &mut Sheet, header: &Header) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    if sheet.merges_known {
        return out;
    }
    let Some(task) = header.find(Field::Task).map(|c| c.col) else {
        return out;
    };
    for f in [Field::Category, Field::Leader, Field::Office] {
        let Some(col) = header.find(f).map(|c| c.col) else {
            continue;
        };
        let mut above: Option<Cell> = None;
        let mut filled = (0, 0);
        for r in header.row + 1..sheet.rows.len() {
            if sheet.cell(r, task).is_blank() {
                above = None;
                continue;
            }
            let cell = sheet.cell(r, col).clone();
            if !cell.is_blank() {
                above = Some(cell);
            } else if let Some(v) = &above {
                let row = &mut sheet.rows[r];
                if row.len() <= col {
                    row.resize(col + 1, Cell::Empty);
                }
                row[col] = v.clone();
                if filled.1 == 0 {
                    filled.0 = r;
                }
                filled.1 += 1;
            }
        }
        if filled.1 > 0 {
            out.push((col, filled.0, filled.1));
        }
    }
    out
}

/// True when every bare number in the 完成率 column is at most 1: percentage cells (0.6 for 60%).
fn rate_fractions(sheet: &Sheet, header: &Header) -> bool {
    let Some(col) = header.find(Field::Rate).map(|c| c.col) else {
        return false;
    };
    let mut any = false;
    for r in header.row + 1..sheet.rows.len() {
        match sheet.cell(r, col) {
            Cell::Num(_) if !cells::is_fraction(sheet.cell(r, col)) => return false,
            c @ Cell::Num(_) => any |= cells::is_fraction(c),
            Cell::Text(t)
                if !t.contains(['%', '％']) && cells::number(sheet.cell(r, col)).is_some() =>
            {
                if !cells::is_fraction(sheet.cell(r, col)) {
                    return false;
                }
                any = true;
            }
            _ => {}
        }
    }
    any
}

/// Reads a table's rows into drafts; problems go to `report` with their 0-based cell.
fn read_rows(
    t: &Table,
    year: i32,
    drafts: &mut Vec<Draft>,
    report: &mut dyn FnMut((usize, usize), Kind),
) {
    let h = &t.header;
    let projects = [
        Field::Investment,
        Field::AnnualPlan,
        Field::AnnualDone,
        Field::Spent,
    ]
    .iter()
    .any(|f| h.find(*f).is_some())
        || h.find(Field::Task).is_some_and(|c| c.name.contains("项目"));
    let ctx = Ctx {
        sheet: &t.sheet,
        header: h,
        year,
        rate_fractions: rate_fractions(&t.sheet, h),
        projects,
    };
    let mut group = t
        .titles
        .first()
        .map(|s| bare_title(s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| t.sheet.name.clone());
    for r in h.row + 1..t.sheet.rows.len() {
        match rows::classify(&t.sheet, h, r) {
            Row::Skip => {}
            Row::Section(title) => group = title,
            Row::NoTask(c) => report((r, c), Kind::NoTask),
            Row::Item => {
                let mut found = Vec::new();
                let item = rows::item(&ctx, r, &mut found);
                for (c, kind) in found {
                    report((r, c), kind);
                }
                let line = h
                    .find(Field::Category)
                    .map(|c| t.sheet.cell(r, c.col).text())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| t.sheet.name.clone());
                drafts.push(Draft {
                    line,
                    group: group.clone(),
                    item,
                });
            }
        }
    }
}

/// A sheet name that says nothing (Sheet1, 工作表1).
fn generic(name: &str) -> bool {
    name.is_empty() || name.to_lowercase().starts_with("sheet") || name.starts_with("工作表")
}

/// Gathers drafts into lines in order of first appearance, with ids.
fn assemble(tables: &[Table], stem: &str, drafts: Vec<Draft>, as_of: NaiveDate) -> Vec<LineFile> {
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
        let id = line_id(&title, short.as_deref(), &taken, lines.len() + 1);
        taken.push(id.clone());
        let mut groups: Vec<Group> = Vec::new();
        for d in drafts.iter().filter(|d| d.line == key) {
            match groups.last_mut() {
                Some(g) if g.title == d.group => g.items.push(d.item.clone()),
                _ => groups.push(Group {
                    title: d.group.clone(),
                    items: vec![d.item.clone()],
                }),
            }
        }
        let count: usize = groups.iter().map(|g| g.items.len()).sum();
        let width = count.to_string().len().max(2);
        let mut n = 0;
        for g in &mut groups {
            for it in &mut g.items {
                n += 1;
                it.id = format!("{id}.{n:0width$}");
            }
        }
        lines.push(LineFile {
            schema: None,
            id,
            title,
            short,
            as_of: Day(as_of),
            office: None,
            leader: None,
            groups,
        });
    }
    lines
}

/// Line ids by what the line is about, as the seed names its lines; `line-N` otherwise.
const LINE_IDS: &[(&str, &str)] = &[
    ("下步", "targets"),
    ("党", "party"),
    ("组织", "party"),
    ("安全", "safety"),
    ("应急", "safety"),
    ("民生", "livelihood"),
    ("社会事业", "livelihood"),
    ("基础设施", "infrastructure"),
    ("产业", "industry"),
    ("招商", "investment"),
    ("经济", "economy"),
    ("重点项目", "projects"),
    ("项目", "projects"),
    ("督查", "supervision"),
    ("督办", "supervision"),
    ("重点工作", "key-work"),
    ("生态", "environment"),
    ("环境", "environment"),
    ("乡村振兴", "rural"),
    ("农业", "rural"),
    ("信访", "governance"),
    ("综治", "governance"),
    ("治理", "governance"),
    ("文旅", "tourism"),
    ("旅游", "tourism"),
    ("城建", "urban"),
    ("城镇", "urban"),
];

fn line_id(title: &str, short: Option<&str>, taken: &[String], n: usize) -> String {
    let base = [short.unwrap_or(""), title]
        .iter()
        .find_map(|t| {
            LINE_IDS
                .iter()
                .find(|(w, _)| t.contains(w))
                .map(|(_, id)| id.to_string())
        })
        .unwrap_or_else(|| format!("line-{n}"));
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|c| !taken.contains(c))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_towns_in_titles() {
        let d = stated_date(&["青山镇2024年重点工作台账", "（截至2024年6月30日）"], 2026).unwrap();
        assert_eq!(
            d,
            (
                NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
                "截至2024年6月30日".into()
            )
        );
        let d = stated_date(&["青山镇2024年重点项目表", "截至6月底"], 2026).unwrap();
        assert_eq!(d.0, NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        assert_eq!(stated_date(&["重点项目表"], 2026), None);
        assert_eq!(
            town_in("青山镇2024年重点工作台账").as_deref(),
            Some("青山镇")
        );
        assert_eq!(
            town_in("城关街道2024年民生实事").as_deref(),
            Some("城关街道")
        );
        assert_eq!(town_in("2024年重点工作台账"), None);
        assert_eq!(
            bare_title("青山镇民生实事台账（截至2024年9月30日）"),
            "青山镇民生实事台账"
        );
        assert_eq!(bare_title("重点项目（续建）"), "重点项目（续建）");
    }

    #[test]
    fn line_ids_follow_the_seed_and_stay_unique() {
        assert_eq!(line_id("基础设施项目", None, &[], 1), "infrastructure");
        assert_eq!(line_id("产业项目", None, &[], 1), "industry");
        assert_eq!(line_id("其他", None, &[], 3), "line-3");
        assert_eq!(line_id("党建工作", None, &["party".into()], 2), "party-2");
    }
}
