//! One file of a load: listing a snapshot folder, reading and parsing one line file (or taking its
//! parse from the cache), and what came of it.

use super::diag::Diagnostic;
use super::encoding::parse_line_bytes;
use super::failed::name_in;
use super::line_file::LineFile;
use super::read::read_capped;
use super::sanitize;
use super::stamp::{Cache, DayListing, Stamp};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// True for files that editors and office tools leave beside the real ones.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.starts_with(".~lock")
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
        || name.contains("schema")
}

/// True when the entry is a folder, following a symbolic link like [`Path::is_dir`] does.
pub(super) fn is_dir(entry: &std::fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(t) if !t.is_symlink() => t.is_dir(),
        _ => entry.path().is_dir(),
    }
}

/// Why a folder in the data folder is not a snapshot folder.
pub(super) fn ignored_folder(name: &str) -> String {
    use super::format::{day_fault, DayFault, DAY_RANGE};
    match day_fault(name) {
        Some(DayFault::OutOfRange) => format!(
            "folder ignored: snapshot dates run from {} to {}",
            DAY_RANGE.0, DAY_RANGE.1
        ),
        Some(DayFault::NoSuchDay) => "folder ignored: there is no such day".into(),
        _ => "folder ignored: snapshot folders are named like 2023-06-30".into(),
    }
}

/// The line files of the snapshot folder `name` (its relative path and its full path), in name
/// order, and the files skipped; or why the folder cannot be read.
pub(super) fn list_day(name: &str, dir: &Path) -> Result<DayListing, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read the snapshot folder: {e}"))?;
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_cached_key(|e| e.file_name());
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for f in entries {
        let fname = f.file_name().to_string_lossy().into_owned();
        if is_ignored_name(&fname) || is_dir(&f) {
            continue;
        }
        if fname.ends_with(".json") {
            files.push((format!("{name}/{fname}"), f.path()));
        } else {
            // A clerk's `safety.json.txt` or `safety.JSON` must not make a line vanish silently.
            skipped.push(format!("{name}/{fname}"));
        }
    }
    Ok((files, skipped))
}

/// A file's contents, or where to read them.
#[derive(Debug, Clone)]
pub(super) enum Content {
    /// Already read (or why it could not be).
    Read(Result<Vec<u8>, String>),
    /// To be read with [`read_capped`] by whoever parses it.
    Unread(PathBuf),
}

impl Content {
    pub(super) fn bytes(self) -> Result<Vec<u8>, String> {
        match self {
            Content::Read(r) => r,
            Content::Unread(path) => read_capped(&path),
        }
    }
}

/// A file's path as messages show it: after `prefix`, and cleaned once here like any other text
/// from outside (file names come from the file system).
pub(super) fn shown(prefix: &str, rel: &str) -> String {
    let p = if prefix.is_empty() {
        rel.to_string()
    } else {
        format!("{}/{rel}", prefix.trim_end_matches('/'))
    };
    sanitize::clean(&p)
}

/// Where a file sits in the loading order: the place of its entry, then its place in its snapshot
/// folder (0 for a file given on its own).
pub(super) type Place = (usize, usize);

/// A line file to load.
#[derive(Debug)]
pub(super) struct LineJob {
    /// Where it sits in the loading order.
    pub(super) place: Place,
    /// The snapshot date (its folder).
    pub(super) date: NaiveDate,
    /// Its file name without `.json`.
    pub(super) stem: String,
    /// Its path for messages.
    pub(super) path: String,
}

/// Why a line file did not load.
#[derive(Debug)]
pub(super) enum Unloaded {
    /// It could not be read.
    Unreadable(String),
    /// It was read but is not a valid line file; the line's name when it could still be read.
    Invalid(Box<Diagnostic>, Option<String>),
}

/// A line file that loaded.
#[derive(Debug)]
pub(super) struct Loaded {
    /// Its parse.
    pub(super) file: Arc<LineFile>,
    /// What parsing it found (the encoding note, located warnings).
    pub(super) warnings: Vec<Diagnostic>,
    /// Its full path and [`Stamp`], for the cache: `None` for contents given already read.
    pub(super) stamp: Option<(PathBuf, Stamp)>,
    /// It had just changed when it was read: its stamp cannot vouch for it next time (see
    /// [`crate::model::stamp::unsettled`]).
    pub(super) unsettled: bool,
}

/// A line file loaded, or why not.
pub(super) type Parsed = (LineJob, Result<Loaded, Unloaded>);

impl LineJob {
    /// Reads the file when it is unread (or takes its parse from `cache` when its stamp is
    /// unchanged), and parses it.
    pub(super) fn load(self, content: Content, cache: &Cache) -> Parsed {
        let result = match content {
            Content::Unread(full) => load_file(full, &self.path, cache),
            Content::Read(read) => read.map_err(Unloaded::Unreadable).and_then(|bytes| {
                parse_named(bytes, &self.path).map(|(file, warnings)| Loaded {
                    file: Arc::new(file),
                    warnings,
                    stamp: None,
                    unsettled: false,
                })
            }),
        };
        (self, result)
    }
}

