//! `huibao new [DATE]`: scaffolds the next snapshot from the newest one in the data folder.

use crate::cli::Cli;
use crate::ingest::scaffold::{newest_lines, scaffold};
use crate::ingest::write::{exit, write_all, Drafted};
use crate::model::sanitize::for_terminal;
use chrono::NaiveDate;
use std::process::ExitCode;

/// Runs `huibao new`.
pub fn run(cli: &Cli, date: Option<NaiveDate>, force: bool) -> ExitCode {
    let en = cli.lang.en();
    let fail = |msg: &str, code: u8| {
        super::complain(&for_terminal(msg));
        ExitCode::from(code)
    };
    let dir = match crate::cli::resolve_data_dir(cli.data.as_deref()) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return fail(
                cli.lang.pick(
                    "没有找到数据文件夹（./data，或含 town.json 的当前文件夹）；请用 --data DIR 指定",
                    "no data folder found (./data, or a current folder holding town.json); name one with --data DIR",
                ),
                exit::BAD_INPUT,
            )
        }
        Err(e) => return fail(&e, exit::BAD_INPUT),
    };
    let (from, lines) = match newest_lines(&dir) {
        Ok(found) => found,
        Err(e) => return fail(e.text(en), exit::BAD_INPUT),
    };
    let date = date
        .or(cli.today)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    if date < from {
        let msg = if en {
            format!("{date} is before the newest snapshot {from}: a new snapshot comes after it")
        } else {
            format!("{date} 早于最新快照 {from}：新快照的日期须在其后")
        };
        return fail(&msg, exit::BAD_INPUT);
    }
    let drafted = Drafted {
        town: Default::default(),
        date: date.format("%Y-%m-%d").to_string(),
        lines: scaffold(&lines, from, date),
    };
    if dir.join(&drafted.date).exists() && !force {
        let e = crate::ingest::write::WriteError::Exists(vec![dir.join(&drafted.date)]);
        return fail(&e.message(en), exit::EXISTS);
    }
    let files = crate::ingest::write::render(&drafted, false);
    match write_all(&dir, &files, force) {
        Ok(written) => {
            let items: usize = drafted.lines.iter().map(|l| l.items().count()).sum();
            let msg = if en {
                format!(
                    "created {}: {} lines, {items} items; figures carried over from {from} and marked 待更新 in each note",
                    dir.join(&drafted.date).display(),
                    written.len()
                )
            } else {
                format!(
                    "已建立 {}：{} 个条线、{items} 个条目；数字沿用 {from}，已在备注中标注“待更新”",
                    dir.join(&drafted.date).display(),
                    written.len()
                )
            };
            super::emit(&format!("{}\n", for_terminal(&msg)));
            ExitCode::from(exit::WRITTEN)
        }
        Err(e) => fail(&e.message(en), e.code_u8()),
    }
}
