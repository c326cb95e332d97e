//! `huibao extract REPORT -o DIR` / `--into DATA`: drafts a data folder from a written report and
//! lists what needs a person's look. Exit codes: see [`crate::ingest::write::exit`].

use crate::cli::Cli;
use crate::ingest::draft::Review;
use crate::ingest::extract::{extract, Options};
use crate::ingest::report::read_report;
use crate::ingest::scaffold::newest_lines;
use crate::ingest::write::{exit, renamed_note, reuse_ids_noting, write_drafted, write_into};
use crate::model::sanitize::for_terminal;
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

/// What was drafted, line by line (`  党的建设  14 项`), for the clerk to see at a glance.
pub fn lines_drafted(lines: &[crate::model::LineFile], en: bool) -> String {
    lines
        .iter()
        .map(|l| {
            let n = l.items().count();
            let name = for_terminal(l.short_name());
            if en {
                format!("  {name}: {n} items\n")
            } else {
                format!("  {name}：{n} 项\n")
            }
        })
        .collect()
}

/// The closing summary: `已起草 N 个数字，M 处需要人工核对` and each sentence with its reason, after
/// where to look when it is known (`data/2023-06-30/party.json:40: 标签…为草拟，请核对`, see
/// [`super::extract_places`]).
pub fn summary(figures: usize, review: &[Review], places: &[Option<String>], en: bool) -> String {
    let mut out = if en {
        format!("{figures} figures drafted, {} need a look\n", review.len())
    } else {
        format!("已起草 {figures} 个数字，{} 处需要人工核对\n", review.len())
    };
    for (i, r) in review.iter().enumerate() {
        let at = match places.get(i) {
            Some(Some(p)) => format!("{}: ", for_terminal(p)),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{:>3}. {at}{}\n     {}\n",
            i + 1,
            for_terminal(&r.reason.text(en)),
            for_terminal(&r.sentence)
        ));
    }
    out
}

/// Runs `huibao extract`.
pub fn run(
    cli: &Cli,
    report: &Path,
    output: Option<&Path>,
    into: Option<&Path>,
    as_of: Option<NaiveDate>,
    force: bool,
) -> ExitCode {
    let en = cli.lang.en();
    let fail = |msg: &str, code: u8| {
        super::complain(&for_terminal(msg));
        ExitCode::from(code)
    };
    let paras = match read_report(report) {
        Ok(p) => p,
        Err(e) => return fail(e.text(en), exit::BAD_INPUT),
    };
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let opts = Options {
        as_of,
        today: Some(today),
    };
    let mut x = match extract(&paras, &opts) {
        Ok(x) => x,
        Err(e) => return fail(e.text(en), exit::BAD_INPUT),
    };
    let mut reused = None;
    let root = match (output, into) {
        (_, Some(data)) => {
            let (_, existing) = match newest_lines(data) {
                Ok(found) => found,
                Err(e) => return fail(e.text(en), exit::BAD_INPUT),
            };
            reused = Some(reuse_ids_noting(&existing, &mut x.drafted.lines));
            data
        }
        (Some(dir), None) => dir,
        (None, None) => return fail("extract: -o DIR or --into DATA", exit::BAD_INPUT),
    };
    let write = if into.is_some() {
        write_into
    } else {
        write_drafted
    };
    let written = match write(root, &x.drafted, force) {
        Ok(w) => w,
        Err(e) => return fail(&e.message(en), e.code_u8()),
    };
    let head = if en {
        format!("wrote {} files under {}", written.len(), root.display())
    } else {
        format!("已写入 {} 个文件：{}", written.len(), root.display())
    };
    super::emit(&format!("{}\n", for_terminal(&head)));
    let others = crate::ingest::write::untouched_note(root, &x.drafted.date, &written, en);
    for l in others.lines() {
        super::emit(&format!("{}\n", for_terminal(l)));
    }
    if let Some(r) = &reused {
        let n = r.count - r.renamed.len();
        super::emit(&if en {
            format!("{n} items matched last snapshot's label and unit and keep their ids\n")
        } else {
            format!("{n} 个条目与上一期的名称和单位相同，沿用原编号\n")
        });
        for l in renamed_note(&r.renamed, &root.join(&x.drafted.date), en).lines() {
            super::emit(&format!("{}\n", for_terminal(l)));
        }
    }
    if into.is_some() && x.drafted.town.format.is_some() && !declares_format_2(root) {
        // town.json is the office's file: it is not rewritten, only pointed at.
        super::emit(&if en {
            "this snapshot uses format 2 (growth, parts, bounds…); town.json still says format 1 — huibao reads it either way; add \"format\": 2 to town.json to say so\n".to_string()
        } else {
            "本期用到了格式 2 的写法（增幅、其中、上下限等），town.json 仍为格式 1：huibao 照常读取；如需标明，请在 town.json 中加入 \"format\": 2\n".to_string()
        });
    }
    super::emit(&lines_drafted(&x.drafted.lines, en));
    let places = super::extract_places::places(&x.review, &written, report, &paras, en);
    super::emit(&summary(x.figures, &x.review, &places, en));
    ExitCode::from(exit::WRITTEN)
}

/// True when the folder's town.json declares format 2 (or newer).
fn declares_format_2(root: &Path) -> bool {
    let path = root.join("town.json");
    std::fs::read(&path)
        .ok()
        .and_then(|b| crate::model::encoding::parse_town(&b, &path.to_string_lossy()).ok())
        .and_then(|t| t.format)
        .is_some_and(|v| v >= 2)
}
