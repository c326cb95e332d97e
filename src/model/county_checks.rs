//! The county's checks once every town has loaded: towns listed but missing or without a snapshot,
//! two towns of one name, towns whose work lines differ, and folders `county.json` does not list.

use super::board::Board;
use super::diag::{Diagnostic, JsonText, Locator, Place, Severity};
use super::load::{is_ignored_name, Dataset};
use super::sanitize;
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::Path;

/// What the checks look at of one town's row.
#[derive(Debug, Clone, Copy)]
pub struct TownView<'a> {
    /// The town's folder name, as `county.json` lists it.
    pub folder: &'a str,
    /// The town's name.
    pub name: &'a str,
    /// Its data, when its folder exists.
    pub data: Option<&'a Dataset>,
    /// Its row's board.
    pub board: &'a Board,
    /// The row is still loading.
    pub loading: bool,
}

/// What the checks look at of the county.
#[derive(Debug, Clone, Copy)]
pub struct CountyView<'a> {
    /// The county folder.
    pub dir: &'a Path,
    /// The date the county is shown as of (`--at`), if any.
    pub at: Option<NaiveDate>,
    /// Its towns' rows, in order.
    pub towns: &'a [TownView<'a>],
}

/// `dir/name` as messages show it.
pub(super) fn shown(dir: &Path, name: &str) -> String {
    sanitize::clean(&format!(
        "{}/{name}",
        dir.display().to_string().trim_end_matches('/')
    ))
}

/// The county's problems: those of `county.json` itself (`base`), then each town's, then the county's.
pub fn check(county: CountyView, base: &[Diagnostic], text: &str, path: &str) -> Vec<Diagnostic> {
    let mut problems = base.to_vec();
    let place = |field: &str| JsonText(text).places(&[field]).remove(0);
    let mut at = |sev: Severity, field: String, message: String| {
        problems.push(Diagnostic {
            severity: sev,
            path: path.to_string(),
            place: place(&field),
            field,
            message,
        })
    };
    for (i, t) in county.towns.iter().enumerate() {
        let shown = shown(county.dir, t.folder);
        match t.data {
            _ if t.loading => {}
            None => at(
                Severity::Error,
                format!("towns[{i}]"),
                format!("列出的镇“{}”没有对应的文件夹 {shown}", t.folder),
            ),
            // Nothing before `--at` is not a fault of the data.
            Some(ds)
                if county.at.is_none() && ds.dates.is_empty() && ds.errors().next().is_none() =>
            {
                at(
                    Severity::Error,
                    format!("towns[{i}]"),
                    format!(
                        "镇“{}”没有任何快照：{shown} 下应有形如 2023-06-30 的文件夹",
                        t.folder
                    ),
                )
            }
            Some(_) => {}
        }
    }
    check_names(county.towns, &mut at);
    check_lines(county.towns, &mut at);
    let listed: Vec<String> = county.towns.iter().map(|t| t.folder.to_string()).collect();
    problems.extend(unlisted(county.dir, &listed, path));
    problems
}

type Report<'a> = dyn FnMut(Severity, String, String) + 'a;

/// Two towns (or one town listed twice) under the same name.
fn check_names(towns: &[TownView], at: &mut Report) {
    for (i, t) in towns.iter().enumerate() {
        if let Some(j) = towns[..i]
            .iter()
            .position(|o| o.name == t.name || o.folder == t.folder)
        {
            at(
                Severity::Error,
                format!("towns[{i}]"),
                format!(
                    "镇名重复：第{}个镇“{}”（{}）与第{}个镇“{}”（{}）同名，排名和搜索无法区分",
                    i + 1,
                    t.name,
                    t.folder,
                    j + 1,
                    towns[j].name,
                    towns[j].folder
                ),
            );
        }
    }
}

/// Towns whose work lines differ from the first loaded town's: the ranking compares unlike things.
fn check_lines(towns: &[TownView], at: &mut Report) {
    let ids =
        |t: &TownView| -> BTreeSet<String> { t.board.lines.iter().map(|l| l.id.clone()).collect() };
    let loaded: Vec<(usize, &TownView)> = towns
        .iter()
        .enumerate()
        // A town none of whose lines loaded is not compared (its broken lines keep their places).
        .filter(|(_, t)| t.board.lines.iter().any(|l| l.broken.is_none()))
        .collect();
    let Some(&(_, first)) = loaded.first() else {
        return;
    };
    let base = ids(first);
    for &(i, t) in &loaded[1..] {
        let mine = ids(t);
        if mine == base {
            continue;
        }
        let join = |s: Vec<&String>| {
            s.into_iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("、")
        };
        let missing = join(base.difference(&mine).collect());
        let extra = join(mine.difference(&base).collect());
        let mut msg = format!("镇“{}”的工作线与“{}”不同", t.name, first.name);
        if !missing.is_empty() {
            msg.push_str(&format!("：缺少 {missing}"));
        }
        if !extra.is_empty() {
            msg.push_str(&format!("；多出 {extra}"));
        }
        msg.push_str("（各镇按工作线比较时以实际数据为准）");
        at(Severity::Warning, format!("towns[{i}]"), msg);
    }
}

/// Folders beside `county.json` that it does not list (not shown).
fn unlisted(dir: &Path, listed: &[String], path: &str) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !is_ignored_name(n) && !listed.contains(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| Diagnostic {
            severity: Severity::Warning,
            place: Place::File,
            field: "towns".into(),
            ..Diagnostic::file_error(
                path,
                format!(
                    "文件夹“{}”未列入 towns，未显示；如是一个镇，请把“{}”加入 towns",
                    sanitize::clean(&n),
                    sanitize::clean(&n)
                ),
            )
        })
        .collect()
}
