//! `huibao import TABLE -o DIR` / `--into DATA`: a 台账 spreadsheet turned into a data snapshot.
//!
//! Problems print one per line as `file!sheet!cell: message` (Chinese by default, `--lang en`),
//! errors first; with any error nothing is written. Writing goes through
//! [`crate::ingest::write`]: nothing existing is replaced without `--force`, files are written to
//! temporary names and renamed, a failure leaves nothing behind. Exit codes: 0 written, 2 the table
//! has errors or cannot be read, 3 something exists already, 4 writing failed.

use crate::cli::{Cli, ImportArgs};
use crate::import::{self, Field, Imported, Options, Problem};
use crate::ingest::write::{self, exit, Drafted};
use crate::model::{Lang, LineFile};
use std::path::Path;
use std::process::ExitCode;

/// Parses `--map 列名=field` values; the message of a bad one is in Chinese, or English with `en`.
pub fn parse_map(values: &[String], en: bool) -> Result<Vec<(String, Field)>, String> {
    values
        .iter()
        .map(|v| {
            let bad = |zh: String, eng: String| if en { eng } else { zh };
            let (name, field) = v.rsplit_once(['=', '＝']).ok_or_else(|| {
                bad(
                    format!("--map {v:?}：应写成 列名=字段，例如 包保领导=leader"),
                    format!("--map {v:?}: expected 列名=field, e.g. 包保领导=leader"),
                )
            })?;
            let f = Field::parse(field).ok_or_else(|| {
                let keys = Field::keys().join(" ");
                bad(
                    format!("--map {v:?}：不认识的字段 {field:?}；可用的字段：{keys}"),
                    format!("--map {v:?}: unknown field {field:?}; fields are {keys}"),
                )
            })?;
            Ok((name.trim().to_string(), f))
        })
        .collect()
}

