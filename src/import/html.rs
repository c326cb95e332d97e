//! A 台账 that is a web page: what office systems (OA, 政务平台) give when asked to 导出Excel — an
//! HTML table saved as `.xls` — and tables saved from a site as `.htm`. Each `<table>` is a sheet;
//! `colspan` and `rowspan` are its merged regions, so headers of two rows read as in Excel.

use super::sheet::{Cell, ReadError, Region, Sheet};
use crate::ingest::html::{find_ci, tag_name};

/// The most cells a page's spans may ask for (a 台账 of 20,000 rows by 50 columns needs half of
/// it): past it the page is refused, so a few bytes of `rowspan`/`colspan` cannot fill the memory.
pub const MAX_CELLS: usize = 2_000_000;

/// True when `bytes` are a web page holding a table (whatever the file's name says).
pub fn is_html_table(bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|i| head[i] != b'<') {
        return false;
    }
    head.windows(6).any(|w| w.eq_ignore_ascii_case(b"<table"))
}

/// One cell as the page writes it: where its inner markup starts and ends, and its spans.
struct Raw {
    html: String,
    cols: usize,
    rows: usize,
    /// Excel's `mso-ignore:colspan`: the columns are text overflowing into empty cells, no merge.
    spill: bool,
}

impl Raw {
    /// The cell a `<td …>` (or `<th …>`) tag opens, without its markup yet.
    fn of(tag: &str) -> Raw {
        Raw {
            html: String::new(),
            cols: span(tag, "colspan"),
            rows: span(tag, "rowspan"),
            spill: tag.to_ascii_lowercase().contains("mso-ignore:colspan"),
        }
    }
}

/// The sheets of a page's tables (a single table's sheet has no name, like a `.csv`; several are
/// 表1, 表2 …). Nested tables are read as the text of their cell. A page whose spans ask for more
/// than [`MAX_CELLS`] cells is [`ReadError::Broken`].
pub fn sheets(text: &str) -> Result<Vec<Sheet>, ReadError> {
    let tables = raw_tables(text);
    let named = tables.len() > 1;
    let mut budget = MAX_CELLS;
    let mut out = Vec::with_capacity(tables.len());
    for (i, rows) in tables.into_iter().enumerate() {
        let mut sheet = place(rows, &mut budget).ok_or(ReadError::Broken)?;
        if named {
            sheet.name = format!("表{}", i + 1);
        }
        out.push(sheet);
    }
    Ok(out)
}

