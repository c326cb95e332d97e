//! Finding a 台账's header row and what each column holds, by the Chinese names offices give them
//! (and their variants), a unit in brackets (总投资（万元）), a two-row header under a merged
//! 投资情况（万元）, and `--map 列名=field` for anything else.

pub use super::fields::Field;
use super::sheet::{Cell, Sheet};
/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// 0-based column.
    pub col: usize,
    /// The column's name as the header writes it, without spaces and its unit.
    pub name: String,
    /// What it holds.
    pub field: Field,
    /// The unit in the header (总投资（万元） → 万元), or in the header above it.
    pub unit: Option<String>,
}

/// A found header: its last row and its columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// 0-based row of the header's first line; titles are above it.
    pub top: usize,
    /// 0-based row of the header's last line; data starts below it.
    pub row: usize,
    /// The named columns, left to right.
    pub columns: Vec<Column>,
}

impl Header {
    /// The first column holding `field`.
    pub fn find(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }
}

/// A header cell's name and unit: spaces, line breaks, `*` and a trailing colon dropped; a unit in
/// brackets taken out (总投资（万元） → 总投资, 万元; 完成率（%） → 完成率, %).
pub fn clean_name(raw: &str) -> (String, Option<String>) {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .collect();
    let s = s.trim_end_matches([':', '：']).to_string();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let (Some(a), Some(b)) = (s.find(open), s.rfind(close)) {
            if a < b {
                let inner = &s[a + open.len_utf8()..b];
                let inner = inner
                    .trim_start_matches("单位")
                    .trim_start_matches([':', '：']);
                let name = format!("{}{}", &s[..a], &s[b + close.len_utf8()..]);
                let unit = (!inner.is_empty() && inner.chars().count() <= 4)
                    .then(|| inner.replace('％', "%"));
                return (name, unit);
            }
        }
    }
    (s, None)
}

/// How many rows from the top are searched for the header.
const SEARCH_ROWS: usize = 15;

/// Finds the header: among the first rows, the one naming the most known columns, which must
/// include the task (重点工作 …) column (a `--map` name counts as known). A second header row under
/// it (总投资 / 年度计划投资 under a merged 投资情况（万元）) is taken in. `None` when no row has a
/// task column and one other known column.
pub fn find(sheet: &Sheet, map: &[(String, Field)]) -> Option<Header> {
    let field_of = |text: &str| -> Option<Field> {
        let (name, _) = clean_name(text);
        map.iter()
            .find(|(n, _)| clean_name(n).0 == name)
            .map(|(_, f)| *f)
            .or_else(|| Field::of_name(&name))
    };
    let mut best: Option<(usize, usize)> = None;
    for r in 0..sheet.rows.len().min(SEARCH_ROWS) {
        let fields: Vec<Field> = (0..sheet.rows[r].len())
            .filter_map(|c| match sheet.cell(r, c) {
                Cell::Text(t) => field_of(t),
                _ => None,
            })
            .collect();
        let mut distinct = fields.clone();
        distinct.sort_by_key(|f| *f as u8);
        distinct.dedup();
        if !distinct.contains(&Field::Task) || distinct.len() < 2 {
            continue;
        }
        if best.is_none_or(|(_, score)| distinct.len() > score) {
            best = Some((r, distinct.len()));
        }
    }
    let (mut row, _) = best?;
    // The row under a parent header (投资情况（万元） over 总投资, 累计完成投资) names more columns;
    // the header starts at the parent.
    let names_task = |r: usize| {
        (0..sheet.width())
            .any(|c| matches!(sheet.cell(r, c), Cell::Text(t) if field_of(t) == Some(Field::Task)))
    };
    if row > 0 && names_task(row - 1) && sub_header(sheet, row - 1, &field_of) {
        row -= 1;
    }
    let sub = sub_header(sheet, row, &field_of);
    let last = if sub { row + 1 } else { row };
    let mut columns: Vec<Column> = Vec::new();
    for c in 0..sheet.width() {
        let top = sheet.cell(row, c).text();
        let below = if sub {
            sheet.cell(row + 1, c).text()
        } else {
            String::new()
        };
        let (top_name, top_unit) = clean_name(&top);
        let (below_name, below_unit) = clean_name(&below);
        let (name, unit) = if sub && !below_name.is_empty() && below_name != top_name {
            (below_name, below_unit.or(top_unit))
        } else {
            (top_name, top_unit)
        };
        if name.is_empty() {
            continue;
        }
        let field = field_of(&name).unwrap_or(Field::Other);
        columns.push(Column {
            col: c,
            name,
            field,
            unit,
        });
    }
    set_aside(&mut columns, map);
    Some(Header {
        top: row,
        row: last,
        columns,
    })
}

