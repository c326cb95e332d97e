//! What the loader keeps between loads: file stamps, parsed line files and folder listings.

use super::diag::Diagnostic;
use super::line_file::LineFile;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What tells a file's (or folder's) contents changed without reading them: size, modification
/// and status-change times, device and inode. An editor's rename-over changes the inode; a write in
/// place changes the times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    dev: u64,
    ino: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(md: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                len: md.len(),
                mtime: (md.mtime(), md.mtime_nsec()),
                ctime: (md.ctime(), md.ctime_nsec()),
                dev: md.dev(),
                ino: md.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let since = |t: std::io::Result<std::time::SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or((0, 0), |d| {
                        (d.as_secs() as i64, i64::from(d.subsec_nanos()))
                    })
            };
            Stamp {
                len: md.len(),
                mtime: since(md.modified()),
                ctime: since(md.created()),
                dev: 0,
                ino: 0,
            }
        }
    }
}

/// How long after a change a file's times cannot yet tell a later change: a second save of the
/// same size within the file system's time granularity (a few milliseconds here, two seconds on a
/// FAT or SMB share) leaves size and times as they were.
pub const UNSETTLED: std::time::Duration = std::time::Duration::from_secs(2);

/// True when the file of `md` changed less than [`UNSETTLED`] ago (or its time is less than that
/// ahead of the clock): its stamp proves nothing yet, so its parse is not reused on that stamp alone.
pub fn unsettled(md: &std::fs::Metadata) -> bool {
    let Ok(changed) = md.modified() else {
        return false;
    };
    // A time ahead of the clock by more than that is a share's clock running ahead, not a save
    // just made: re-reading such a file at every reload until the clock catches up gains nothing.
    match std::time::SystemTime::now().duration_since(changed) {
        Ok(age) => age < UNSETTLED,
        Err(ahead) => ahead.duration() < UNSETTLED,
    }
}

/// A line file's parse, kept while the file keeps its stamp.
#[derive(Debug, Clone)]
pub(super) struct Cached {
    pub(super) stamp: Stamp,
    /// The file had just changed when it was read (see [`unsettled`]): read it again next time.
    pub(super) unsettled: bool,
    pub(super) file: Arc<LineFile>,
    /// What parsing found (the encoding note, located warnings).
    pub(super) warnings: Vec<Diagnostic>,
    /// The file's path as messages show it.
    pub(super) shown: String,
}

/// Parsed line files by full path.
pub(super) type Cache = HashMap<PathBuf, Cached>;

/// A snapshot folder's listing: its line files (name, full path) and the names it skipped.
pub(super) type DayListing = (Vec<(String, PathBuf)>, Vec<String>);
