//! A 台账 as office systems export it: 导出Excel gives a web page (an HTML table, often in GBK) or
//! an XML Spreadsheet 2003, saved as `.xls`. Each imports as the workbook it stands for: the same
//! lines, items and figures, its merged header cells read from `colspan` / `rowspan` or
//! `ss:MergeAcross` / `ss:MergeDown`.

use huibao::import::sheet::{Cell, Sheet};
use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The page an office system would export for `sheet`: one `<td>` per cell that no merged region
/// hides, its region's spans, numbers and dates written as the sheet shows them.
fn page_of(sheet: &Sheet) -> String {
    let mut html = String::from(
        "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head>\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
         <!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]--></head>\
         <body><table border=\"1\">\n",
    );
    for (r, row) in sheet.rows.iter().enumerate() {
        html += "<tr>";
        for c in 0..row.len().max(1) {
            let (r32, c32) = (r as u32, c as u32);
            let region = sheet
                .merges
                .iter()
                .find(|m| (m.top..=m.bottom).contains(&r32) && (m.left..=m.right).contains(&c32));
            let span = match region {
                Some(m) if (m.top, m.left) != (r32, c32) => continue,
                Some(m) => format!(
                    " rowspan=\"{}\" colspan=\"{}\"",
                    m.bottom - m.top + 1,
                    m.right - m.left + 1
                ),
                None => String::new(),
            };
            let text = match sheet.cell(r, c) {
                Cell::Empty => String::new(),
                Cell::Text(t) => t
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('\n', "<br>"),
                Cell::Num(n) => n.to_string(),
                Cell::Date(d) => huibao::import::sheet::serial_to_date(*d)
                    .map_or_else(|| d.to_string(), |d| d.format("%Y-%m-%d").to_string()),
                Cell::Bool(b) => b.to_string(),
                Cell::Error(e) => e.clone(),
            };
            html += &format!("<td{span}>{text}</td>");
        }
        html += "</tr>\n";
    }
    html + "</table></body></html>\n"
}

/// The workbook as an XML Spreadsheet 2003: every sheet, cells under a merge not written (the next
/// written cell then names its column), numbers and dates typed.
fn xml_of(sheets: &[Sheet]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n\
         <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" \
         xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n",
    );
    for sheet in sheets {
        xml += &format!(" <Worksheet ss:Name=\"{}\"><Table>\n", sheet.name);
        for (r, row) in sheet.rows.iter().enumerate() {
            xml += &format!("  <Row ss:Index=\"{}\">", r + 1);
            let mut next = 0;
            for c in 0..row.len() {
                let (r32, c32) = (r as u32, c as u32);
                let region = sheet.merges.iter().find(|m| {
                    (m.top..=m.bottom).contains(&r32) && (m.left..=m.right).contains(&c32)
                });
                let mut attrs = String::new();
                match region {
                    Some(m) if (m.top, m.left) != (r32, c32) => continue,
                    Some(m) => {
                        attrs += &format!(
                            " ss:MergeAcross=\"{}\" ss:MergeDown=\"{}\"",
                            m.right - m.left,
                            m.bottom - m.top
                        );
                    }
                    None => {}
                }
                let data = match sheet.cell(r, c) {
                    Cell::Empty if attrs.is_empty() => continue,
                    Cell::Empty => String::new(),
                    Cell::Text(t) => format!(
                        "<Data ss:Type=\"String\">{}</Data>",
                        t.replace('&', "&amp;").replace('<', "&lt;")
                    ),
                    Cell::Num(n) => format!("<Data ss:Type=\"Number\">{n}</Data>"),
                    Cell::Date(d) => format!(
                        "<Data ss:Type=\"DateTime\">{}T00:00:00.000</Data>",
                        huibao::import::sheet::serial_to_date(*d)
                            .expect("a date")
                            .format("%Y-%m-%d")
                    ),
                    Cell::Bool(b) => format!("<Data ss:Type=\"Boolean\">{}</Data>", u8::from(*b)),
                    Cell::Error(e) => format!("<Data ss:Type=\"Error\">{e}</Data>"),
                };
                if c != next {
                    attrs = format!(" ss:Index=\"{}\"{attrs}", c + 1);
                }
                xml += &format!("<Cell{attrs}>{data}</Cell>");
                next = c + region.map_or(1, |m| (m.right - m.left + 1) as usize);
            }
            xml += "</Row>\n";
        }
        xml += " </Table></Worksheet>\n";
    }
    xml + "</Workbook>\n"
}

#[test]
fn an_xml_2003_export_imports_as_the_workbook_it_stands_for() {
    let xlsx = fixture("重点项目台账.xlsx");
    let sheets = huibao::import::book::read(&xlsx).expect("the workbook");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let export = dir.path().join("重点项目台账.xls");
    std::fs::write(&export, xml_of(&sheets)).expect("write the export");
    let (book, xml) = (import(&xlsx, None), import(&export, None));
    assert_eq!(
        serde_json::to_value(&xml.lines).expect("json"),
        serde_json::to_value(&book.lines).expect("json")
    );
    assert_eq!(
        (xml.as_of, &xml.as_of_words, &xml.counts),
        (book.as_of, &book.as_of_words, &book.counts)
    );
    assert!(book.lines.iter().map(|l| l.items().count()).sum::<usize>() >= 5);
}

/// Imports `path` (only sheet `sheet` when given), failing the test with every problem.
fn import(path: &Path, sheet: Option<&str>) -> huibao::import::Imported {
    let opts = huibao::import::Options {
        today: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("a date"),
        sheets: sheet.map(|s| vec![s.to_string()]).unwrap_or_default(),
        ..Default::default()
    };
    let shown = path.display().to_string();
    huibao::import::import_file(path, &shown, &opts).unwrap_or_else(|p| {
        let lines: Vec<String> = p.iter().map(|p| p.message(false)).collect();
        panic!("{shown} did not import:\n{}", lines.join("\n"))
    })
}

