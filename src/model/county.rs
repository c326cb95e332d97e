//! The county: `county.json` (the county's name, its towns in order, optional shared light thresholds)
//! beside one town data folder per town, each loaded by the town's own loader.
//!
//! Every town loads only its newest snapshot and the one before it (enough for the overview row and the
//! changes); its whole history loads when it is opened. A town that fails keeps its row with the reason.

use super::board::Board;
use super::diag::{Diagnostic, JsonText, Locator, Place, Severity};
use super::encoding::{decode, parse_json};
use super::format::Thresholds;
use super::load::{self, is_ignored_name, Dataset};
use super::sanitize;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// The file that makes a folder a county folder.
pub const COUNTY_FILE: &str = "county.json";

/// How many of a town's newest snapshots the county overview loads (the newest and the one before).
pub const RECENT: usize = 2;

/// `county.json` as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountyFile {
    /// Optional editor hint pointing at a schema; ignored.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The county's name (某某县).
    pub name: String,
    /// The town folder names, in the order the county reviews them.
    pub towns: Vec<String>,
    /// Light thresholds every town is judged by, so the ranking compares like with like.
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
}

/// One town of the county.
#[derive(Debug, Clone, PartialEq)]
pub struct TownEntry {
    /// The folder name, as `county.json` lists it.
    pub folder: String,
    /// The town's name (from its `town.json`, else the folder name).
    pub name: String,
    /// The town's data folder.
    pub dir: PathBuf,
    /// Its town file, snapshot dates and problems, when the folder exists. The snapshots themselves
    /// (`lines`) are empty: the board holds what the county shows, and opening the town loads its
    /// whole history.
    pub data: Option<Dataset>,
    /// The board at its newest snapshot (empty when nothing loaded).
    pub board: Board,
    /// Why the town shows no figures (missing folder, no snapshot, nothing loaded).
    pub failure: Option<String>,
}

impl TownEntry {
    /// How many of its files failed to load.
    pub fn errors(&self) -> usize {
        self.data.as_ref().map_or(0, |d| d.errors().count())
    }
}

/// A loaded county folder.
#[derive(Debug, Clone, PartialEq)]
pub struct County {
    /// The county folder.
    pub dir: PathBuf,
    /// The county's name.
    pub name: String,
    /// The towns in `county.json`'s order.
    pub towns: Vec<TownEntry>,
    /// Shared thresholds, when `county.json` sets them.
    pub thresholds: Option<Thresholds>,
    /// Problems of the county as a whole (the county file, the towns' folders and line sets).
    pub problems: Vec<Diagnostic>,
}

impl County {
    /// Every town's problems, then the county's.
    pub fn all_problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().chain(
            self.towns
                .iter()
                .filter_map(|t| t.data.as_ref())
                .flat_map(|d| d.problems.iter()),
        )
    }

    /// The newest snapshot date of any town.
    pub fn latest_date(&self) -> Option<chrono::NaiveDate> {
        self.towns.iter().filter_map(|t| t.board.date).max()
    }

    /// How many files were read.
    pub fn files(&self) -> usize {
        1 + self
            .towns
            .iter()
            .filter_map(|t| t.data.as_ref())
            .map(|d| d.files)
            .sum::<usize>()
    }
}

/// True when `dir` holds a `county.json`.
pub fn is_county_dir(dir: &Path) -> bool {
    dir.join(COUNTY_FILE).is_file()
}

fn shown(dir: &Path, name: &str) -> String {
    sanitize::clean(&format!(
        "{}/{name}",
        dir.display().to_string().trim_end_matches('/')
    ))
}

/// Reads `county.json`; a problem names the file and the place.
pub fn read_county_file(dir: &Path) -> Result<(CountyFile, String), Diagnostic> {
    let path = shown(dir, COUNTY_FILE);
    let bytes = load::read_capped(&dir.join(COUNTY_FILE))
        .map_err(|m| Diagnostic::file_error(&path, format!("无法读取县文件：{m}")))?;
    let (text, _) = decode(&bytes, &path)?;
    let mut file: CountyFile = parse_json(&text, &path)?;
    file.name = sanitize::clean(&file.name);
    for t in &mut file.towns {
        *t = sanitize::clean(t);
    }
    Ok((file, text))
}

