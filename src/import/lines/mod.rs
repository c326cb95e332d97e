//! Assembling an import: headers found sheet by sheet, the snapshot date from the title (截至…),
//! rows turned into items, items gathered into work lines (one per sheet, or per 类别) and groups
//! (the table's section rows), ids given, the town named.

mod assemble;

use super::classify::{self, Row};
use super::header::{self, Column, Field, Header};
use super::milestones;
use super::problem::{Kind, Place, Problem};
use super::rows::{self, Ctx};
use super::sheet::{Cell, Sheet};
use super::titles::{bare_title, stated_date, title_lines, title_year, town_in};
use super::{cells, Imported, Options};
use crate::model::format::{Thresholds, Town};
use crate::model::{ItemFile, LineFile};
use assemble::assemble;
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
    item: ItemFile,
}

/// Imports already-read sheets of the file `file` (named `stem` without its extension).
pub fn import_sheets(
    file: &str,
    stem: &str,
    sheets: Vec<Sheet>,
    opts: &Options,
) -> Result<Imported, Vec<Problem>> {
    let place = |sheet: Option<&str>, cell: Option<(usize, usize)>| Place::new(file, sheet, cell);
    let (mut tables, mut problems) = prepare(sheets, opts, file);
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
    let (as_of, as_of_words, year) = snapshot_date(&all_titles, opts);
    let mut drafts = Vec::new();
    let mut counts = Vec::new();
    for t in &mut tables {
        for (col, first, n) in fill_down(&mut t.sheet, &t.header) {
            let name = t.header.columns.iter().find(|c| c.col == col);
            problems.push(Problem {
                place: place(Some(&t.sheet.name), Some((first, col))),
                kind: Kind::FilledDown(name.map(rows::shown_name).unwrap_or_default(), n),
            });
        }
        for c in numbers_unread(&t.sheet, &t.header) {
            problems.push(Problem {
                place: place(Some(&t.sheet.name), Some((t.header.row, c.col))),
                kind: Kind::TextOnly(rows::shown_name(c), c.name.clone()),
            });
        }
        let before = drafts.len();
        read_rows(t, stem, year, &mut drafts, &mut |cell, kind| {
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
    let title = report_title(&tables, stem);
    let town = town(opts.town.as_deref(), &all_titles, &title, &lines);
    Ok(Imported {
        town,
        as_of,
        as_of_words,
        lines,
        counts,
        warnings: problems,
    })
}

/// The snapshot date (`--as-of`, else the date the titles state, else today), the titles' words for
/// it, and the year of dates written without one (6月底前): the title's, else the snapshot's.
fn snapshot_date(all_titles: &[&str], opts: &Options) -> (NaiveDate, Option<String>, i32) {
    // Dates written without a year (6月底前) are of the title's year, else of the snapshot's.
    let stated_year = title_year(all_titles);
    let (as_of, as_of_words) = match opts.as_of {
        Some(d) => (d, None),
        None => match stated_date(
            all_titles,
            stated_year.unwrap_or(opts.today.year()),
            opts.today,
        ) {
            Some((d, w)) => (d, Some(w)),
            None => (opts.today, None),
        },
    };
    let year = stated_year.unwrap_or(as_of.year());
    (as_of, as_of_words, year)
}

/// The report's title: the sheets' when they are titled alike (or there is one sheet), else the
/// file's name.
fn report_title(tables: &[Table], stem: &str) -> String {
    // Sheets titled alike (or one sheet): the report's title is theirs; else the file's name.
    let firsts: Vec<String> = tables
        .iter()
        .filter_map(|t| t.titles.first())
        .map(|t| bare_title(t))
        .collect();
    match firsts.first() {
        Some(f) if !f.is_empty() && firsts.iter().all(|t| t == f) => f.clone(),
        _ => stem.to_string(),
    }
}

/// The town of a new data folder: named by `--town` or the titles (青山镇…), with the report title.
fn town(name: Option<&str>, titles: &[&str], title: &str, lines: &[LineFile]) -> Town {
    Town {
        schema: None,
        name: name
            .map(str::to_string)
            .or_else(|| titles.iter().find_map(|t| town_in(t)))
            .unwrap_or_default()
            .into(),
        title: title.into(),
        lines: lines.iter().map(|l| l.id.clone()).collect(),
        thresholds: Thresholds::default(),
        ..Town::default()
    }
}

/// Spreads merged cells and finds each sheet's header; a sheet with content but no header, and a
/// `--map` column no header has, are warnings.
fn prepare(sheets: Vec<Sheet>, opts: &Options, file: &str) -> (Vec<Table>, Vec<Problem>) {
    let place = |sheet: Option<&str>, cell: Option<(usize, usize)>| Place::new(file, sheet, cell);
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
            // (A .csv is one table: that no sheet has a header says it all.)
            None if !sheet.name.is_empty()
                && sheet.rows.iter().flatten().any(|c| !c.is_blank()) =>
            {
                problems.push(Problem {
                    place: place(Some(&sheet.name), None),
                    kind: Kind::NoHeader,
                })
            }
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
    (tables, problems)
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
    stem: &str,
    year: i32,
    drafts: &mut Vec<Draft>,
    report: &mut dyn FnMut((usize, usize), Kind),
) {
    let h = &t.header;
    let projects = h.find(Field::Task).is_some_and(|c| c.name.contains("项目"));
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
        .unwrap_or_else(|| {
            (if t.sheet.name.is_empty() {
                stem
            } else {
                &t.sheet.name
            })
            .to_string()
        });
    // The row where the last item of this sheet began, for the milestone rows under it.
    let mut open: Option<(usize, usize)> = None;
    for r in h.row + 1..t.sheet.rows.len() {
        if let Some((first, at)) = open.filter(|_| milestones::continues(&ctx, r)) {
            let mut found = Vec::new();
            milestones::absorb(&ctx, first, r, &mut drafts[at].item, &mut found);
            for (c, kind) in found {
                report((r, c), kind);
            }
            continue;
        }
        match classify::classify(&t.sheet, h, r) {
            Row::Skip => open = None,
            Row::Section(title) => {
                group = title;
                open = None;
            }
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
                open = Some((r, drafts.len()));
                drafts.push(Draft {
                    line,
                    group: group.clone(),
                    item,
                });
            }
        }
    }
}

/// The header's columns of no known field that hold numbers below it (2024年计划投资 before it was
/// known), phone and ID numbers aside: the clerk is told they stay text.
fn numbers_unread<'h>(sheet: &Sheet, header: &'h Header) -> Vec<&'h Column> {
    header
        .columns
        .iter()
        .filter(|c| c.field == Field::Other)
        // 联系电话, 身份证号: numbers that are no figures.
        .filter(|c| {
            !["电话", "手机", "联系方式", "号码", "身份证", "邮编"]
                .iter()
                .any(|w| c.name.contains(w))
        })
        .filter(|c| {
            (header.row + 1..sheet.rows.len()).any(|r| match sheet.cell(r, c.col) {
                Cell::Num(_) => true,
                Cell::Text(t) => t.replace(',', "").trim().parse::<f64>().is_ok(),
                _ => false,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_no_figures_to_tell_of() {
        let sheet = Sheet::from_texts(
            "s",
            &[
                &["序号", "项目名称", "总投资", "联系电话", "建设规模（亩）"],
                &["1", "镇区道路", "1200", "13812345678", "30"],
            ],
            true,
        );
        let header = header::find(&sheet, &[]).expect("a header");
        let told: Vec<&str> = numbers_unread(&sheet, &header)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(told, ["建设规模"]);
    }
}
