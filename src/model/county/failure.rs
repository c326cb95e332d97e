//! Why a town of the county shows no figures, and how that is said.

use crate::model::county_checks::shown;
use crate::model::diag::Diagnostic;
use crate::model::lang::Lang;
use crate::model::load::Dataset;
use chrono::NaiveDate;
use std::path::Path;

/// Why a town shows no figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where the first error is, within the town's folder (`town.json:4:1`), when a file failed.
    pub place: Option<String>,
    /// That first error, its path within the town's folder.
    pub error: Option<Diagnostic>,
    /// The reason when no file failed, as the model words it (said in either language by `say`).
    pub reason: String,
}

impl Failure {
    /// A failure told by its reason alone (no file failed).
    pub(super) fn plain(reason: String) -> Failure {
        Failure {
            place: None,
            error: None,
            reason,
        }
    }

    /// What is wrong, without the place, in `lang`: `错误: field: …`, `the folder does not exist`.
    pub fn why(&self, lang: Lang) -> String {
        let Some(e) = &self.error else {
            return crate::model::say::message(&self.reason, lang);
        };
        let full = crate::model::say::diagnostic(e, lang);
        full.strip_prefix(&e.location())
            .map_or(full.as_str(), |r| r.trim_start_matches([':', ' ']))
            .to_string()
    }

    /// The whole reason in `lang`: `未能加载：town.json:4:1: 错误: …` (`not loaded: …`).
    pub fn text(&self, lang: Lang) -> String {
        match &self.place {
            Some(p) => format!(
                "{}{p}: {}",
                lang.pick("未能加载：", "not loaded: "),
                self.why(lang)
            ),
            None => self.why(lang),
        }
    }
}

/// The reason in Chinese, the default language.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Zh))
    }
}

/// Why a loaded town shows no figures: none of its files loaded (the first error, named within the
/// town's folder), or it has no snapshot (on or before `at`).
pub(super) fn failure(
    ds: &Dataset,
    dir: &Path,
    folder: &str,
    at: Option<NaiveDate>,
) -> Option<Failure> {
    if !ds.dates.is_empty() {
        return None;
    }
    if let Some(e) = ds.errors().next() {
        let mut e = e.clone();
        let prefix = format!("{}/", shown(dir, folder));
        if let Some(rel) = e.path.strip_prefix(&prefix) {
            e.path = rel.to_string();
        }
        return Some(Failure {
            place: Some(e.location()),
            error: Some(e),
            reason: String::new(),
        });
    }
    Some(Failure::plain(match at {
        Some(at) => format!("no snapshot on or before {at}"),
        None => "no snapshot (folders named like 2023-06-30 belong here)".to_string(),
    }))
}