#[test]
fn an_oa_export_imports_as_the_workbook_it_stands_for() {
    let xlsx = fixture("重点项目台账.xlsx");
    let sheets = huibao::import::book::read(&xlsx).expect("the workbook");
    assert!(
        sheets.iter().any(|s| !s.merges.is_empty()),
        "the fixture has merged cells"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut items = 0;
    // 填表说明 (how to fill the table in) is no table: the workbook's import leaves it out too.
    for sheet in sheets.iter().filter(|s| s.name != "填表说明") {
        let book = import(&xlsx, Some(&sheet.name));
        // An export is one table, named after its sheet.
        let export = dir.path().join(format!("{}.xls", sheet.name));
        let html = page_of(sheet);
        let (gbk, _, bad) = encoding_rs::GBK.encode(&html);
        assert!(!bad);
        std::fs::write(&export, &gbk).expect("write the export");
        let page = import(&export, None);
        assert_eq!(
            (page.as_of, &page.as_of_words),
            (book.as_of, &book.as_of_words)
        );
        // An export carries no sheet name: the line's short name comes from its title, which
        // names it as the sheet does (青山镇2024年产业项目推进情况表 → 产业项目).
        let expected = serde_json::to_value(&book.lines).expect("json");
        assert_eq!(
            serde_json::to_value(&page.lines).expect("json"),
            expected,
            "sheet {}",
            sheet.name
        );
        items += page.lines.iter().map(|l| l.items().count()).sum::<usize>();
    }
    assert!(items >= 5, "{items} items");
    assert!(sheets.len() >= 3, "the workbook's sheets: {}", sheets.len());
}

/// Exports written by .NET systems come in UTF-16 with a byte-order mark (Excel opens them): the
/// page and the XML Spreadsheet read as their UTF-8 twins do.
#[test]
fn utf16_exports_import_as_their_utf8_twins() {
    let xlsx = fixture("重点项目台账.xlsx");
    let sheets = huibao::import::book::read(&xlsx).expect("the workbook");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let utf16 = |text: &str| -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let sheet = sheets
        .iter()
        .find(|s| s.name != "填表说明")
        .expect("a sheet");
    for (name, text) in [("页.xls", page_of(sheet)), ("表.xls", xml_of(&sheets))] {
        let (plain, wide) = (dir.path().join(format!("u8{name}")), dir.path().join(name));
        std::fs::write(&plain, &text).expect("write");
        std::fs::write(&wide, utf16(&text)).expect("write");
        let (want, got) = (import(&plain, None), import(&wide, None));
        assert_eq!(
            serde_json::to_value(&got.lines).expect("json"),
            serde_json::to_value(&want.lines).expect("json"),
            "{name}"
        );
    }
}

#[test]
fn a_page_without_a_table_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let page = dir.path().join("台账.htm");
    std::fs::write(&page, "<html><body><p>请见附件</p></body></html>").expect("write");
    let Err(problems) =
        huibao::import::import_file(&page, "台账.htm", &huibao::import::Options::default())
    else {
        panic!("a page without a table imported");
    };
    let messages: Vec<String> = problems.iter().map(|p| p.message(false)).collect();
    assert_eq!(
        messages,
        ["台账.htm: 无法打开表格：文件已损坏，或不是扩展名所示的格式（可用 Excel/WPS 另存一次）"]
    );
}

/// A sheet without section rows (一、…) has one group, titled as the sheet: the line panel and the
/// item's detail do not show that title again as a group heading.
#[test]
fn a_sheet_without_sections_shows_no_group_heading_repeating_its_title() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let table = dir.path().join("台账.csv");
    std::fs::write(
        &table,
        "青山镇重点项目推进情况表（截至2024年6月30日）\n序号,项目名称,总投资（万元）,累计完成投资（万元）\n1,青山大道改造,5000,1200\n2,污水管网,3000,300\n",
    )
    .expect("write the table");
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
            .args(args)
            .output()
            .expect("run huibao");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let (t, d) = (
        table.to_str().expect("a path"),
        data.to_str().expect("a path"),
    );
    run(&["import", t, "-o", d]);
    let base = [
        "--data",
        d,
        "--today",
        "2024-07-01",
        "render",
        "--size",
        "100x12",
        "--keys",
    ];
    let panel = run(&[&base[..], &["1"]].concat());
    assert!(
        panel.contains("青山大道改造") && panel.contains("污水管网"),
        "{panel}"
    );
    assert!(!panel.contains('〔'), "{panel}");
    let detail = run(&[&base[..], &["1 Enter"]].concat());
    let line_field = detail
        .lines()
        .find(|l| l.contains("工作线"))
        .unwrap_or_default();
    assert!(!line_field.contains('›'), "{detail}");
}

/// A named pipe or a folder named like a table is refused at once (reading a pipe would wait for
/// ever), naming it.
#[test]
fn a_pipe_or_folder_named_like_a_table_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("台账.csv");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("a path");
    // SAFETY: mkfifo with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let folder = dir.path().join("台账.xlsx");
    std::fs::create_dir(&folder).expect("a folder");
    for path in [fifo, folder] {
        let shown = path.display().to_string();
        let Err(p) =
            huibao::import::import_file(&path, &shown, &huibao::import::Options::default())
        else {
            panic!("{shown} imported");
        };
        let messages: Vec<String> = p.iter().map(|p| p.message(false)).collect();
        assert_eq!(
            messages,
            [format!(
                "{shown}: 这不是普通文件（是文件夹、管道或设备），请给出表格文件"
            )]
        );
    }
}
