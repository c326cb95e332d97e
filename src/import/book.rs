//! Reading a 台账 file into sheets of cells: `.xlsx`, `.xls`, `.ods` (and `.xlsm`, `.xlsb`, WPS `.et`)
//! through calamine, `.csv` in [`super::csv`], and a web page's tables (an office system's
//! 导出Excel, saved as `.xls`; a table saved from a site as `.htm`) in [`super::html`], Excel's XML
//! Spreadsheet 2003 (the same systems' other export) in [`super::xml2003`].
//!
//! Cells keep their spreadsheet coordinates (row 0 is row 1, column 0 is column A) so that every
//! problem can name its cell. Merged regions are kept as calamine gives them (`.xlsx`, `.xls`);
//! `.ods` and `.csv` carry no merge information (see [`Sheet::merges_known`]).

use super::csv;
use super::sheet::{date_to_serial, Cell, ReadError, Region, Sheet};
use calamine::{Data, Reader, Sheets};
use std::io::{Read, Seek};
use std::path::Path;

/// Reads every sheet of a 台账 file, by its extension.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let md = std::fs::metadata(path).map_err(|e| ReadError::Io(e.kind()))?;
    if !md.is_file() {
        // A folder, or a named pipe or device named like a table: reading it would fail or block.
        return Err(ReadError::Io(std::io::ErrorKind::InvalidInput));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let known = [
        "csv", "txt", "tsv", "xlsx", "xlsm", "xlsb", "xls", "ods", "et", "htm", "html", "xml",
    ];
    if !known.contains(&ext.as_str()) {
        return Err(ReadError::UnknownKind);
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.kind()))?;
    let text = || {
        let shown = path.display().to_string();
        crate::model::encoding::decode(&bytes, &shown)
            .map(|(t, _)| t)
            .map_err(|d| match d.place {
                crate::model::Place::Text { line, col } => ReadError::Encoding(line, col),
                _ => ReadError::Encoding(0, 0),
            })
    };
    // A UTF-16 export (with its byte-order mark) is told by its text, not its bytes.
    let wide = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let decoded = if wide { text().ok() } else { None };
    let head = decoded.as_deref().map_or(&bytes[..], str::as_bytes);
    if super::xml2003::is_xml_spreadsheet(head) {
        return super::xml2003::sheets(&text()?);
    }
    if super::html::is_html_table(head) {
        return super::html::sheets(&text()?);
    }
    match ext.as_str() {
        "csv" | "txt" | "tsv" => csv::read(&bytes, &path.display().to_string()).map(|s| vec![s]),
        // A web page without a table, XML of another kind.
        "htm" | "html" | "xml" => Err(ReadError::Broken),
        // .et: WPS's own format, which is an Excel workbook inside; calamine finds out which.
        _ => {
            let cursor = std::io::Cursor::new(bytes);
            let book =
                calamine::open_workbook_auto_from_rs(cursor).map_err(|_| ReadError::Broken)?;
            read_book(book)
        }
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
            Some(t) => Cell::Date(date_to_serial(t.date())),
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
    Some(date_to_serial(day))
}
