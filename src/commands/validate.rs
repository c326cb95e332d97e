//! `huibao validate [PATHS…]`: checks data files and prints every problem.
//!
//! Without paths it checks the data folder (`--data`, `HUIBAO_DATA` or `./data`). Each path may be a
//! data folder (`town.json` plus snapshot folders), one snapshot folder (`data/2023-06-30`), a single
//! line file or a `town.json`.
//!
//! Output: one problem per line on standard output, `path:line:col: 错误: field.path: message`
//! (`警告` for a warning; `path: 错误: message` for a problem with the whole file), in Chinese by
//! default and in English with `--lang en` (`error:` / `warning:`); the parser's own wording never
//! shows. Errors come first, then warnings. A summary follows on standard error: `发现 2个错误、1个警告
//! （共检查 7个文件）`, or `已检查 7个文件，没有发现问题`. Exit status: 1 when there is an error, 0
//! otherwise (warnings alone pass), 2 when there is nothing to check.
//!
//! A file saved as UTF-16 (with a byte-order mark) or GB18030/GBK loads, with a warning naming its
//! encoding; `town.json` included. Nothing printed can act on the terminal: text from the files was
//! cleaned when it was read, and each line is cleaned again for the file names in it.

use crate::cli::Cli;
use crate::model::format::parse_day;
use crate::model::load;
use crate::model::sanitize;
use crate::model::{say, Diagnostic, Lang};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every problem, errors and warnings, in the order found.
    pub problems: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
}