/// Columns whose field another column holds better become `Other` (their text stays in the source
/// sentence): last year's figures beside this year's (2023年完成投资 or 上年计划投资 beside
/// 2024年计划投资), unless `--map` names them, and a field named twice (完成情况 and 形象进度: the
/// first column keeps it).
fn set_aside(columns: &mut [Column], map: &[(String, Field)]) {
    let latest = columns.iter().filter_map(|k| named_year(&k.name)).max();
    for i in 0..columns.len() {
        let k = &columns[i];
        let annual = matches!(k.field, Field::AnnualDone | Field::AnnualPlan);
        let mapped = map.iter().any(|(n, _)| clean_name(n).0 == k.name);
        let earlier = k.name.starts_with("上年")
            || k.name.starts_with("去年")
            || named_year(&k.name).is_some_and(|y| Some(y) < latest);
        let twice = columns[..i].iter().any(|j| j.field == k.field);
        if (annual && earlier && !mapped) || (k.field != Field::Other && twice) {
            columns[i].field = Field::Other;
        }
    }
}

/// The year a column name names (2024 in 2024年1-6月完成投资), if any.
fn named_year(name: &str) -> Option<i32> {
    let at = name.find("年")?;
    let digits = name[..at]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    (digits == 4).then(|| name[at - 4..at].parse().ok())?
}

