//! A spreadsheet as huibao reads it: sheets of cells from A1 on with their merged regions, cell
//! addresses (`E7`), and Excel's serial day numbers. Every format is read into these types.

use chrono::NaiveDate;

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
            Cell::Date(d) => serial_to_date(*d)
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
    /// The merged regions as (top, left, bottom, right), for tests.
    #[cfg(test)]
    pub(crate) fn spans(&self) -> Vec<(u32, u32, u32, u32)> {
        self.merges
            .iter()
            .map(|m| (m.top, m.left, m.bottom, m.right))
            .collect()
    }

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

/// Excel's day 0 in the 1900 date system, as used for serials from 61 (1900-03-01) on.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// The date of an Excel serial day number (1900 system; the time of day is dropped). `None` outside
/// 1900–2200.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=110_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts a 29 February 1900 that never was: serials before it are one day later.
    let days = if days < 61 { days + 1 } else { days };
    epoch().checked_add_signed(chrono::Duration::days(days))
}

/// The Excel serial day number of a date.
pub fn date_to_serial(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
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