/// Runs `huibao import`.
pub fn run(cli: &Cli, args: &ImportArgs) -> ExitCode {
    let en = cli.lang.en();
    let map = match parse_map(&args.map, en) {
        Ok(m) => m,
        Err(e) => {
            super::complain(&e);
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let opts = Options {
        as_of: args.as_of,
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        map,
        town: args.town.clone(),
        sheets: args.sheets.clone(),
    };
    let shown = args.table.display().to_string();
    let imported = match import::import_file(&args.table, &shown, &opts) {
        Ok(i) => i,
        Err(problems) => {
            print_problems(&problems, en);
            let errors = problems.iter().filter(|p| p.is_error()).count();
            super::complain(&if en {
                format!("not imported: {errors} problem(s) to fix (above); nothing was written")
            } else {
                format!("未导入：有 {errors} 处需要改正（见上），没有写入任何文件")
            });
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    print_problems(&imported.warnings, en);
    let (root, into) = match (&args.output, &args.into) {
        (_, Some(d)) => (d.clone(), true),
        (Some(d), None) => (d.clone(), false),
        (None, None) => return ExitCode::from(exit::BAD_INPUT),
    };
    match write_out(&root, into, imported, args.force, en) {
        Ok(text) => {
            super::emit(&text);
            ExitCode::from(exit::WRITTEN)
        }
        Err((code, msg)) => {
            super::complain(&msg);
            ExitCode::from(code)
        }
    }
}

fn print_problems(problems: &[Problem], en: bool) {
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.iter().partition(|p| p.is_error());
    for p in errors.into_iter().chain(warnings) {
        let line = crate::model::sanitize::for_terminal(&p.message(en));
        if !super::emit(&format!("{line}\n")) {
            break;
        }
    }
}

/// Writes the imported snapshot under `root` (a new folder, or `into` an existing one) and says
/// what was written; `Err` carries the exit code and the message.
pub fn write_out(
    root: &Path,
    into: bool,
    mut imp: Imported,
    force: bool,
    en: bool,
) -> Result<String, (u8, String)> {
    let has_town = root.join("town.json").exists();
    let mut reused = write::Reused::default();
    let mut newest = None;
    if into {
        if !has_town {
            let msg = if en {
                format!(
                    "{} is not a data folder (no town.json); use -o to start one",
                    root.display()
                )
            } else {
                format!(
                    "{} 不是数据文件夹（没有 town.json）；新建请用 -o",
                    root.display()
                )
            };
            return Err((exit::BAD_INPUT, msg));
        }
        let data = crate::model::load::load_dir(root);
        newest = data.dates.last().copied();
        let existing: Vec<LineFile> = data
            .lines
            .iter()
            .map(|l| LineFile::clone(&l.latest().file))
            .collect();
        reused = write::reuse_ids_noting(&existing, &mut imp.lines);
    } else if has_town && !force {
        let msg = if en {
            format!(
                "{} is already a data folder; add the snapshot with --into {0}",
                root.display()
            )
        } else {
            format!(
                "{} 已是数据文件夹；要加入新的一期请用 --into {0}",
                root.display()
            )
        };
        return Err((exit::EXISTS, msg));
    }
    if (!has_town || force && !into) && imp.town.name.is_empty() {
        return Err((exit::BAD_INPUT, import::Kind::NoTown.text(en)));
    }
    let date = imp.as_of.format("%Y-%m-%d").to_string();
    let drafted = Drafted {
        town: imp.town.clone(),
        date: date.clone(),
        lines: imp.lines.clone(),
    };
    let write = if into {
        write::write_into
    } else {
        write::write_drafted
    };
    let written = write(root, &drafted, force).map_err(|e| (exit_code(&e), e.message(en)))?;
    let mut text = summary(&imp, root, &date, written.len(), reused.count, en);
    text += &write::renamed_note(&reused.renamed, &root.join(&date), en);
    text += &write::untouched_note(root, &date, &written, en);
    if let Some(newest) = newest.filter(|n| *n > imp.as_of) {
        // Filling in a past week is allowed; but a wrong --as-of (or a table's stale 截至 date)
        // would put this week's figures behind last week's: say so.
        let newest = newest.format("%Y-%m-%d");
        text += &if en {
            format!("note: {date} is older than the folder's newest snapshot ({newest}); the dashboard opens on {newest}\n")
        } else {
            format!("注意：{date} 早于文件夹里最新的一期（{newest}），看板仍先显示 {newest}\n")
        };
    }
    // What `huibao validate` would say about the new snapshot (units it does not know, more done
    // than planned): the clerk sees it now, not at the meeting.
    for line in
        super::validate::check_path(&root.join(&date)).lines(if en { Lang::En } else { Lang::Zh })
    {
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

fn exit_code(e: &write::WriteError) -> u8 {
    match e {
        write::WriteError::Exists(_) => exit::EXISTS,
        write::WriteError::Io(..) => exit::WRITE_FAILED,
    }
}

/// `已导入 21 项（督查督办 7 项，…），写入 out/2024-06-30（2 个文件）`.
fn summary(
    imp: &Imported,
    root: &Path,
    date: &str,
    files: usize,
    reused: usize,
    en: bool,
) -> String {
    let per: Vec<String> = imp
        .counts
        .iter()
        .map(|(s, n)| {
            if en {
                format!("{s} {n} items")
            } else {
                format!("{s} {n} 项")
            }
        })
        .collect();
    let folder = root.join(date);
    let mut s = if en {
        format!(
            "imported {} items ({}) into {} ({files} files)",
            imp.items(),
            per.join(", "),
            folder.display()
        )
    } else {
        format!(
            "已导入 {} 项（{}），写入 {}（{files} 个文件）",
            imp.items(),
            per.join("，"),
            folder.display()
        )
    };
    if let Some(w) = &imp.as_of_words {
        s += &if en {
            format!("; as of {date} ({w})")
        } else {
            format!("；日期 {date} 取自表头“{w}”")
        };
    }
    if reused > 0 {
        s += &if en {
            format!("; {reused} items keep their ids")
        } else {
            format!("；{reused} 项沿用原编号")
        };
    }
    s.push('\n');
    s
}