/// True when the row under the header is a second header line: each of its cells is blank, repeats
/// the cell above (a merge spanning both rows) or is a name — under a parent such as 投资情况（万元）
/// or 第二季度, never under 序号 or the item's column — and one of the new names is a known column.
fn sub_header(sheet: &Sheet, row: usize, field_of: &dyn Fn(&str) -> Option<Field>) -> bool {
    let next = row + 1;
    let mut known = false;
    for c in 0..sheet.width().max(1) {
        let below = sheet.cell(next, c);
        if below.is_blank() {
            continue;
        }
        let text = below.text();
        let above = sheet.cell(row, c).text();
        if text == above {
            continue;
        }
        if !matches!(below, Cell::Text(_))
            || matches!(field_of(&above), Some(Field::Seq | Field::Task))
        {
            return false;
        }
        known |= field_of(&text).is_some();
    }
    known
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet::from_texts("s", rows, true)
    }

    #[test]
    fn names_and_units() {
        assert_eq!(
            clean_name("总投资\n（万元）"),
            ("总投资".into(), Some("万元".into()))
        );
        assert_eq!(clean_name("完成率(%)"), ("完成率".into(), Some("%".into())));
        assert_eq!(
            clean_name("计划投资（单位：万元）"),
            ("计划投资".into(), Some("万元".into()))
        );
        assert_eq!(clean_name("责 任 领 导："), ("责任领导".into(), None));
        assert_eq!(Field::of_name("1-6月完成投资"), Some(Field::AnnualDone));
        assert_eq!(Field::of_name("2024年度计划投资"), Some(Field::AnnualPlan));
        assert_eq!(Field::of_name("包抓领导"), Some(Field::Leader));
        assert_eq!(Field::of_name("联系电话"), None);
        assert_eq!(Field::parse("leader"), Some(Field::Leader));
        assert_eq!(Field::parse("责任单位"), Some(Field::Office));
        assert_eq!(Field::parse("boss"), None);
    }

    #[test]
    fn the_header_under_a_title() {
        let s = sheet(&[
            &["青山镇2024年重点工作台账"],
            &["（截至2024年6月30日）"],
            &["序号", "重点工作", "督导组长", "责任 单位", "完成时限"],
            &["1", "秸秆禁烧", "张明", "生态环境办", "长期"],
        ]);
        let h = find(&s, &[]).unwrap();
        assert_eq!(h.row, 2);
        let fields: Vec<Field> = h.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                Field::Seq,
                Field::Task,
                Field::Other,
                Field::Office,
                Field::Deadline
            ]
        );
        let mapped = find(&s, &[("督导组长".into(), Field::Leader)]).unwrap();
        assert_eq!(mapped.columns[2].field, Field::Leader);
    }

    #[test]
    fn a_two_row_header_under_a_merged_parent() {
        let s = sheet(&[
            &[
                "序号",
                "项目名称",
                "投资情况（万元）",
                "投资情况（万元）",
                "形象进度",
            ],
            &["序号", "项目名称", "总投资", "累计完成投资", "形象进度"],
            &["1", "镇区道路", "1200", "300", "完工"],
        ]);
        let h = find(&s, &[]).unwrap();
        assert_eq!(h.row, 1);
        let spent = h.find(Field::Spent).unwrap();
        assert_eq!((spent.col, spent.unit.as_deref()), (3, Some("万元")));
        assert_eq!(h.find(Field::Investment).unwrap().name, "总投资");
    }

    #[test]
    fn a_quarter_over_its_plan_and_its_result_without_merges() {
        let s = sheet(&[
            &["序号", "重点工作", "责任领导", "第二季度", "", "完成率"],
            &["", "", "", "工作任务安排", "完成情况", ""],
            &[
                "1",
                "白仙山水库",
                "欧乾震",
                "完成迁坟",
                "坟墓迁移进度达60%",
                "60%",
            ],
        ]);
        let h = find(&s, &[]).unwrap();
        assert_eq!((h.top, h.row), (0, 1));
        let names: Vec<(&str, Field)> = h
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.field))
            .collect();
        assert_eq!(
            names,
            [
                ("序号", Field::Seq),
                ("重点工作", Field::Task),
                ("责任领导", Field::Leader),
                ("工作任务安排", Field::Plan),
                ("完成情况", Field::Progress),
                ("完成率", Field::Rate),
            ]
        );
        // A data row under a one-row header is no second header line.
        let s = sheet(&[
            &["序号", "重点工作", "完成情况"],
            &["1", "秸秆禁烧", "完成情况良好"],
        ]);
        assert_eq!(find(&s, &[]).unwrap().row, 0);
    }

    #[test]
    fn no_task_column_no_header() {
        let s = sheet(&[&["本周无新增事项"], &["序号", "责任单位"]]);
        assert_eq!(find(&s, &[]), None);
    }

    #[test]
    fn last_years_investment_is_not_this_years() {
        // 2023年完成投资 (last year's) beside 2024年1-6月完成投资: this year's is the latter.
        let s = sheet(&[
            &[
                "序号",
                "项目名称",
                "总投资",
                "2023年完成投资",
                "2024年计划投资",
                "2024年1-6月完成投资",
                "上年计划投资",
            ],
            &["1", "镇区污水管网", "5000", "1200", "2000", "900", "1500"],
        ]);
        let h = find(&s, &[]).unwrap();
        assert_eq!(
            h.find(Field::AnnualDone).unwrap().name,
            "2024年1-6月完成投资"
        );
        assert_eq!(h.find(Field::AnnualPlan).unwrap().name, "2024年计划投资");
        assert_eq!(h.columns[3].field, Field::Other);
        assert_eq!(h.columns[6].field, Field::Other);
        // Named with --map, it is what the clerk says.
        let mapped = find(&s, &[("2023年完成投资".into(), Field::AnnualDone)]).unwrap();
        assert_eq!(
            mapped.find(Field::AnnualDone).unwrap().name,
            "2023年完成投资"
        );
    }
}