impl LineJob {
    /// Loads the line file at `full`, keeping `kept` (what the last load found there) when the
    /// file still has its stamp.
    pub(super) fn load_kept(self, full: &Path, kept: Option<&Loaded>, cache: &Cache) -> Parsed {
        let Some(kept) = kept else {
            return self.load(Content::Unread(full.to_path_buf()), cache);
        };
        let stamp = std::fs::metadata(full).ok().map(|m| Stamp::of(&m));
        match (stamp, &kept.stamp) {
            (Some(now), Some((_, then))) if now == *then && !kept.unsettled => {
                let loaded = Loaded {
                    file: Arc::clone(&kept.file),
                    warnings: kept.warnings.clone(),
                    stamp: Some((full.to_path_buf(), now)),
                    unsettled: false,
                };
                (self, Ok(loaded))
            }
            _ => self.load(Content::Unread(full.to_path_buf()), cache),
        }
    }
}

/// Parses a line file's bytes; when they are not a valid line file, the line's name is kept
/// too when it can still be read (from the top of the file), to name the card that fails.
fn parse_named(bytes: Vec<u8>, path: &str) -> Result<(LineFile, Vec<Diagnostic>), Unloaded> {
    let head = bytes[..bytes.len().min(4096)].to_vec();
    parse_line_bytes(bytes, path).map_err(|d| Unloaded::Invalid(Box::new(d), name_in(&head)))
}

/// Loads the line file at `full`: its parse from `cache` when its size, times and inode are those
/// it had, otherwise read (stamped before reading, so a save during the read is seen next time).
fn load_file(full: PathBuf, path: &str, cache: &Cache) -> Result<Loaded, Unloaded> {
    let md = std::fs::metadata(&full).ok();
    let stamp = md.as_ref().map(Stamp::of);
    let unsettled = md.as_ref().is_some_and(crate::model::stamp::unsettled);
    if let (Some(now), Some(hit)) = (stamp, cache.get(&full)) {
        if hit.stamp == now && !hit.unsettled {
            return Ok(Loaded {
                file: Arc::clone(&hit.file),
                warnings: hit.warnings.clone(),
                stamp: Some((full, now)),
                unsettled: false,
            });
        }
    }
    let bytes = read_capped(&full).map_err(Unloaded::Unreadable)?;
    let (file, warnings) = parse_named(bytes, path)?;
    Ok(Loaded {
        file: Arc::new(file),
        warnings,
        stamp: stamp.map(|st| (full, st)),
        unsettled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamp::{unsettled, Cached, UNSETTLED};

    /// The history fixture's party line of 2024-03-08, copied into a temp folder.
    fn a_line_file(dir: &Path) -> PathBuf {
        let to = dir.join("party.json");
        std::fs::copy("tests/fixtures/history/2024-03-08/party.json", &to).expect("copy");
        to
    }

    /// The cache holding `other`'s parse under `full`'s current stamp, as if `full` had been read
    /// when it held what `other` holds.
    fn cache_with(full: &Path, other: &Loaded, unsettled: bool) -> Cache {
        let stamp = Stamp::of(&std::fs::metadata(full).expect("stat"));
        let cached = Cached {
            stamp,
            unsettled,
            file: Arc::clone(&other.file),
            warnings: Vec::new(),
            shown: "party.json".into(),
        };
        Cache::from([(full.to_path_buf(), cached)])
    }

    #[test]
    fn a_file_read_just_after_a_change_is_read_again_even_with_the_same_stamp() {
        let tmp = tempfile::tempdir().expect("a temp dir");
        let full = a_line_file(tmp.path());
        let first = load_file(full.clone(), "party.json", &Cache::new()).expect("loads");
        assert!(
            first.unsettled,
            "just copied: its stamp cannot vouch for it yet"
        );
        // A second save of the same size in the same tick (a FAT or SMB share keeps two seconds)
        // leaves the stamp as it was: stand for it with another parse under today's stamp.
        let other = {
            let o = tmp.path().join("other.json");
            std::fs::copy("tests/fixtures/history/2024-03-01/party.json", &o).expect("copy");
            load_file(o, "other.json", &Cache::new()).expect("loads")
        };
        assert_ne!(other.file, first.file, "two different weeks");
        let again = load_file(full.clone(), "party.json", &cache_with(&full, &other, true));
        assert_eq!(
            again.expect("loads").file,
            first.file,
            "read again, not the cache"
        );
        // Once settled, the same stamp does vouch: the cache is used (no read).
        let hit = load_file(
            full.clone(),
            "party.json",
            &cache_with(&full, &other, false),
        );
        assert_eq!(hit.expect("loads").file, other.file, "the cached parse");
    }

    #[test]
    fn a_file_changed_long_ago_is_settled() {
        let tmp = tempfile::tempdir().expect("a temp dir");
        let full = a_line_file(tmp.path());
        let file = std::fs::File::options()
            .write(true)
            .open(&full)
            .expect("open");
        let long_ago = std::time::SystemTime::now() - UNSETTLED * 30;
        file.set_modified(long_ago).expect("set the time");
        assert!(!unsettled(&file.metadata().expect("stat")));
        // A share whose clock runs an hour ahead: settled, not re-read at every reload.
        file.set_modified(std::time::SystemTime::now() + UNSETTLED * 1800)
            .expect("set the time");
        assert!(!unsettled(&file.metadata().expect("stat")));
        file.set_modified(long_ago).expect("set the time");
        let loaded = load_file(full, "party.json", &Cache::new()).expect("loads");
        assert!(!loaded.unsettled);
    }
}