/// The cells of every top-level table, row by row.
fn raw_tables(text: &str) -> Vec<Vec<Vec<Raw>>> {
    let mut tables = Vec::new();
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(lt) = rest.find('<') {
        let before = &rest[..lt];
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            // Excel's pages hide their workbook settings (and sometimes tables) in comments.
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        let whole = &rest[..=gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if depth >= 1 {
            if let Some(c) = cell(&mut tables) {
                c.html.push_str(before);
            }
        }
        if !closing && matches!(name.as_str(), "script" | "style") {
            // Their text is code: tables built in a script's strings are none of the page's.
            let end = format!("</{name}");
            rest = find_ci(rest, &end).map_or("", |i| &rest[i..]);
            continue;
        }
        match (name.as_str(), closing, depth) {
            ("table", false, 0) => {
                tables.push(Vec::new());
                depth = 1;
            }
            ("table", false, _) => depth += 1,
            ("table", true, d) if d > 0 => depth -= 1,
            ("tr", false, 1) => {
                if let Some(t) = tables.last_mut() {
                    t.push(Vec::new());
                }
            }
            // The table's title, which Excel shows as a row above it.
            ("caption", false, 1) => {
                if let Some(t) = tables.last_mut() {
                    t.push(vec![Raw::of("")]);
                }
            }
            ("td" | "th", false, 1) => {
                if let Some(t) = tables.last_mut() {
                    if t.is_empty() {
                        t.push(Vec::new());
                    }
                    if let Some(r) = t.last_mut() {
                        r.push(Raw::of(tag));
                    }
                }
            }
            ("td" | "th" | "tr", true, 1) => {}
            _ if depth >= 1 => {
                if let Some(c) = cell(&mut tables) {
                    c.html.push_str(whole);
                }
            }
            _ => {}
        }
    }
    tables
}

/// The cell being read: the last of the last row of the last table.
fn cell(tables: &mut [Vec<Vec<Raw>>]) -> Option<&mut Raw> {
    tables
        .last_mut()
        .and_then(|t| t.last_mut())
        .and_then(|r| r.last_mut())
}

/// A `colspan` / `rowspan` attribute of a tag: 1 when absent or unreadable, at most 1000 and
/// 65,534 (as browsers have it); a `rowspan` of 0 is kept (it reaches the table's end).
fn span(tag: &str, attr: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(attr) else { return 1 };
    let value: String = lower[at + attr.len()..]
        .trim_start_matches([' ', '='])
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match value.parse::<usize>() {
        Ok(0) if attr == "rowspan" => 0,
        Ok(n) if attr == "rowspan" => n.clamp(1, 65_534),
        Ok(n) => n.clamp(1, 1000),
        Err(_) => 1,
    }
}

/// Places the cells on the grid: a cell goes to the first column its row leaves free (cells above
/// reach down into it with `rowspan`), and spans become merged regions. A `rowspan` stops at the
/// table's last row, as in a browser. `None` when the cells would pass `budget`.
fn place(rows: Vec<Vec<Raw>>, budget: &mut usize) -> Option<Sheet> {
    let mut grid: Vec<Vec<Option<Cell>>> = Vec::new();
    let mut merges = Vec::new();
    let height = rows.len();
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = 0;
        for mut raw in row {
            let left = height - r;
            raw.rows = if raw.rows == 0 {
                left
            } else {
                raw.rows.min(left)
            };
            *budget = budget.checked_sub(raw.rows * raw.cols)?;
            while grid
                .get(r)
                .and_then(|g| g.get(c))
                .is_some_and(Option::is_some)
            {
                c += 1;
            }
            for rr in r..r + raw.rows {
                if grid.len() <= rr {
                    grid.resize_with(rr + 1, Vec::new);
                }
                let line = &mut grid[rr];
                if line.len() < c + raw.cols {
                    line.resize(c + raw.cols, None);
                }
                for cell in &mut line[c..c + raw.cols] {
                    *cell = Some(Cell::Empty);
                }
            }
            grid[r][c] = Some(cell_of(&raw.html));
            let wide = if raw.spill { 1 } else { raw.cols };
            if wide > 1 || raw.rows > 1 {
                merges.push(Region {
                    top: r as u32,
                    left: c as u32,
                    bottom: (r + raw.rows - 1) as u32,
                    right: (c + wide - 1) as u32,
                });
            }
            c += raw.cols;
        }
    }
    let rows = grid
        .into_iter()
        .map(|line| {
            let mut cells: Vec<Cell> = line.into_iter().map(|c| c.unwrap_or(Cell::Empty)).collect();
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
            cells
        })
        .collect();
    Some(Sheet {
        name: String::new(),
        rows,
        merges,
        merges_known: true,
    })
}

