//! Writing a drafted data folder safely: nothing existing is overwritten without `--force`, every file
//! goes to a temporary name first and is renamed into place only when all are written, and a failure
//! leaves the folder as it was. Shared by `extract`, `import` and `new`.

use crate::model::format::Town;
use crate::model::{Item, LineFile};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod ids;
pub use ids::{close, renamed_note, reuse_ids, reuse_ids_noting, Renamed, Reused};

/// Exit codes of the commands that write data, so a script can tell what happened.
pub mod exit {
    /// Written.
    pub const WRITTEN: u8 = 0;
    /// The input could not be read or understood; nothing written.
    pub const BAD_INPUT: u8 = 2;
    /// Refused: a file or snapshot date exists (use `--force`); nothing written.
    pub const EXISTS: u8 = 3;
    /// Writing failed (disk full, no permission); nothing written.
    pub const WRITE_FAILED: u8 = 4;
}

/// A drafted data folder: `town.json` (when new) and one file per line under the snapshot date.
#[derive(Debug, Clone, PartialEq)]
pub struct Drafted {
    /// The town; written only when the folder has no `town.json` yet (or with `--force`).
    pub town: Town,
    /// The snapshot date, `YYYY-MM-DD`.
    pub date: String,
    /// The line files in meeting order.
    pub lines: Vec<LineFile>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum WriteError {
    /// These paths exist already (and `--force` was not given).
    Exists(Vec<PathBuf>),
    /// A file could not be written; everything written so far was removed.
    Io(PathBuf, std::io::Error),
}

impl WriteError {
    /// The exit code for this failure.
    pub fn code(&self) -> ExitCode {
        ExitCode::from(self.code_u8())
    }

    /// The exit code for this failure, as a number.
    pub fn code_u8(&self) -> u8 {
        match self {
            WriteError::Exists(_) => exit::EXISTS,
            WriteError::Io(..) => exit::WRITE_FAILED,
        }
    }

    /// A message for the clerk, in Chinese or English.
    pub fn message(&self, en: bool) -> String {
        match self {
            WriteError::Exists(paths) => {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                if en {
                    format!(
                        "not written: these already exist (add --force to replace them): {}",
                        list.join(", ")
                    )
                } else {
                    format!(
                        "未写入：以下文件或日期已存在（确需覆盖请加 --force）：{}",
                        list.join("，")
                    )
                }
            }
            WriteError::Io(p, e) if en => {
                format!("cannot write {}: {e}; nothing was written", p.display())
            }
            WriteError::Io(p, e) => format!("无法写入 {}：{e}；没有写入任何文件", p.display()),
        }
    }
}

/// The files of a drafted folder as (path relative to the data folder, JSON text). `town.json` is
/// included only when `with_town`.
pub fn render(d: &Drafted, with_town: bool) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if with_town {
        out.push((PathBuf::from("town.json"), to_json(&d.town)));
    }
    for line in &d.lines {
        let rel = Path::new(&d.date).join(format!("{}.json", line.id));
        out.push((rel, to_json(line)));
    }
    out
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Serialising our own types cannot fail; an empty object would be caught by validate anyway.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// Writes a drafted folder under `root`: `town.json` unless one exists (or with `force`), and the
/// draft's line files under the snapshot date. A date that exists already gets the draft's lines
/// beside the ones it has (a week's report and its 台账 make one snapshot); a line file that exists
/// is refused unless `force`, which replaces the draft's own files and leaves the date's other lines
/// as they are. Returns the paths written.
pub fn write_drafted(root: &Path, d: &Drafted, force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let town_exists = root.join("town.json").exists();
    write_all(root, &render(d, !town_exists || force), force)
}

/// What the clerk is told of the line files of `date` under `root` that `written` did not write
/// (another report's or a 台账's lines of that date, or a line an earlier draft made that this one
/// no longer does): nothing when there are none.
pub fn untouched_note(root: &Path, date: &str, written: &[PathBuf], en: bool) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root.join(date))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json") && !written.contains(p))
                .filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        return String::new();
    }
    names.sort();
    if en {
        format!(
            "{} other line files of {date} were left as they are: {} (another report's or table's; delete one by hand if it is no longer wanted)\n",
            names.len(),
            names.join(", ")
        )
    } else {
        format!(
            "{date} 另有 {} 个工作线文件未改动：{}（另一份汇报或台账的；已不需要的请手动删除）\n",
            names.len(),
            names.join("、")
        )
    }
}

