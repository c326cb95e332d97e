//! The county: `county.json` (the county's name, its towns in order, optional shared light thresholds)
//! beside one town data folder per town, each loaded by the town's own loader.
//!
//! The county opens with every town's row still loading ([`open_county`]); each row then loads its
//! town's newest snapshot and the one before it (enough for the overview row and the changes,
//! [`load_row`]) and the county's checks run once the last row is in. A town's whole history loads
//! when it is opened. A town that fails keeps its row with the reason.

mod failure;
mod rows;

use super::board::Board;
use super::county_checks::{check, shown, CountyView, TownView};
use super::diag::{Diagnostic, JsonText, Locator, Severity};
use super::encoding::{decode, parse_json};
use super::format::{Thresholds, Town};
use super::load::{self, Dataset};
use super::sanitize;
use chrono::NaiveDate;
pub use failure::Failure;
pub use rows::{load_row, load_town};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file that makes a folder a county folder.
pub const COUNTY_FILE: &str = "county.json";

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
#[derive(Debug, Clone, Default, PartialEq)]
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
    pub failure: Option<Failure>,
    /// The row is still loading (the county's first frame shows it before its town has loaded).
    pub loading: bool,
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
    /// Problems of the county as a whole (the county file, the towns' folders and line sets); the
    /// towns' checks are in once every row has loaded.
    pub problems: Vec<Diagnostic>,
    /// The date the county is shown as of (`--at`): each town's newest snapshot on or before it.
    pub at: Option<NaiveDate>,
    /// `county.json` as read, for the checks that run once every row is in.
    file: Checked,
}

/// `county.json`'s text and its own problems.
#[derive(Debug, Clone, Default, PartialEq)]
struct Checked {
    text: String,
    base: Vec<Diagnostic>,
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

    /// How many rows are still loading.
    pub fn loading(&self) -> usize {
        self.towns.iter().filter(|t| t.loading).count()
    }

    /// Puts in row `i` as [`load_row`] loaded it; once no row is loading, runs the county's checks.
    pub fn set_row(&mut self, i: usize, row: TownEntry) {
        if let Some(t) = self.towns.get_mut(i) {
            *t = row;
        }
        self.finish_if_loaded();
    }

    fn finish_if_loaded(&mut self) {
        if self.loading() == 0 {
            let path = shown(&self.dir, COUNTY_FILE);
            let towns: Vec<TownView> = self
                .towns
                .iter()
                .map(|t| TownView {
                    folder: &t.folder,
                    name: &t.name,
                    data: t.data.as_ref(),
                    board: &t.board,
                    loading: t.loading,
                })
                .collect();
            let view = CountyView {
                dir: &self.dir,
                at: self.at,
                towns: &towns,
            };
            self.problems = check(view, &self.file.base, &self.file.text, &path);
        }
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

/// Reads `county.json`; a problem names the file and the place.
pub fn read_county_file(dir: &Path) -> Result<(CountyFile, String), Diagnostic> {
    let path = shown(dir, COUNTY_FILE);
    let bytes = load::read_capped(&dir.join(COUNTY_FILE))
        .map_err(|m| Diagnostic::file_error(&path, format!("cannot read the county file: {m}")))?;
    let (text, _) = decode(&bytes, &path)?;
    let mut file: CountyFile = parse_json(&text, &path)?;
    file.name = sanitize::clean(&file.name);
    for t in &mut file.towns {
        *t = sanitize::clean(t);
    }
    Ok((file, text))
}

/// Opens a county folder for its first frame: `county.json` read, every listed town a row still
/// loading (named from its `town.json` when that reads, else by its folder). [`load_row`] then loads
/// each row and [`County::set_row`] puts it in; the county's checks run once the last row is in.
pub fn open_county(dir: &Path, at: Option<NaiveDate>) -> County {
    let path = shown(dir, COUNTY_FILE);
    let (file, text) = match read_county_file(dir) {
        Ok(x) => x,
        Err(d) => {
            return County {
                dir: dir.to_path_buf(),
                name: String::new(),
                towns: Vec::new(),
                thresholds: None,
                problems: vec![d.clone()],
                at,
                file: Checked {
                    text: String::new(),
                    base: vec![d],
                },
            }
        }
    };
    let mut base = Vec::new();
    if file.towns.is_empty() {
        base.push(Diagnostic {
            severity: Severity::Error,
            path: path.clone(),
            place: JsonText(&text).places(&["towns"]).remove(0),
            field: "towns".into(),
            message: "towns is empty: list the towns' folder names in order".into(),
        });
    }
    let towns = file
        .towns
        .iter()
        .map(|folder| {
            let dir = dir.join(folder);
            TownEntry {
                folder: folder.clone(),
                name: town_name(&dir).unwrap_or_else(|| folder.clone()),
                dir,
                data: None,
                board: Board::default(),
                failure: None,
                loading: true,
            }
        })
        .collect();
    let mut county = County {
        dir: dir.to_path_buf(),
        name: file.name,
        towns,
        thresholds: file.thresholds,
        problems: base.clone(),
        at,
        file: Checked { text, base },
    };
    county.finish_if_loaded();
    county
}

/// The name a town's `town.json` gives, read on its own (a row's name before the town loads).
fn town_name(dir: &Path) -> Option<String> {
    let bytes = load::read_capped(&dir.join("town.json")).ok()?;
    let town: Town = serde_json::from_slice(&bytes).ok()?;
    Some(town.name.to_string()).filter(|n| !n.is_empty())
}

/// Loads a county folder whole: every town's row, one town after the other, and the county's checks.
pub fn load_county(dir: &Path) -> County {
    load_county_at(dir, None)
}

/// [`load_county`] as of `at` (each town's newest snapshot on or before it; None: the newest).
pub fn load_county_at(dir: &Path, at: Option<NaiveDate>) -> County {
    let mut county = open_county(dir, at);
    for i in 0..county.towns.len() {
        let row = load_row(&county, i);
        county.set_row(i, row);
    }
    county
}
