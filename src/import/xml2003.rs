//! A 台账 in Excel's XML Spreadsheet 2003 format (`<Workbook xmlns="urn:schemas-microsoft-com:
//! office:spreadsheet">`), which older office systems write when asked to 导出Excel, under `.xls`
//! or `.xml`. Each `Worksheet` is a sheet; `ss:MergeAcross` / `ss:MergeDown` are its merged regions.

use super::sheet::{date_to_serial, Cell, ReadError, Region, Sheet};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// True when `bytes` are an XML Spreadsheet 2003 workbook: its namespace near the start, in an XML
/// file (`<?xml`) or on a `Workbook` element (exporters often leave the declaration out).
pub fn is_xml_spreadsheet(bytes: &[u8]) -> bool {
    const NS: &[u8] = b"urn:schemas-microsoft-com:office:spreadsheet";
    let head = &bytes[..bytes.len().min(4096)];
    let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
    has(NS) && (has(b"<?xml") || has(b"<Workbook") || has(b":Workbook"))
}

/// Where the reader is: the sheet and row being read, and the cell waiting for its data.
#[derive(Default)]
struct At {
    sheets: Vec<Sheet>,
    row: usize,
    col: usize,
    /// The open cell: its column, type and text so far.
    cell: Option<(usize, String, String)>,
    in_data: bool,
    /// Inside a cell's comment (批注), whose `ss:Data` is no value.
    in_comment: bool,
    /// The current sheet's cells that a merge covers (all of a region but its first cell), row by
    /// row: a cell that lands on one moves right past it.
    covered: Vec<Vec<bool>>,
    /// Cells and merged cells the workbook may still ask for (see [`MAX_CELLS`]).
    budget: usize,
}

/// The most cells (written or merged) a workbook may ask for, as for a web page's table: past it
/// the file is refused, so a few bytes of `ss:Index` or `ss:MergeDown` cannot fill the memory.
const MAX_CELLS: usize = super::html::MAX_CELLS;

