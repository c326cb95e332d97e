//! Problems found in a 台账, each naming the file, the sheet and the cell (`台账.xlsx!重点项目!E7`),
//! worded in Chinese by default and in English with `--lang en`.

use std::fmt;

/// Where a problem is: the file as given, and the sheet and 0-based cell when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file's name as the clerk named it.
    pub file: String,
    /// The sheet; `None` for a problem with the whole file, empty for a `.csv` (which has none).
    pub sheet: Option<String>,
    /// 0-based (row, column); `None` for a whole sheet.
    pub cell: Option<(usize, usize)>,
}

impl Place {
    /// A place in `file`: a sheet and a 0-based (row, column) cell when known.
    pub fn new(file: &str, sheet: Option<&str>, cell: Option<(usize, usize)>) -> Place {
        Place {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            cell,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(s) = self.sheet.as_ref().filter(|s| !s.is_empty()) {
            write!(f, "!{s}")?;
        }
        if let Some((r, c)) = self.cell {
            write!(f, "!{}", super::sheet::address(r, c))?;
        }
        Ok(())
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A deadline cell that is no date (the column's name, the text).
    BadDate(String, String),
    /// A number cell that is no number.
    BadNumber(String, String),
    /// A money cell (投资) whose unit is no money (约260米): the column's name, the text.
    NotMoney(String, String),
    /// A 完成率 cell that is no percentage.
    BadPercent(String, String),
    /// An error cell such as #DIV/0!.
    ErrorCell(String, String),
    /// A deadline not set yet (待定): the item has none.
    Undecided(String, String),
    /// A money cell without a unit in the cell or its header: read as 万元.
    UnitAssumed(String),
    /// A row with content but no task name: skipped.
    NoTask,
    /// A sheet without a header row: skipped.
    NoHeader,
    /// The file has no sheet with a header row.
    NoTable,
    /// The file holds no rows to import.
    NoRows,
    /// The file could not be read (why, when the system said), or is damaged / not what its
    /// extension says (`None`).
    Unreadable(Option<std::io::ErrorKind>),
    /// The file's extension is not one huibao reads.
    UnknownKind,
    /// A `.csv` in no encoding huibao reads: 1-based line and column of the first bad byte (0 when
    /// unknown).
    Encoding(usize, usize),
    /// A `--map` column name found in no header.
    MapUnused(String),
    /// `--sheet` names a sheet the workbook does not have (the name, the sheets it has).
    NoSuchSheet(String, Vec<String>),
    /// A new data folder needs the town's name and the title does not give it.
    NoTown,
    /// Merges are not stored in the format: blank 责任领导/责任单位/类别 cells took the value above.
    FilledDown(String, usize),
    /// A column of numbers under a name huibao does not know: its numbers stay only in each row's
    /// source text (the name as shown, the name to give `--map`).
    TextOnly(String, String),
}

/// One problem: an error stops the import, a warning does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: Kind,
}

impl Problem {
    /// True when the import cannot go on (nothing is written).
    pub fn is_error(&self) -> bool {
        !matches!(
            self.kind,
            Kind::UnitAssumed(_)
                | Kind::Undecided(..)
                | Kind::NoTask
                | Kind::NoHeader
                | Kind::MapUnused(_)
                | Kind::FilledDown(..)
                | Kind::TextOnly(..)
        )
    }

    /// The problem as printed: `台账.xlsx!重点项目!E7: 完成时限：无法识别的日期 "6月35日"`.
    pub fn message(&self, en: bool) -> String {
        format!("{}: {}", self.place, self.kind.text(en))
    }
}

impl Kind {
    /// The description, in Chinese or English.
    pub fn text(&self, en: bool) -> String {
        use Kind::*;
        match (self, en) {
            (BadDate(col, t), false) => format!("{col}：无法识别的日期 {t:?}"),
            (BadDate(col, t), true) => format!("{col}: unrecognised date {t:?}"),
            (NotMoney(col, t), false) => {
                format!("{col}：投资应以万元或亿元计，这里是 {t:?}")
            }
            (NotMoney(col, t), true) => {
                format!("{col}: an investment is in 万元 or 亿元, not {t:?}")
            }
            (BadNumber(col, t), false) => format!("{col}：无法识别的数字 {t:?}"),
            (BadNumber(col, t), true) => format!("{col}: unrecognised number {t:?}"),
            (BadPercent(col, t), false) => format!("{col}：无法识别的百分比 {t:?}"),
            (BadPercent(col, t), true) => format!("{col}: unrecognised percentage {t:?}"),
            (ErrorCell(col, t), false) => format!("{col}：单元格是错误值 {t}，请改正公式或填入数值"),
            (ErrorCell(col, t), true) => format!("{col}: the cell is the error {t}; fix the formula or type the value"),
            (Undecided(col, t), false) => format!("{col}：{t:?}，暂无期限，定下后请填上日期"),
            (Undecided(col, t), true) => format!("{col}: {t:?}, no deadline yet; fill in the date once it is set"),
            (TextOnly(col, name), false) => format!(
                "{col}：不是已知的列名，其中的数字只保留在每行的原文里；如需作为数字导入，用 --map {name}=字段（字段见 huibao import --help）"
            ),
            (TextOnly(col, name), true) => format!(
                "{col}: not a column name huibao knows; its numbers stay only in each row's source text. To import them as figures, name the field: --map {name}=FIELD (see huibao import --help)"
            ),
            (UnitAssumed(col), false) => format!("{col}：未注明单位，按万元导入"),
            (UnitAssumed(col), true) => format!("{col}: no unit given; imported as 万元"),
            (NoTask, false) => "此行有内容但没有工作名称，未导入".into(),
            (NoTask, true) => "this row has content but no task name; not imported".into(),
            (NoHeader, false) => "未找到表头（需有“重点工作/工作任务/项目名称”等列），此表未导入".into(),
            (NoHeader, true) => "no header row (a 重点工作/工作任务/项目名称 column and another known column); sheet not imported".into(),
            (NoTable, false) => "没有一张表找到表头（需有“重点工作/工作任务/项目名称”等列）；可用 --map 列名=task 指定".into(),
            (NoTable, true) => "no sheet has a header row (a 重点工作/工作任务/项目名称 column); name the task column with --map 列名=task".into(),
            (NoRows, false) => "表中没有可导入的工作".into(),
            (NoRows, true) => "the table holds no rows to import".into(),
            (Unreadable(why), en) => unreadable(*why, en),
            (UnknownKind, false) => "只能导入表格（.xlsx、.xls、.et、.ods、.csv，或存为网页的表格 .htm、XML 表格 .xml）；书面汇报（.docx）请用 huibao extract".into(),
            (UnknownKind, true) => "only tables can be imported (.xlsx, .xls, .et, .ods, .csv, a table saved as a web page, .htm, or an XML spreadsheet, .xml); for a written report (.docx) use huibao extract".into(),
            (Encoding(line, col), false) => format!(
                "无法识别文件编码（第{line}行第{col}列），请另存为 UTF-8 或 GBK 编码的 .csv"
            ),
            (Encoding(line, col), true) => format!(
                "the file's encoding is not readable (line {line}, column {col}); save it as a UTF-8 or GBK .csv"
            ),
            (MapUnused(name), false) => format!("--map 指定的列 {name:?} 不在表头中"),
            (MapUnused(name), true) => format!("--map names the column {name:?}, which no header has"),
            (NoSuchSheet(name, have), false) => {
                format!("没有名为 {name:?} 的工作表；表中有：{}", have.join("、"))
            }
            (NoSuchSheet(name, have), true) => {
                format!("no sheet named {name:?}; the sheets are: {}", have.join(", "))
            }
            (NoTown, false) => "表格标题中没有镇（乡、街道）名，请用 --town 指定".into(),
            (NoTown, true) => "the title names no town; give it with --town".into(),
            (FilledDown(col, n), false) => format!("{col}：此格式不保存合并单元格，{n} 个空格沿用了上一行的值"),
            (FilledDown(col, n), true) => format!("{col}: this format keeps no merged cells; {n} blank cells took the value above"),
        }
    }
}

fn unreadable(why: Option<std::io::ErrorKind>, en: bool) -> String {
    use std::io::ErrorKind::*;
    match (why, en) {
        (None, false) => "无法打开表格：文件已损坏，或不是扩展名所示的格式（可用 Excel/WPS 另存一次）".into(),
        (None, true) => "cannot open the spreadsheet: it is damaged or not the format its extension says (save it again from Excel/WPS)".into(),
        (Some(NotFound), false) => "找不到这个文件".into(),
        (Some(NotFound), true) => "no such file".into(),
        (Some(PermissionDenied), false) => "没有读取这个文件的权限".into(),
        (Some(PermissionDenied), true) => "no permission to read the file".into(),
        (Some(InvalidInput), false) => "这不是普通文件（是文件夹、管道或设备），请给出表格文件".into(),
        (Some(InvalidInput), true) => {
            "not a regular file (a folder, pipe or device): give the spreadsheet file".into()
        }
        (Some(_), false) => "无法读取这个文件".into(),
        (Some(_), true) => "cannot read the file".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_file_sheet_cell() {
        let p = Problem {
            place: Place {
                file: "台账.xlsx".into(),
                sheet: Some("重点项目".into()),
                cell: Some((6, 4)),
            },
            kind: Kind::BadDate("完成时限".into(), "6月35日".into()),
        };
        assert_eq!(
            p.message(false),
            "台账.xlsx!重点项目!E7: 完成时限：无法识别的日期 \"6月35日\""
        );
        assert_eq!(
            p.message(true),
            "台账.xlsx!重点项目!E7: 完成时限: unrecognised date \"6月35日\""
        );
        assert!(p.is_error());
    }
}
