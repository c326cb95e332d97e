//! The review list: sentences `extract` could not place, or placed with a guess, and why — printed
//! at the end as `已起草 N 个数字，M 处需要人工核对`.

/// Why a sentence needs a person's look.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A growth rate (同比增长10.6%) with no figure of its own to go on.
    Growth(String),
    /// A part of a whole (其中…) with no whole to go under.
    Part(String),
    /// A bound or a range (至少3个, 3—5个): kept as its number; the format has no bounds yet.
    Bound(String),
    /// The firmness of a target (力争, 确保): written to the item's note for now.
    Firmness(&'static str),
    /// The label is a rough guess.
    Label(String),
    /// Figures outside any work line (before the first heading).
    Outside(String),
    /// A number with no unit huibao recognises.
    Unread(String),
    /// A table row whose figures the text already states.
    Repeated,
    /// The report names its period without a year: the as-of date (given) is the latest such
    /// period end up to today.
    YearGuessed(String),
}

impl Reason {
    /// The reason in words.
    pub fn text(&self, en: bool) -> String {
        match (self, en) {
            (Reason::Growth(w), false) => format!("增幅“{w}”：找不到它所属的数字，未写入"),
            (Reason::Growth(w), true) => {
                format!("growth \"{w}\": no figure it belongs to; not written")
            }
            (Reason::Part(w), false) => format!("“{w}”是其中的一部分：找不到它所属的总数，未写入"),
            (Reason::Part(w), true) => {
                format!("\"{w}\" is a part of a whole: no whole it belongs to; not written")
            }
            (Reason::Bound(w), false) => format!("“{w}”带上下限：暂按数字写入，请核对"),
            (Reason::Bound(w), true) => {
                format!("\"{w}\" is a bound or range: written as its number; please check")
            }
            (Reason::Firmness(w), false) => format!("目标措辞“{w}”：暂写入备注"),
            (Reason::Firmness(w), true) => {
                format!("target wording \"{w}\": kept in the note for now")
            }
            (Reason::Label(l), false) => format!("标签“{l}”为草拟，请核对"),
            (Reason::Label(l), true) => format!("label \"{l}\" is a rough draft; please check"),
            (Reason::Outside(w), false) => format!("“{w}”不在任何工作条线标题下，未写入"),
            (Reason::Outside(w), true) => {
                format!("\"{w}\" is under no work-line heading; not written")
            }
            (Reason::Unread(w), false) => format!("数字“{w}”没有可识别的单位，未写入"),
            (Reason::Unread(w), true) => {
                format!("number \"{w}\" has no unit huibao knows; not written")
            }
            (Reason::Repeated, false) => "表格行的数字正文已有，未重复写入".into(),
            (Reason::YearGuessed(d), false) => {
                format!("报告未写年份：截至日期按今天推定为 {d}，如不对请用 --as-of 指定")
            }
            (Reason::YearGuessed(d), true) => format!(
                "the report gives no year: the as-of date is taken as {d} from today; \
                 give --as-of if that is wrong"
            ),
            (Reason::Repeated, true) => {
                "a table row repeating figures of the text; not written twice".into()
            }
        }
    }
}

/// A review entry: the sentence as in the report, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The sentence, verbatim.
    pub sentence: String,
    /// Why it needs a look.
    pub reason: Reason,
}
