//! A 台账 in Excel's XML Spreadsheet 2003 format (`<Workbook xmlns="urn:schemas-microsoft-com:
//! office:spreadsheet">`), which older office systems write when asked to 导出Excel, under `.xls`
//! or `.xml`. Each `Worksheet` is a sheet; `ss:MergeAcross` / `ss:MergeDown` are its merged regions.

use super::sheet::{date_to_serial, Cell, ReadError, Region, Sheet};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// True when `bytes` are an XML Spreadsheet 2003 workbook.
pub fn is_xml_spreadsheet(bytes: &[u8]) -> bool {
    const NS: &[u8] = b"urn:schemas-microsoft-com:office:spreadsheet";
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(5).any(|w| w == b"<?xml") && head.windows(NS.len()).any(|w| w == NS)
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
}

/// The sheets of a workbook in XML Spreadsheet 2003 text.
pub fn sheets(text: &str) -> Result<Vec<Sheet>, ReadError> {
    let mut r = Reader::from_str(text);
    let mut at = At::default();
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
                b"Cell" => finish_cell(&mut at),
                b"Row" => at.row += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
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

/// A 1-based index attribute as 0-based, or a count (at most 10,000: a broken file cannot make a
/// huge sheet).
fn number(e: &BytesStart, name: &[u8]) -> Option<usize> {
    attr(e, name)?
        .trim()
        .parse::<usize>()
        .ok()
        .map(|n| n.min(10_000))
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
        }
        b"Row" => {
            if let Some(i) = number(e, b"Index") {
                at.row = i.saturating_sub(1);
            }
            at.col = 0;
            if empty {
                at.row += 1;
            }
        }
        b"Cell" => {
            if let Some(i) = number(e, b"Index") {
                at.col = i.saturating_sub(1);
            }
            let Some(sheet) = at.sheets.last_mut() else {
                return;
            };
            // Cells that a merge from a row above covers are not written: skip them.
            while sheet.merges.iter().any(|m| covers(m, at.row, at.col)) {
                at.col += 1;
            }
            let across = number(e, b"MergeAcross").unwrap_or(0);
            let down = number(e, b"MergeDown").unwrap_or(0);
            if across > 0 || down > 0 {
                sheet.merges.push(Region {
                    top: at.row as u32,
                    left: at.col as u32,
                    bottom: (at.row + down) as u32,
                    right: (at.col + across) as u32,
                });
            }
            at.cell = Some((at.col, String::new(), String::new()));
            at.col += across + 1;
            if empty {
                finish_cell(at);
            }
        }
        b"Data" if !empty => {
            if let Some(c) = at.cell.as_mut() {
                c.1 = attr(e, b"Type").unwrap_or_default();
            }
            at.in_data = true;
        }
        _ => {}
    }
}

fn covers(m: &Region, row: usize, col: usize) -> bool {
    (m.top as usize..=m.bottom as usize).contains(&row)
        && (m.left as usize..=m.right as usize).contains(&col)
        && (m.top as usize, m.left as usize) != (row, col)
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
}
