//! `huibao import`: a 督查督办 / 重点工作推进 / 重点项目 台账 (`.xlsx`, `.xls`, `.ods`, `.csv`) turned into
//! line files of today's format — one work line per sheet, or per 类别 — storing what the table says.

pub mod book;
pub mod cells;
pub mod classify;
pub mod csv;
pub mod dates;
pub mod fields;
pub mod header;
pub mod html;
pub mod lines;
pub mod milestones;
pub mod problem;
pub mod rows;
pub mod sheet;
pub mod titles;
pub mod xml2003;

pub use header::Field;
pub use problem::{Kind, Place, Problem};

use crate::model::format::Town;
use crate::model::LineFile;
use chrono::NaiveDate;
use std::path::Path;

/// What the command line asks of an import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The snapshot date; otherwise the 截至 date above the table, or the end of a period the title
    /// names once it has passed (上半年), otherwise `today`.
    pub as_of: Option<NaiveDate>,
    /// Today, for a table that states no date.
    pub today: NaiveDate,
    /// `--map 列名=field`: columns named otherwise.
    pub map: Vec<(String, Field)>,
    /// The town's name, when the title does not say it.
    pub town: Option<String>,
    /// `--sheet NAME`: import only these sheets (a workbook that keeps one week per sheet, or a
    /// 填表说明 beside the table); empty for every sheet.
    pub sheets: Vec<String>,
}

/// An imported table.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The town (for a new data folder).
    pub town: Town,
    /// The snapshot date.
    pub as_of: NaiveDate,
    /// Where the date came from: the table's words (截至2024年6月30日), or `None` for the option or today.
    pub as_of_words: Option<String>,
    /// The work lines, in table order.
    pub lines: Vec<LineFile>,
    /// Rows imported per sheet, in sheet order: (sheet, rows).
    pub counts: Vec<(String, usize)>,
    /// Warnings: rows or sheets left out, units assumed, cells filled from the row above.
    pub warnings: Vec<Problem>,
}

impl Imported {
    /// The number of items imported.
    pub fn items(&self) -> usize {
        self.lines.iter().map(|l| l.items().count()).sum()
    }
}

/// Imports a 台账 file. `Err` holds every problem (errors and warnings) when any is an error; the
/// file is named in messages as `shown`.
pub fn import_file(path: &Path, shown: &str, opts: &Options) -> Result<Imported, Vec<Problem>> {
    let whole = |kind| {
        vec![Problem {
            place: Place::new(shown, None, None),
            kind,
        }]
    };
    let sheets = match book::read(path) {
        Ok(s) => s,
        Err(sheet::ReadError::UnknownKind) => return Err(whole(Kind::UnknownKind)),
        Err(sheet::ReadError::Io(e)) => return Err(whole(Kind::Unreadable(Some(e)))),
        Err(sheet::ReadError::Broken) => return Err(whole(Kind::Unreadable(None))),
        Err(sheet::ReadError::Encoding(line, col)) => return Err(whole(Kind::Encoding(line, col))),
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheets = chosen(sheets, &opts.sheets).map_err(whole)?;
    lines::import_sheets(shown, &stem, sheets, opts)
}

/// The sheets `--sheet` names, in the workbook's order; every sheet when none is named. A name the
/// workbook does not have is a problem listing the names it has.
fn chosen(sheets: Vec<sheet::Sheet>, names: &[String]) -> Result<Vec<sheet::Sheet>, Kind> {
    if names.is_empty() {
        return Ok(sheets);
    }
    if let Some(missing) = names.iter().find(|n| !sheets.iter().any(|s| &s.name == *n)) {
        let have: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
        return Err(Kind::NoSuchSheet(missing.clone(), have));
    }
    Ok(sheets
        .into_iter()
        .filter(|s| names.contains(&s.name))
        .collect())
}