impl Report {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// The problems as printed: errors first, then warnings, one per line, each saying 错误 or 警告
    /// (`error` / `warning`) and worded for the people who fix the data.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let (errors, warnings): (Vec<_>, Vec<_>) = self.problems.iter().partition(|d| d.is_error());
        errors
            .into_iter()
            .chain(warnings)
            .map(|d| say::diagnostic(d, lang))
            .collect()
    }

    /// The summary line: `发现 2个错误、1个警告（共检查 7个文件）`, `已检查 7个文件，没有发现问题`;
    /// in English `2 errors, 1 warning in 7 files`, `7 files checked, no problems found`.
    pub fn summary(&self, lang: Lang) -> String {
        match (lang, self.problems.is_empty()) {
            (Lang::Zh, true) => format!("已检查 {}个文件，没有发现问题", self.files),
            (Lang::Zh, false) => format!(
                "发现 {}个错误、{}个警告（共检查 {}个文件）",
                self.errors(),
                self.warnings(),
                self.files
            ),
            (Lang::En, true) => {
                format!("{} checked, no problems found", plural(self.files, "file"))
            }
            (Lang::En, false) => format!(
                "{}, {} in {}",
                plural(self.errors(), "error"),
                plural(self.warnings(), "warning"),
                plural(self.files, "file")
            ),
        }
    }

    fn absorb(&mut self, other: Report) {
        self.problems.extend(other.problems);
        self.files += other.files;
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Checks one path: a data folder, a snapshot folder (named like `2023-06-30`), a line file or a
/// `town.json`. Paths in messages are written the way `path` is.
pub fn check_path(path: &Path) -> Report {
    if path.is_dir() {
        if dir_name(path).is_some_and(|n| parse_day(&n).is_some()) {
            check_snapshot_folder(path)
        } else {
            check_data_folder(path)
        }
    } else if path.exists() {
        check_file(path)
    } else {
        Report {
            problems: vec![Diagnostic::file_error(
                path.display().to_string(),
                "no such file or folder",
            )],
            files: 0,
        }
    }
}

/// Checks several paths, one after the other.
pub fn check_paths(paths: &[PathBuf]) -> Report {
    let mut report = Report::default();
    for p in paths {
        report.absorb(check_path(p));
    }
    report
}

/// Checks a data folder with the loader the dashboard, `render` and `summary` use.
pub fn check_data_folder(dir: &Path) -> Report {
    if crate::model::county::is_county_dir(dir) {
        return check_county(dir);
    }
    let ds = load::load_dir(dir);
    let mut problems = ds.problems;
    if ds.files == 0 && problems.is_empty() {
        problems.push(Diagnostic::file_error(
            dir.display().to_string(),
            "no data files here: expected town.json and snapshot folders named like 2023-06-30",
        ));
    }
    Report {
        problems,
        files: ds.files,
    }
}

/// Checks a county folder: `county.json` and the towns' folders (missing, unlisted, same names,
/// no snapshot, different work lines), then every town's whole data folder.
pub fn check_county(dir: &Path) -> Report {
    let county = crate::model::county::load_county(dir);
    let mut report = Report {
        problems: county.problems.clone(),
        files: 1,
    };
    for town in county.towns.iter().filter(|t| t.dir.is_dir()) {
        let ds = load::load_dir(&town.dir);
        report.problems.extend(ds.problems);
        report.files += ds.files;
    }
    report
}

/// Checks every line file of one snapshot folder (`data/2023-06-30`), loaded as within its data folder.
fn check_snapshot_folder(dir: &Path) -> Report {
    let date = dir_name(dir).and_then(|n| parse_day(&n));
    let Some(date) = date else {
        return check_data_folder(dir);
    };
    if let Err(e) = std::fs::read_dir(dir) {
        let shown = dir.display().to_string();
        return Report {
            problems: vec![Diagnostic::file_error(shown, format!("cannot read: {e}"))],
            files: 0,
        };
    }
    let ds = load::load_snapshot_folder(&parent_shown(dir), dir, date);
    let mut problems = ds.problems;
    if ds.files == 0 && !problems.iter().any(Diagnostic::is_error) {
        problems.insert(
            0,
            Diagnostic::file_error(
                dir.display().to_string(),
                "no line files here: expected files like party.json",
            ),
        );
    }
    Report {
        problems,
        files: ds.files,
    }
}

/// Checks one file: `town.json`, or a line file (with the checks against its snapshot folder when
/// it sits in one).
fn check_file(path: &Path) -> Report {
    let shown = path.display().to_string();
    let bytes = match load::read_capped(path) {
        Ok(b) => b,
        Err(msg) => {
            return Report {
                problems: vec![Diagnostic::file_error(shown, msg)],
                files: 1,
            }
        }
    };
    let fname = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let problems = if fname == "town.json" {
        match load::parse_town_checked(&bytes, &shown) {
            Ok((_, warnings)) => warnings,
            Err(d) => vec![d],
        }
    } else {
        match path.parent().and_then(dir_name) {
            // In a snapshot folder: load it the way the folder loads, so the file name and `as_of`
            // are checked against the folder too.
            Some(folder) if parse_day(&folder).is_some() => {
                let parent = path.parent().unwrap_or(Path::new(""));
                let files = vec![(format!("{folder}/{fname}"), Ok(bytes))];
                load::from_files(&parent_shown(parent), files).problems
            }
            _ => match load::parse_line_file(&bytes, &shown) {
                Ok((_, warnings)) => warnings,
                Err(d) => vec![d],
            },
        }
    };
    Report { problems, files: 1 }
}

/// The last component of a folder path (`data/2023-06-30/` → `2023-06-30`).
fn dir_name(dir: &Path) -> Option<String> {
    dir.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// The folder holding `dir`, as shown before `dir`'s name in messages (empty for a bare name).
fn parent_shown(dir: &Path) -> String {
    dir.parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Runs `huibao validate`: prints every problem, then a summary on standard error when there was
/// any; exit 1 on any error, 2 when there is no data folder to check.
pub fn run(cli: &Cli, paths: &[PathBuf]) -> ExitCode {
    let report = if paths.is_empty() {
        match crate::cli::resolve_cli_data(cli) {
            Ok(Some(dir)) => check_data_folder(&dir),
            Ok(None) => {
                super::complain(&cli.lang.pick(
                    "没有找到数据文件夹（./data，或含 town.json 的当前文件夹）；请用 --data DIR 指定，或给出要检查的文件",
                    "no data folder found (./data, or a current folder holding town.json); use --data DIR or name the files",
                ));
                return ExitCode::from(2);
            }
            Err(e) => {
                super::complain(&e);
                return ExitCode::from(2);
            }
        }
    } else {
        check_paths(paths)
    };
    // Fields and messages were cleaned when the files were read, but a path may hold anything a
    // file name can: print nothing that a terminal would take as an escape sequence.
    let mut text = String::new();
    for line in report.lines(cli.lang) {
        text.push_str(&sanitize::for_terminal(&line));
        text.push('\n');
    }
    if let Err(e) = super::output::to_stdout(&text) {
        // A report that cannot be written is a failure, whatever it held.
        super::complain(&super::output::stdout_failed(&e, cli.lang));
        return ExitCode::from(1);
    }
    {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{}", report.summary(cli.lang));
    }
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    fn diag(severity: Severity, message: &str) -> Diagnostic {
        Diagnostic {
            severity,
            path: "data/2023-06-30/party.json".into(),
            place: crate::model::diag::Place::at(3, 9),
            field: "id".into(),
            message: message.into(),
        }
    }

    #[test]
    fn errors_come_first_and_the_summary_counts() {
        let report = Report {
            problems: vec![
                diag(Severity::Warning, "w"),
                diag(Severity::Error, "e1"),
                diag(Severity::Error, "e2"),
            ],
            files: 7,
        };
        assert_eq!(
            report.lines(Lang::En),
            [
                "data/2023-06-30/party.json:3:9: error: id: e1",
                "data/2023-06-30/party.json:3:9: error: id: e2",
                "data/2023-06-30/party.json:3:9: warning: id: w",
            ]
        );
        assert_eq!(
            report.lines(Lang::Zh)[2],
            "data/2023-06-30/party.json:3:9: 警告: id: 内容不符合格式：w"
        );
        assert_eq!(report.summary(Lang::En), "2 errors, 1 warning in 7 files");
        assert_eq!(
            report.summary(Lang::Zh),
            "发现 2个错误、1个警告（共检查 7个文件）"
        );
        let one = Report {
            problems: vec![diag(Severity::Error, "e")],
            files: 1,
        };
        assert_eq!(one.summary(Lang::En), "1 error, 0 warnings in 1 file");
        let clean = Report {
            problems: vec![],
            files: 7,
        };
        assert_eq!(clean.summary(Lang::Zh), "已检查 7个文件，没有发现问题");
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let report = check_path(Path::new("no/such/place.json"));
        assert_eq!(
            report.lines(Lang::Zh),
            ["no/such/place.json: 错误: 没有这个文件或文件夹"]
        );
        assert_eq!(report.errors(), 1);
    }
}
