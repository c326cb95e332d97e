//! `huibao summary`: a brief for the minutes, in Markdown.
//!
//! The brief reads the same board the dashboard shows and formats every figure with the dashboard's own
//! helpers, so a number in the minutes is the number on the screen. Withheld (`**`) figures stay unknown:
//! they are listed, never summed and never compared as 0. The output depends only on the data and the
//! command line (no clock), so it can be checked against a golden file.

pub mod county;
mod sections;
mod text;

use sections::{changes, laggards, lines, near_deadlines, withheld};
pub use text::escape;

use crate::app::State;
use crate::cli::{Lang, SummaryFormat};
use crate::model::DataSource;
use std::fmt::Write;

/// How many days after a line's as-of date a deadline counts as near (近期期限).
pub const NEAR_DAYS: i64 = 14;

/// How many figures each line shows at most: a short line shows every figure; a longer one its most
/// interesting (`LineBoard::chosen`) and says how many more there are.
pub const HEADLINES: usize = 8;

/// The brief of the state's board in the requested format.
pub fn render(state: &State, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Markdown => markdown(state),
    }
}

/// Writes one section of the brief.
type Section = fn(&mut String, &State);

/// The brief as Markdown.
pub fn markdown(state: &State) -> String {
    let lang = state.lang;
    let mut out = String::new();
    title(&mut out, state);
    if state.board.lines.is_empty() && state.board.indicators.is_none() {
        footer(&mut out, state);
        return out;
    }
    let sections: [(&str, &str, Section); 5] = [
        ("一、各工作线概况", "1. Work lines", lines),
        (
            "二、较上期变化",
            "2. Changes since the previous snapshot",
            changes,
        ),
        ("三、滞后清单", "3. Laggard list", laggards),
        (
            "四、近期期限",
            "4. Deadlines within 14 days",
            near_deadlines,
        ),
        ("五、隐去数据", "5. Withheld figures", withheld),
    ];
    for (zh, en, section) in sections {
        out.truncate(out.trim_end().len());
        let _ = writeln!(out, "\n\n## {}\n", lang.pick(zh, en));
        section(&mut out, state);
    }
    footer(&mut out, state);
    out
}

fn title(out: &mut String, state: &State) {
    let lang = state.lang;
    let town = &state.data.town;
    let mut name = escape(&town.name);
    if !town.title.is_empty() && town.title != town.name {
        if name.is_empty() {
            name = escape(&town.title);
        } else {
            let _ = write!(name, " · {}", escape(&town.title));
        }
    }
    if name.is_empty() {
        name = "huibao".into();
    }
    let _ = writeln!(
        out,
        "# {}{name}",
        lang.pick("会议简报：", "Meeting brief: ")
    );
    out.push('\n');
    let errors = state.data.errors().count();
    // A report may state only its key indicators (主要指标): that is data too.
    let has_data = !state.board.lines.is_empty() || state.board.indicators.is_some();
    let Some(date) = state.board.date.filter(|_| has_data) else {
        let _ = writeln!(out, "{}", lang.pick("没有可用的数据。", "No data."));
        load_errors(out, errors, lang);
        return;
    };
    let prev = state.data.dates.iter().rev().find(|d| **d < date);
    let mut s = format!("{} {date}", lang.pick("数据截至", "Data as of"));
    match prev {
        Some(p) => {
            let _ = write!(s, "{}{p}", lang.pick("，较上期 ", ", compared with "));
        }
        None => s.push_str(lang.pick(
            "（首期数据，无上期可比）",
            " (first snapshot: nothing to compare with)",
        )),
    }
    s.push_str(lang.pick("。", "."));
    let _ = writeln!(out, "{s}");
    if let Some(f) = &state.filter {
        let hidden = state.hidden();
        let words = escape(&filter_words(f, lang));
        let text = match lang {
            Lang::Zh => format!("\n> 筛选：{words}，其余 {hidden} 项未列入本简报。"),
            Lang::En => {
                format!("\n> Filter: {words}; {hidden} other items are left out of this brief.")
            }
        };
        let _ = writeln!(out, "{text}");
    }
    load_errors(out, errors, lang);
}

/// A filter in words: `责任领导 张副镇长`, `责任单位 经发办`, `✕ 逾期`.
fn filter_words(f: &crate::app::Filter, lang: Lang) -> String {
    use crate::app::Filter;
    match f {
        Filter::Light(l) => format!("{} {}", l.symbol(), l.word(lang.en())),
        Filter::Leader(n) => format!("{}{n}", lang.pick("责任领导 ", "leader ")),
        Filter::Office(n) => format!("{}{n}", lang.pick("责任单位 ", "office ")),
    }
}

/// A warning that some files did not load, when any did not.
fn load_errors(out: &mut String, errors: usize, lang: Lang) {
    if errors > 0 {
        let _ = writeln!(
            out,
            "\n> {}{errors}{}",
            lang.pick("注意：有 ", "Note: "),
            lang.pick(
                " 个数据问题未能加载，简报可能不完整（用 huibao validate 查看）。",
                " data problem(s) kept files from loading; the brief may be incomplete (see huibao validate)."
            )
        );
    }
}

fn footer(out: &mut String, state: &State) {
    let lang = state.lang;
    out.truncate(out.trim_end().len());
    out.push('\n');
    let source = match &state.data.source {
        DataSource::Folder(p) => {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            if lang.en() {
                format!("the data folder “{}”", escape(&name))
            } else {
                format!("数据文件夹“{}”", escape(&name))
            }
        }
        DataSource::Embedded => lang
            .pick("内置的示例数据", "the built-in seed data")
            .to_string(),
    };
    let _ = writeln!(
        out,
        "\n---\n\n{}{source}{}",
        lang.pick("本简报由 huibao 根据", "Generated by huibao from "),
        lang.pick(
            "自动生成，数字与看板显示一致。",
            "; figures as the dashboard shows them."
        )
    );
}