/// A cell's text: its markup's text, lines trimmed (a `<br>` keeps its line break, as in Excel).
fn cell_of(html: &str) -> Cell {
    let text = crate::ingest::html::text(html);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches([' ', '\u{3000}']))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(crate::model::sanitize::clean_text(&lines.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sheet: &Sheet, r: usize, c: usize) -> &str {
        match sheet.cell(r, c) {
            Cell::Text(t) => t,
            _ => "",
        }
    }

    #[test]
    fn an_oa_export_reads_with_its_merged_header() {
        let page = r#"<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><table>hidden</table></x:ExcelWorkbook></xml><![endif]-->
<style>td{mso-number-format:"\@";}</style></head><body>
<TABLE border=1><TR><TD colspan="4">青山镇重点项目推进情况表</TD></TR>
<tr><th rowspan=2>序号</th><th rowspan=2>项目名称</th><th colspan=2>投资（万元）</th></tr>
<tr><th>计划</th><th>完成</th></tr>
<tr><td>1</td><td>青山大道<br/>改造</td><td x:num>5000</td><td>1,200</td></tr>
<tr><td>2</td><td>污水&amp;管网</td><td>&nbsp;</td><td>300</td></tr></TABLE></body></html>"#;
        let sheets = sheets(page).expect("sheets");
        assert_eq!(sheets.len(), 1);
        let s = &sheets[0];
        assert_eq!(s.name, "");
        assert!(s.merges_known);
        assert_eq!(text(s, 0, 0), "青山镇重点项目推进情况表");
        assert_eq!(
            [
                text(s, 1, 0),
                text(s, 1, 1),
                text(s, 1, 2),
                text(s, 2, 2),
                text(s, 2, 3)
            ],
            ["序号", "项目名称", "投资（万元）", "计划", "完成"]
        );
        assert_eq!(s.cell(2, 0), &Cell::Empty, "under a rowspan");
        assert_eq!(text(s, 3, 1), "青山大道\n改造");
        assert_eq!([text(s, 3, 2), text(s, 3, 3)], ["5000", "1,200"]);
        assert_eq!(text(s, 4, 1), "污水&管网");
        assert_eq!(s.cell(4, 2), &Cell::Empty);
        assert_eq!(
            s.spans(),
            [(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]
        );
    }

    #[test]
    fn a_rowspan_ends_with_its_table_as_in_a_browser() {
        // An OA export whose 责任领导 spans rows the export then left out: a browser (and Excel)
        // stop the merge at the table's last row, so no rows of 张明 alone follow.
        let page = "<table><tr><td>项目</td><td>责任领导</td></tr>\
<tr><td>道路</td><td rowspan=5>张明</td></tr><tr><td>管网</td></tr></table>";
        let s = &sheets(page).expect("a sheet")[0];
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.spans(), [(1, 1, 2, 1)]);
        // rowspan=0: to the end of the table.
        let page = "<table><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
        let s = &sheets(page).expect("a sheet")[0];
        assert_eq!(s.spans(), [(0, 0, 1, 0)]);
        assert_eq!(text(s, 1, 1), "c");
    }

    #[test]
    fn a_page_of_huge_spans_is_refused_not_read_into_memory() {
        // 11 KB asking for 50 million cells.
        let page = format!(
            "<table><tr>{}</tr>{}</table>",
            "<td rowspan=1000 colspan=1000>x</td>".repeat(50),
            "<tr></tr>".repeat(1000)
        );
        assert_eq!(sheets(&page), Err(ReadError::Broken));
    }

    #[test]
    fn tables_a_script_writes_are_not_the_pages_tables() {
        // A page saved from a site: its script builds rows (and a table) in strings.
        let page = r#"<table><tr><td>项目</td></tr><tr><td>道路</td></tr></table>
<SCRIPT>var t = "<table><tr><td>" + a + "</td></tr></table>"; if (i<n) {}</SCRIPT>
<style>table td { border: 1px }</style>"#;
        let s = sheets(page).expect("sheets");
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].name.as_str(), s[0].rows.len()), ("", 2));
    }

    #[test]
    fn a_caption_is_the_tables_title_row() {
        // The caption holds the 表题 (and the town's name): Excel puts it above the header too.
        let page = "<TABLE><CAPTION>青山镇重点项目推进情况表</CAPTION>\
<THEAD><TR><TH>序号</TH><TH>项目名称</TH></TR></THEAD><TBODY><TR><TD>1</TD><TD>道路</TD></TR></TBODY></TABLE>";
        let s = &sheets(page).expect("sheets")[0];
        assert_eq!(text(s, 0, 0), "青山镇重点项目推进情况表");
        assert_eq!([text(s, 1, 0), text(s, 2, 1)], ["序号", "道路"]);
    }

    #[test]
    fn excels_overflowing_text_is_no_merged_cell() {
        // Excel's 另存为网页 spans a long text over the empty cells it overflows into, saying
        // mso-ignore:colspan: they are no merge (the 期限 beside a long 备注 stays empty).
        let page = "<table><tr><td>项目</td><td>进展</td><td>期限</td><td>单位</td></tr>\
<tr><td>道路</td><td colspan=2 class=xl66 style='mso-ignore:colspan'>路基完成，正在铺设沥青</td><td>交通办</td></tr></table>";
        let s = &sheets(page).expect("sheets")[0];
        assert_eq!(s.spans(), []);
        assert_eq!(
            [text(s, 1, 1), text(s, 1, 2), text(s, 1, 3)],
            ["路基完成，正在铺设沥青", "", "交通办"]
        );
    }

    #[test]
    fn a_rowspan_reaches_as_far_as_in_a_browser() {
        // One 包村领导 over 1,500 rows: browsers stop a rowspan at 65,534 (a colspan at 1,000).
        let page = format!(
            "<table><tr><td>事项</td><td>领导</td></tr><tr><td>1</td><td rowspan=1500>张明</td></tr>{}</table>",
            "<tr><td>2</td></tr>".repeat(1499)
        );
        let s = &sheets(&page).expect("sheets")[0];
        assert_eq!(s.spans(), [(1, 1, 1500, 1)]);
    }

    #[test]
    fn several_tables_are_several_sheets_and_broken_pages_end() {
        let two = "<table><tr><td>a</td></tr></table><p>x</p><table><tr><td>b<table><tr><td>c</td></tr></table></td></tr></table>";
        let s = sheets(two).expect("sheets");
        assert_eq!(
            s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["表1", "表2"]
        );
        assert_eq!(
            text(&s[1], 0, 0),
            "b\nc",
            "a nested table is its cell's text"
        );
        for broken in [
            "<table><tr><td colspan=99999>x",
            "<table><td>a",
            "<table",
            "<!-- <table>",
        ] {
            let _ = sheets(broken);
        }
        assert!(is_html_table(b"\xEF\xBB\xBF\r\n<html><body><TABLE>"));
        assert!(!is_html_table(b"a,b\n<table>"));
        assert!(!is_html_table(b"<html><p>no table</p></html>"));
    }
}