/// The sheets of a workbook in XML Spreadsheet 2003 text ([`ReadError::Broken`] past
/// [`MAX_CELLS`]).
pub fn sheets(text: &str) -> Result<Vec<Sheet>, ReadError> {
    let mut r = Reader::from_str(text);
    let mut at = At {
        budget: MAX_CELLS,
        ..At::default()
    };
    loop {
        match r.read_event().map_err(|_| ReadError::Broken)? {
            Event::Start(e) => start(&mut at, &e, false),
            Event::Empty(e) => start(&mut at, &e, true),
            Event::Text(t) if at.in_data => {
                if let (Some(c), Ok(s)) = (at.cell.as_mut(), t.decode()) {
                    c.2.push_str(&s);
                }
            }
            Event::GeneralRef(g) if at.in_data => {
                let name: &[u8] = g.as_ref();
                let ch = g.resolve_char_ref().ok().flatten().or(match name {
                    b"amp" => Some('&'),
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"quot" => Some('"'),
                    b"apos" => Some('\''),
                    _ => None,
                });
                if let (Some(c), Some(ch)) = (at.cell.as_mut(), ch) {
                    c.2.push(ch);
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"Data" => at.in_data = false,
                b"Comment" => at.in_comment = false,
                b"Cell" => finish_cell(&mut at),
                b"Row" => at.row += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if at.budget == 0 {
            return Err(ReadError::Broken);
        }
    }
    if at.sheets.is_empty() {
        return Err(ReadError::Broken);
    }
    for s in &mut at.sheets {
        for row in &mut s.rows {
            while row.last().is_some_and(Cell::is_blank) {
                row.pop();
            }
        }
    }
    Ok(at.sheets)
}

/// A name without its namespace prefix (`ss:Cell` → `Cell`).
fn local(name: &[u8]) -> &[u8] {
    name.iter()
        .position(|&b| b == b':')
        .map_or(name, |i| &name[i + 1..])
}

/// An attribute by its local name (`ss:Index` or `Index`).
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .map(|a| {
            String::from_utf8_lossy(&a.value)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
}

/// Excel's rows and columns: an index or a merge never goes past them (and what a broken file asks
/// for within them is bounded by [`MAX_CELLS`]).
const ROWS: usize = 1 << 20;
const COLS: usize = 1 << 14;

/// A 1-based index attribute, or a count, at most `max`.
fn number(e: &BytesStart, name: &[u8], max: usize) -> Option<usize> {
    attr(e, name)?
        .trim()
        .parse::<usize>()
        .ok()
        .map(|n| n.min(max))
}

fn start(at: &mut At, e: &BytesStart, empty: bool) {
    match local(e.name().as_ref()) {
        b"Worksheet" => {
            at.sheets.push(Sheet {
                name: attr(e, b"Name").unwrap_or_default(),
                rows: Vec::new(),
                merges: Vec::new(),
                merges_known: true,
            });
            at.row = 0;
            at.covered.clear();
        }
        b"Row" => {
            if let Some(i) = number(e, b"Index", ROWS) {
                at.row = i.saturating_sub(1);
            }
            at.col = 0;
            if empty {
                at.row += 1;
            }
        }
        b"Cell" => {
            if let Some(i) = number(e, b"Index", COLS) {
                at.col = i.saturating_sub(1);
            }
            // Cells that a merge from a row above covers are not written: skip them.
            let row = at.covered.get(at.row);
            while row.and_then(|r| r.get(at.col)).is_some_and(|&c| c) {
                at.col += 1;
            }
            let across = number(e, b"MergeAcross", COLS - 1).unwrap_or(0);
            let down = number(e, b"MergeDown", ROWS - 1).unwrap_or(0);
            if across > 0 || down > 0 {
                merge(at, across, down);
            }
            at.cell = Some((at.col, String::new(), String::new()));
            at.col += across + 1;
            if empty {
                finish_cell(at);
            }
        }
        b"Comment" if !empty => at.in_comment = true,
        b"Data" if !empty && !at.in_comment => {
            if let Some(c) = at.cell.as_mut() {
                c.1 = attr(e, b"Type").unwrap_or_default();
            }
            at.in_data = true;
        }
        _ => {}
    }
}

/// A merged region from the cell being opened, its cells marked covered — or, past the budget,
/// the budget spent.
fn merge(at: &mut At, across: usize, down: usize) {
    let Some(sheet) = at.sheets.last_mut() else {
        return;
    };
    let (top, left) = (at.row, at.col);
    let Some(left_over) = at.budget.checked_sub((across + 1) * (down + 1)) else {
        at.budget = 0;
        return;
    };
    at.budget = left_over;
    sheet.merges.push(Region {
        top: top as u32,
        left: left as u32,
        bottom: (top + down) as u32,
        right: (left + across) as u32,
    });
    if at.covered.len() <= top + down {
        at.covered.resize_with(top + down + 1, Vec::new);
    }
    for (r, line) in at.covered[top..=top + down].iter_mut().enumerate() {
        if line.len() <= left + across {
            line.resize(left + across + 1, false);
        }
        line[left..=left + across].fill(true);
        if r == 0 {
            line[left] = false;
        }
    }
}

/// Puts the open cell into its sheet.
fn finish_cell(at: &mut At) {
    let (Some((col, kind, text)), Some(sheet)) = (at.cell.take(), at.sheets.last_mut()) else {
        return;
    };
    let cell = match kind.as_str() {
        _ if text.trim().is_empty() => Cell::Empty,
        "Number" => text
            .trim()
            .parse()
            .map_or(Cell::Text(text.clone()), Cell::Num),
        "Boolean" => Cell::Bool(text.trim() == "1"),
        "Error" => Cell::Error(text.clone()),
        "DateTime" => crate::model::format::parse_day(text.get(..10).unwrap_or("")).map_or_else(
            || Cell::Text(text.clone()),
            |d| Cell::Date(date_to_serial(d)),
        ),
        _ => Cell::Text(crate::model::sanitize::clean_text(&text)),
    };
    let len = sheet.rows.get(at.row).map_or(0, Vec::len);
    if cell == Cell::Empty && col >= len {
        return;
    }
    if col >= len {
        // Cells the row grows by, blanks before this one included (and rows the sheet grows by).
        let rows = (at.row + 1).saturating_sub(sheet.rows.len());
        at.budget = at.budget.saturating_sub(col + 1 - len + rows);
    }
    if sheet.rows.len() <= at.row {
        sheet.rows.resize_with(at.row + 1, Vec::new);
    }
    let row = &mut sheet.rows[at.row];
    if row.len() <= col {
        row.resize(col + 1, Cell::Empty);
    }
    row[col] = cell;
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="重点项目">
  <Table>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">青山镇重点项目推进情况表</Data></Cell></Row>
   <Row>
    <Cell ss:MergeDown="1"><Data ss:Type="String">序号</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">项目名称</Data></Cell>
    <Cell ss:MergeAcross="1"><Data ss:Type="String">投资（万元）</Data></Cell>
   </Row>
   <Row><Cell ss:Index="3"><Data ss:Type="String">计划</Data></Cell><Cell><Data ss:Type="String">完成</Data></Cell></Row>
   <Row ss:Index="5">
    <Cell><Data ss:Type="Number">1</Data></Cell>
    <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>道路&amp;桥梁</B></ss:Data></Cell>
    <Cell><Data ss:Type="Number">5000</Data></Cell>
    <Cell><Data ss:Type="DateTime">2024-06-30T00:00:00.000</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="填表&amp;说明"><Table><Row><Cell><Data ss:Type="String">说明</Data></Cell></Row></Table></Worksheet>
</Workbook>"#;

    #[test]
    fn a_2003_workbook_reads_with_its_merges() {
        assert!(is_xml_spreadsheet(BOOK.as_bytes()));
        let s = sheets(BOOK).expect("sheets");
        assert_eq!(
            s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["重点项目", "填表&说明"]
        );
        let t = &s[0];
        let text = |r, c| match t.cell(r, c) {
            Cell::Text(x) => x.as_str(),
            _ => "",
        };
        assert_eq!(text(0, 0), "青山镇重点项目推进情况表");
        assert_eq!(
            [text(1, 0), text(1, 1), text(1, 2), text(2, 2), text(2, 3)],
            ["序号", "项目名称", "投资（万元）", "计划", "完成"]
        );
        assert_eq!(t.cell(3, 0), &Cell::Empty, "row 4 is not written");
        assert_eq!(t.cell(4, 0), &Cell::Num(1.0));
        assert_eq!(text(4, 1), "道路&桥梁");
        assert_eq!(t.cell(4, 2), &Cell::Num(5000.0));
        assert!(matches!(t.cell(4, 3), Cell::Date(_)));
        assert_eq!(
            t.spans(),
            [(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]
        );
    }

    #[test]
    fn broken_workbooks_are_refused() {
        assert!(matches!(
            sheets("<?xml version=\"1.0\"?><Workbook><Worksheet>"),
            Ok(_) | Err(ReadError::Broken)
        ));
        assert!(matches!(
            sheets("<?xml version=\"1.0\"?><Workbook></Workbook>"),
            Err(ReadError::Broken)
        ));
        let huge = r#"<Workbook><Worksheet><Table><Row ss:Index="99999999999"><Cell ss:MergeAcross="99999999"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>"#;
        assert!(sheets(huge).is_ok());
        assert!(!is_xml_spreadsheet(b"<html><table>"));
    }

    fn book(rows: &str) -> String {
        format!("<Workbook><Worksheet><Table>{rows}</Table></Worksheet></Workbook>")
    }

    #[test]
    fn a_workbook_asking_for_millions_of_cells_is_refused() {
        // 299 bytes asked for 30 million cells (1.2 GB) once merges were spread.
        let merge = r#"<Row><Cell ss:MergeAcross="9999" ss:MergeDown="3000"><Data ss:Type="String">x</Data></Cell></Row>"#;
        assert_eq!(sheets(&book(merge)), Err(ReadError::Broken));
        let far = r#"<Row><Cell ss:Index="10000"><Data ss:Type="String">x</Data></Cell></Row>"#;
        assert_eq!(sheets(&book(&far.repeat(300))), Err(ReadError::Broken));
        // Blank cells far out cost nothing: the sheet reads.
        let blank = r#"<Row><Cell ss:Index="10000"/></Row>"#.repeat(3000);
        let first = r#"<Row><Cell><Data ss:Type="String">序号</Data></Cell></Row>"#;
        let s = sheets(&book(&format!("{first}{blank}"))).expect("read");
        assert_eq!(s[0].cell(0, 0), &Cell::Text("序号".into()));
        assert_eq!(s[0].width(), 1);
    }

    #[test]
    fn cells_under_many_merges_are_placed_at_once() {
        // 2,000 merged cells over a row whose cells all say Index=1: each skips the whole row.
        let rows = format!(
            "<Row>{}</Row><Row>{}</Row>",
            r#"<Cell ss:MergeDown="1"/>"#.repeat(2000),
            r#"<Cell ss:Index="1"><Data ss:Type="String">y</Data></Cell>"#.repeat(2000)
        );
        let s = sheets(&book(&rows)).expect("read");
        assert_eq!(s[0].cell(1, 2000), &Cell::Text("y".into()));
        assert_eq!(s[0].rows[1].len(), 2001);
    }

    #[test]
    fn a_cells_comment_is_not_its_value() {
        // Excel writes a 批注 inside its cell, after the cell's own data, as another ss:Data.
        let book = r#"<Workbook><Worksheet><Table><Row>
<Cell><Data ss:Type="Number">1200</Data><Comment ss:Author="李"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B><Font>李:</Font></B><Font>含二期</Font></ss:Data></Comment></Cell>
<Cell><Comment><ss:Data>先写批注</ss:Data></Comment><Data ss:Type="String">道路</Data></Cell>
</Row></Table></Worksheet></Workbook>"#;
        let s = sheets(book).expect("read");
        assert_eq!(s[0].cell(0, 0), &Cell::Num(1200.0));
        assert_eq!(s[0].cell(0, 1), &Cell::Text("道路".into()));
    }

    #[test]
    fn rows_past_ten_thousand_keep_their_place() {
        // A county's 台账 of 12,000 rows, a blank row before its last: Excel writes ss:Index.
        let rows = format!(
            "{}<Row ss:Index=\"12001\"><Cell><Data ss:Type=\"String\">末行</Data></Cell></Row>",
            r#"<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>"#.repeat(11_999)
        );
        let s = sheets(&book(&rows)).expect("read");
        assert_eq!(s[0].cell(9_999, 0), &Cell::Num(1.0));
        assert_eq!(s[0].cell(12_000, 0), &Cell::Text("末行".into()));
    }

    #[test]
    fn a_workbook_without_its_xml_declaration_is_one() {
        // Exporters written in JavaScript or PHP often leave <?xml …?> out; Excel opens them.
        let book = BOOK.split_once("?>\n<?mso-application progid=\"Excel.Sheet\"?>\n");
        let bare = book.map(|(_, rest)| rest).expect("the declarations");
        assert!(bare.starts_with("<Workbook"));
        assert!(is_xml_spreadsheet(bare.as_bytes()));
        assert!(!is_xml_spreadsheet(
            b"<html><table><tr><td>urn:schemas-microsoft-com:office:spreadsheet</td></tr></table>"
        ));
    }
}