/// [`write_drafted`] for `--into`: the folder's `town.json` is the office's file (its name, title,
/// order of lines and thresholds) and is never rewritten, not even with `force`.
pub fn write_into(root: &Path, d: &Drafted, force: bool) -> Result<Vec<PathBuf>, WriteError> {
    write_all(root, &render(d, false), force)
}

/// Writes every file (relative to `root`) or none. Existing files are refused unless `force`; with
/// `force` they are replaced only once every new file is fully written. Every new file is first
/// written in full under a temporary name; then what it replaces is moved aside, the new files are
/// renamed into place, and only then is what was moved aside deleted. On any failure everything is
/// put back as it was.
pub fn write_all(
    root: &Path,
    files: &[(PathBuf, String)],
    force: bool,
) -> Result<Vec<PathBuf>, WriteError> {
    let targets: Vec<PathBuf> = files.iter().map(|(rel, _)| root.join(rel)).collect();
    let existing: Vec<PathBuf> = targets.iter().filter(|p| p.exists()).cloned().collect();
    if !existing.is_empty() && !force {
        return Err(WriteError::Exists(existing));
    }
    let mut made_dirs = Vec::new();
    let mut temps: Vec<PathBuf> = Vec::new();
    for ((_, text), target) in files.iter().zip(&targets) {
        let result = make_parents(target, &mut made_dirs).and_then(|_| {
            let tmp = temp_name(target, "tmp");
            temps.push(tmp.clone());
            write_synced(&tmp, text.as_bytes())
        });
        if let Err(e) = result {
            undo(&temps, &[], &[], &made_dirs);
            return Err(WriteError::Io(target.clone(), e));
        }
    }
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut placed: Vec<PathBuf> = Vec::new();
    let swap = (|| {
        for old in &existing {
            let aside = temp_name(old, "old");
            std::fs::rename(old, &aside).map_err(|e| (old.clone(), e))?;
            moved.push((old.clone(), aside));
        }
        for (tmp, target) in temps.iter().zip(&targets) {
            std::fs::rename(tmp, target).map_err(|e| (target.clone(), e))?;
            placed.push(target.clone());
        }
        Ok::<(), (PathBuf, std::io::Error)>(())
    })();
    match swap {
        Ok(()) => {
            for (_, aside) in &moved {
                let _ = std::fs::remove_file(aside);
            }
            Ok(targets)
        }
        Err((at, e)) => {
            undo(&temps, &placed, &moved, &made_dirs);
            Err(WriteError::Io(at, e))
        }
    }
}

/// Puts a folder back as it was: temporaries and newly placed files removed, files moved aside
/// moved back, folders that were made removed.
fn undo(temps: &[PathBuf], placed: &[PathBuf], moved: &[(PathBuf, PathBuf)], dirs: &[PathBuf]) {
    for p in temps.iter().chain(placed) {
        let _ = std::fs::remove_file(p);
    }
    for (old, aside) in moved {
        let _ = std::fs::rename(aside, old);
    }
    for d in dirs.iter().rev() {
        let _ = std::fs::remove_dir(d);
    }
}

fn make_parents(target: &Path, made: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let Some(parent) = target.parent() else {
        return Ok(());
    };
    let mut missing = Vec::new();
    let mut p = parent;
    while !p.as_os_str().is_empty() && !p.exists() {
        missing.push(p.to_path_buf());
        match p.parent() {
            Some(up) => p = up,
            None => break,
        }
    }
    for dir in missing.into_iter().rev() {
        std::fs::create_dir(&dir)?;
        made.push(dir);
    }
    Ok(())
}

/// A hidden name beside the target, which the loader ignores (`.party.json.tmp-1234`).
fn temp_name(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{what}-{}", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The unit an item is counted in: its ledger's, else its first figure's, else its investment's.
pub fn item_unit(item: &Item) -> Option<&str> {
    if let Some(l) = item.ledger() {
        return Some(&l.unit);
    }
    if let Some(f) = item.figures.first() {
        return Some(&f.unit);
    }
    item.project()
        .and_then(|p| p.investment.as_ref())
        .map(|f| f.unit.as_str())
}

#[cfg(test)]
mod tests;
