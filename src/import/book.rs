//! Reading a 台账 file into plain sheets of cells: `.xlsx`, `.xls`, `.ods` (and `.xlsm`, `.xlsb`, WPS
//! `.et`) through calamine, `.csv` here.
//!
//! Cells keep their spreadsheet coordinates (row 0 is row 1, column 0 is column A) so that every
//! problem can name its cell. Merged regions are kept as calamine gives them (`.xlsx`, `.xls`);
//! `.ods` and `.csv` carry no merge information (see [`Sheet::merges_known`]).

use super::csv;
use calamine::{Data, Reader, Sheets};
use std::io::{Read, Seek};
use std::path::Path;

/// One cell's content, as the spreadsheet stores it (text cleaned the way the loader cleans text:
/// no control or bidi characters, NFC).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (a number typed as text stays text here).
    Text(String),
    /// A number cell (a percentage cell holds 0.6 for 60%).
    Num(f64),
    /// A date cell: the Excel serial day number (1900 system), or an ODS date.
    Date(f64),
    /// A TRUE/FALSE cell.
    Bool(bool),
    /// An error cell such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// True when there is nothing to read in the cell (blank or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way a person reads it (numbers without a trailing `.0`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Num(n) => crate::model::numbers::fmt_num(*n),
            Cell::Date(d) => super::dates::serial_to_date(*d)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| crate::model::numbers::fmt_num(*d)),
            Cell::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A merged region: first and last row and column, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Top row.
    pub top: u32,
    /// Left column.
    pub left: u32,
    /// Bottom row.
    pub bottom: u32,
    /// Right column.
    pub right: u32,
}

/// One sheet: its name, its cells from A1 on, and its merged regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name (empty for a `.csv`).
    pub name: String,
    /// Rows of cells from row 1, column A; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions.
    pub merges: Vec<Region>,
    /// False when the format stores no merge information (`.ods`, `.csv`): a merged cell then reads
    /// as its value in the first cell and blanks in the rest.
    pub merges_known: bool,
}

impl Sheet {
    /// The cell at (row, col), `Empty` outside the sheet.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    /// A sheet of text cells (an empty string is a blank cell), without merges: for tests and for
    /// callers that have the cells already.
    pub fn from_texts(name: &str, rows: &[&[&str]], merges_known: bool) -> Sheet {
        let cell = |t: &&str| {
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.to_string())
            }
        };
        Sheet {
            name: name.into(),
            rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
            merges: Vec::new(),
            merges_known,
        }
    }

    /// The widest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Writes each merged region's first value into every cell of the region, so a 责任领导 merged
    /// over three rows reads on each of them.
    pub fn spread_merges(&mut self) {
        for m in self.merges.clone() {
            let value = self.cell(m.top as usize, m.left as usize).clone();
            if value.is_blank() {
                continue;
            }
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    let (r, c) = (r as usize, c as usize);
                    if self.rows.len() <= r {
                        self.rows.resize(r + 1, Vec::new());
                    }
                    let row = &mut self.rows[r];
                    if row.len() <= c {
                        row.resize(c + 1, Cell::Empty);
                    }
                    row[c] = value.clone();
                }
            }
        }
    }

    /// The merged region containing (row, col), if any.
    pub fn region_at(&self, row: usize, col: usize) -> Option<Region> {
        self.merges.iter().copied().find(|m| {
            (m.top as usize..=m.bottom as usize).contains(&row)
                && (m.left as usize..=m.right as usize).contains(&col)
        })
    }
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The extension is none of .xlsx .xlsm .xlsb .xls .et .ods .csv .tsv .txt.
    UnknownKind,
    /// The file could not be read (not found, no permission …).
    Io(std::io::ErrorKind),
    /// The file is damaged or not a spreadsheet of the kind its extension says.
    Broken,
    /// A .csv in no encoding huibao reads (UTF-8, UTF-16 with a BOM, GBK/GB18030): the 1-based
    /// line and column where reading stopped, 0 when unknown.
    Encoding(usize, usize),
}

/// Reads every sheet of a 台账 file, by its extension.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    std::fs::metadata(path).map_err(|e| ReadError::Io(e.kind()))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => {
            let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.kind()))?;
            csv::read(&bytes, &path.display().to_string()).map(|s| vec![s])
        }
        // .et: WPS's own format, which is an Excel workbook inside; calamine finds out which.
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "et" => {
            let book = calamine::open_workbook_auto(path).map_err(|_| ReadError::Broken)?;
            read_book(book)
        }
        _ => Err(ReadError::UnknownKind),
    }
}

/// Reads every sheet of an open workbook, with the merged regions its format stores.
pub fn read_book<RS: Read + Seek>(mut book: Sheets<RS>) -> Result<Vec<Sheet>, ReadError> {
    if let Sheets::Xlsx(x) = &mut book {
        x.load_merged_regions().map_err(|_| ReadError::Broken)?;
    }
    let names = book.sheet_names();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|_| ReadError::Broken)?;
        let (merges, merges_known) = match &book {
            Sheets::Xlsx(x) => (
                x.merged_regions_by_sheet(&name)
                    .into_iter()
                    .map(|(_, _, d)| *d)
                    .collect(),
                true,
            ),
            Sheets::Xls(x) => (x.worksheet_merge_cells(&name).unwrap_or_default(), true),
            _ => (Vec::new(), false),
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows() {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.extend(row.iter().map(convert));
                while cells.last().is_some_and(Cell::is_blank) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        let merges = merges
            .into_iter()
            .map(|d| Region {
                top: d.start.0,
                left: d.start.1,
                bottom: d.end.0,
                right: d.end.1,
            })
            .collect();
        out.push(Sheet {
            name,
            rows,
            merges,
            merges_known,
        });
    }
    Ok(out)
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(crate::model::sanitize::clean_text(s)),
        Data::Int(i) => Cell::Num(*i as f64),
        Data::Float(f) => Cell::Num(*f),
        Data::Bool(b) => Cell::Bool(*b),
        // calamine knows the workbook's date system (1900, or 1904 from an old Mac Excel).
        Data::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(t) => Cell::Date(super::dates::date_to_serial(t.date())),
            None => Cell::Num(dt.as_f64()),
        },
        Data::DateTime(dt) => Cell::Num(dt.as_f64()),
        Data::DateTimeIso(s) => iso_to_serial(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// An ODS `2024-09-30` (or `2024-09-30T00:00:00`) as an Excel serial day.
fn iso_to_serial(s: &str) -> Option<f64> {
    let day = crate::model::format::parse_day(s.get(..10)?)?;
    Some(super::dates::date_to_serial(day))
}

/// Column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.
pub fn col_name(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A cell's address such as `E7` from 0-based row and column.
pub fn address(row: usize, col: usize) -> String {
    format!("{}{}", col_name(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_spreadsheet_style() {
        assert_eq!(address(6, 4), "E7");
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
    }

    #[test]
    fn merges_spread_their_first_value() {
        let mut s = Sheet {
            name: "x".into(),
            rows: vec![vec![Cell::Text("张明".into())], vec![Cell::Empty], vec![]],
            merges: vec![Region {
                top: 0,
                left: 0,
                bottom: 2,
                right: 0,
            }],
            merges_known: true,
        };
        s.spread_merges();
        assert_eq!(s.cell(2, 0), &Cell::Text("张明".into()));
        assert_eq!(s.region_at(1, 0).map(|r| r.bottom), Some(2));
        assert_eq!(s.region_at(1, 1), None);
    }
}