/// Loads a county folder: every town's newest snapshots, in parallel, and the county's checks.
pub fn load_county(dir: &Path) -> County {
    let path = shown(dir, COUNTY_FILE);
    let (file, text) = match read_county_file(dir) {
        Ok(x) => x,
        Err(d) => {
            return County {
                dir: dir.to_path_buf(),
                name: String::new(),
                towns: Vec::new(),
                thresholds: None,
                problems: vec![d],
            }
        }
    };
    let mut problems = Vec::new();
    let place = |field: String| JsonText(&text).places(&[&field]).remove(0);
    let mut at = |sev: Severity, field: String, message: String| {
        problems.push(Diagnostic {
            severity: sev,
            path: path.clone(),
            place: place(field.clone()),
            field,
            message,
        })
    };
    if file.towns.is_empty() {
        at(
            Severity::Error,
            "towns".into(),
            "towns 为空：请按顺序列出各镇的文件夹名".into(),
        );
    }
    let th = file.thresholds;
    let loaded = load_towns(dir, &file.towns, th);
    let mut towns = Vec::new();
    for (i, (folder, loaded)) in file.towns.iter().zip(loaded).enumerate() {
        let (data, board) = match loaded {
            Some((d, b)) => (Some(d), b),
            None => (None, Board::default()),
        };
        let town_dir = dir.join(folder);
        let failure = match &data {
            None => {
                at(
                    Severity::Error,
                    format!("towns[{i}]"),
                    format!("列出的镇“{folder}”没有对应的文件夹 {}", shown(dir, folder)),
                );
                Some("文件夹不存在".to_string())
            }
            Some(ds) if ds.dates.is_empty() => match ds.errors().next() {
                Some(e) => {
                    // The reason names the file within the town's folder and the place in it.
                    let mut e = e.clone();
                    let prefix = format!("{}/", shown(dir, folder));
                    if let Some(rel) = e.path.strip_prefix(&prefix) {
                        e.path = rel.to_string();
                    }
                    Some(format!(
                        "未能加载：{}",
                        super::say::diagnostic(&e, super::Lang::Zh)
                    ))
                }
                None => {
                    at(
                        Severity::Error,
                        format!("towns[{i}]"),
                        format!(
                            "镇“{folder}”没有任何快照：{} 下应有形如 2023-06-30 的文件夹",
                            shown(dir, folder)
                        ),
                    );
                    Some("没有快照（应有形如 2023-06-30 的文件夹）".to_string())
                }
            },
            Some(_) => None,
        };
        let name = data
            .as_ref()
            .map(|d| d.town.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| folder.clone().into());
        towns.push(TownEntry {
            folder: folder.clone(),
            name: name.into(),
            dir: town_dir,
            data,
            board,
            failure,
        });
    }
    check_names(&towns, &mut at);
    check_lines(&towns, &mut at);
    problems.extend(unlisted(dir, &file.towns, &path));
    County {
        dir: dir.to_path_buf(),
        name: file.name,
        towns,
        thresholds: th,
        problems,
    }
}

/// Loads every listed town's newest snapshots, a few towns at a time (as many as there are cores;
/// each town's loader is parallel too); None for a listed folder that does not exist.
///
/// Each town's board is built as soon as it loads, and its snapshots are then let go (the dataset
/// keeps the town file, the dates and the problems): the overview reads boards only, and an opened
/// town shows its board until its whole history arrives.
fn load_towns(dir: &Path, folders: &[String], th: Option<Thresholds>) -> Vec<Option<Loaded>> {
    let slots: Vec<Mutex<Option<Loaded>>> = folders.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(folders.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(folder) = folders.get(i) else { break };
                let d = dir.join(folder);
                if d.is_dir() {
                    let mut ds = load_town(&d, th, RECENT);
                    let board = Board::build(&ds, ds.latest_date());
                    ds.lines = Vec::new();
                    *slots[i].lock().unwrap_or_else(PoisonError::into_inner) = Some((ds, board));
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect()
}

/// A town as the county holds it: its dataset without snapshots, and its board.
type Loaded = (Dataset, Board);

/// Loads one town's folder: its `keep` newest snapshots (0: the whole history), judged by the county's
/// thresholds when it sets them.
pub fn load_town(dir: &Path, th: Option<Thresholds>, keep: usize) -> Dataset {
    let mut ds = if keep == 0 {
        load::load_dir(dir)
    } else {
        load::load_dir_recent(dir, keep)
    };
    if let Some(th) = th {
        ds.town.thresholds = th;
    }
    if ds.town.name.is_empty() {
        // A town whose town.json did not load is still named, by its folder.
        ds.town.name =
            sanitize::clean(&dir.file_name().unwrap_or_default().to_string_lossy()).into();
    }
    ds
}

type Report<'a> = dyn FnMut(Severity, String, String) + 'a;

/// Two towns (or one town listed twice) under the same name.
fn check_names(towns: &[TownEntry], at: &mut Report) {
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
fn check_lines(towns: &[TownEntry], at: &mut Report) {
    let ids = |t: &TownEntry| -> BTreeSet<String> {
        t.board.lines.iter().map(|l| l.id.clone()).collect()
    };
    let loaded: Vec<(usize, &TownEntry)> = towns
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
