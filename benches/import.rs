//! Benchmark of `huibao import` on a 500-row 台账.
//!
//! Target: **importing a 500-row 督查督办 台账 takes under 200 ms** (reading the file, finding the
//! header, spreading merged cells, reading every row) on a 2-core machine: the clerk waits for it
//! at the desk.
//!
//! The inputs are generated once at start-up into a temporary folder:
//! * `import/xlsx_500_rows` — an `.xlsx` written with the zip crate: a merged title, a 截至 line, the
//!   header, 500 task rows in sections of 50 (一、二、…), 责任领导 merged over each five rows (never across a section),
//!   deadlines alternating between words (6月底前, 2024年12月, 年底前, 三季度末) and Excel date cells,
//!   完成率 as percentage cells, 计划投资 as numbers and as text;
//! * `import/csv_gbk_500_rows` — the same rows as a GBK `.csv` (no merges: blank owners filled from
//!   above).
//!
//! Run with `cargo bench --bench import`.

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use huibao::import::{import_file, Options};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

const ROWS: usize = 500;
const HEAD: [&str; 10] = [
    "序号",
    "重点工作",
    "责任领导",
    "责任单位",
    "目标任务",
    "完成时限",
    "进展情况",
    "完成率",
    "计划投资（万元）",
    "存在问题",
];
const WORDS: [&str; 4] = ["6月底前", "2024年12月", "年底前", "三季度末"];

/// One task row's cells: text, or a number with a style (1 = date, 2 = percent).
enum V {
    S(String),
    N(f64, u8),
    Blank,
}

fn task_row(i: usize) -> Vec<V> {
    let leader = if i.is_multiple_of(5) {
        V::S(format!("领导{}", i / 5))
    } else {
        V::Blank
    };
    let deadline = if i.is_multiple_of(2) {
        V::S(WORDS[i % 4].into())
    } else {
        V::N(45_400.0 + (i % 200) as f64, 1)
    };
    let money = if i.is_multiple_of(5) {
        V::S(format!("{}", 100 + i))
    } else {
        V::N((200 + i) as f64, 0)
    };
    vec![
        V::N((i + 1) as f64, 0),
        V::S(format!("重点工作第{}项：农村人居环境整治提升", i + 1)),
        leader,
        V::S(["农业农村办", "党建办", "城建办", "应急办"][i % 4].into()),
        V::S(format!("完成{}个村庄清洁行动", 10 + i % 20)),
        deadline,
        V::S(format!("已完成{}个，正在推进", i % 10)),
        V::N((i % 100) as f64 / 100.0, 2),
        money,
        V::S(if i.is_multiple_of(7) {
            "资金到位慢".into()
        } else {
            String::new()
        }),
    ]
}

fn col(c: usize) -> String {
    char::from(b'A' + c as u8).to_string()
}

fn sheet_xml() -> String {
    let mut rows = String::new();
    let mut merges = vec!["A1:J1".to_string()];
    let cell = |r: usize, c: usize, v: &V| match v {
        V::S(s) if s.is_empty() => String::new(),
        V::S(s) => format!(
            r#"<c r="{}{r}" t="inlineStr"><is><t>{s}</t></is></c>"#,
            col(c)
        ),
        V::N(n, 0) => format!(r#"<c r="{}{r}"><v>{n}</v></c>"#, col(c)),
        V::N(n, st) => format!(r#"<c r="{}{r}" s="{st}"><v>{n}</v></c>"#, col(c)),
        V::Blank => String::new(),
    };
    let mut push_row = |r: usize, cells: &[V]| {
        rows += &format!(r#"<row r="{r}">"#);
        for (c, v) in cells.iter().enumerate() {
            rows += &cell(r, c, v);
        }
        rows += "</row>";
    };
    push_row(1, &[V::S("青山镇2024年重点工作督查督办台账".into())]);
    push_row(2, &[V::S("（截至2024年6月30日）".into())]);
    push_row(3, &HEAD.map(|h| V::S(h.into())));
    let mut r = 4;
    for i in 0..ROWS {
        if i.is_multiple_of(50) {
            push_row(
                r,
                &[
                    V::S(format!("第{}部分", i / 50 + 1)),
                    V::S(format!("第{}类工作", i / 50 + 1)),
                ],
            );
            r += 1;
        }
        if i.is_multiple_of(5) {
            merges.push(format!("C{r}:C{}", r + 4));
        }
        push_row(r, &task_row(i));
        r += 1;
    }
    let merges: String = merges
        .iter()
        .map(|m| format!(r#"<mergeCell ref="{m}"/>"#))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData><mergeCells count="{}">{merges}</mergeCells></worksheet>"#,
        merges.matches("<mergeCell ").count()
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="督查督办" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

fn write_xlsx(path: &Path) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("xl/workbook.xml", WORKBOOK.to_string()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/styles.xml", STYLES.to_string()),
        ("xl/worksheets/sheet1.xml", sheet_xml()),
    ] {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

fn write_csv(path: &Path) {
    let mut text = String::from("青山镇2024年重点工作督查督办台账（截至2024年6月30日）\r\n");
    text += &HEAD.join(",");
    text += "\r\n";
    for i in 0..ROWS {
        let cells: Vec<String> = task_row(i)
            .iter()
            .map(|v| match v {
                V::S(s) => s.clone(),
                V::N(n, 1) => {
                    let d = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()
                        + chrono::Days::new(*n as u64);
                    d.format("%Y/%m/%d").to_string()
                }
                V::N(n, 2) => format!("{}%", n * 100.0),
                V::N(n, _) => n.to_string(),
                V::Blank => String::new(),
            })
            .collect();
        text += &cells.join(",");
        text += "\r\n";
    }
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(path, bytes).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("台账.xlsx");
    let csv = dir.path().join("台账.csv");
    write_xlsx(&xlsx);
    write_csv(&csv);
    let opts = Options {
        today: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        ..Options::default()
    };
    // The inputs must import whole, or the numbers measure a failure.
    for (path, name) in [(&xlsx, "台账.xlsx"), (&csv, "台账.csv")] {
        let imp =
            import_file(path, name, &opts).unwrap_or_else(|p| panic!("{name}: {:?}", p.first()));
        assert_eq!(imp.items(), ROWS, "{name}");
    }
    let mut g = c.benchmark_group("import");
    g.measurement_time(Duration::from_secs(4)).sample_size(20);
    g.bench_function("xlsx_500_rows", |b| {
        b.iter(|| black_box(import_file(&xlsx, "台账.xlsx", &opts).is_ok()))
    });
    g.bench_function("csv_gbk_500_rows", |b| {
        b.iter(|| black_box(import_file(&csv, "台账.csv", &opts).is_ok()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
