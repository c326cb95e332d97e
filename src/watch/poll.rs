//! Polling the data folder for network shares that send no events: a cheap fingerprint of the
//! data files, compared every so often, and the contents of files that changed too recently for
//! their size and time to vouch for them.

use super::{relevant_path, Changed, Signal};
use crate::model::load::is_ignored_name;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// What polling compares: how many data files and snapshot folders there are, and a hash of
/// their names, sizes and modification times. Taking one costs a listing of each folder and one
/// `stat` per data file: no file is opened or read (the poller reads, besides, the few files that
/// changed in the last two seconds: see [`contents_changed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    /// Data files and snapshot folders seen.
    entries: usize,
    /// The sum of one hash per entry (so the order of the listing does not matter).
    hash: u64,
}

impl Fingerprint {
    fn add(&mut self, folder: &OsStr, name: &OsStr, md: Option<&std::fs::Metadata>) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        folder.hash(&mut h);
        name.hash(&mut h);
        if let Some(md) = md {
            md.len().hash(&mut h);
            md.modified().ok().hash(&mut h);
        }
        self.entries += 1;
        self.hash = self.hash.wrapping_add(h.finish());
    }
}

/// A data file whose time could not yet tell a later save of the same size (see
/// [`crate::model::stamp::unsettled`]), with a hash of its contents when it was last looked at.
type Recheck = Vec<(PathBuf, u64)>;

/// A hash of a regular file's contents; `None` when it cannot be read, is not a regular file (a
/// named pipe would block the poller) or is larger than the loader reads (which refuses it unread).
/// Read as the loader reads: opened without blocking, so a pipe swapped in after a look cannot hang
/// the poller either.
fn content_hash(path: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let bytes = crate::model::read::read_capped(path).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    Some(h.finish())
}

/// The files of `unsettled` with the hashes of their contents now.
fn hashed(unsettled: Vec<PathBuf>) -> Recheck {
    unsettled
        .into_iter()
        .filter_map(|p| content_hash(&p).map(|h| (p, h)))
        .collect()
}

/// True when a file of `recheck` now holds other contents (or cannot be read any more): a save of
/// the same size within the share's time granularity, which the fingerprint cannot see. `now` is
/// the files to recheck next time, already hashed: a file in both is not read twice (a bulk copy
/// leaves every file of the folder in both).
fn contents_changed(recheck: &Recheck, now: &Recheck) -> bool {
    let known: std::collections::HashMap<&Path, u64> =
        now.iter().map(|(p, h)| (p.as_path(), *h)).collect();
    recheck.iter().any(|(p, h)| {
        let hash = known.get(p.as_path()).copied().or_else(|| content_hash(p));
        hash != Some(*h)
    })
}

/// True for a name that [`relevant_path`] would take, without building a path.
fn relevant_name(name: &OsStr) -> bool {
    match name.to_str() {
        Some(n) => {
            !is_ignored_name(n) && (n.ends_with(".json") || crate::model::parse_day(n).is_some())
        }
        None => relevant_path(Path::new(name)),
    }
}

/// A fingerprint of the data files: the name, size and modification time of `town.json` and of
/// every `*.json` in each folder of the data folder, and the names of the snapshot folders.
pub fn fingerprint(dir: &Path) -> Fingerprint {
    scan(dir, &mut Vec::new())
}

/// [`fingerprint`], adding to `unsettled` the data files whose time cannot vouch for them yet.
fn scan(dir: &Path, unsettled: &mut Vec<PathBuf>) -> Fingerprint {
    let mut fp = Fingerprint::default();
    let mut add =
        |fp: &mut Fingerprint, folder: &OsStr, path: PathBuf, md: Option<&std::fs::Metadata>| {
            if md.is_some_and(crate::model::stamp::unsettled) {
                unsettled.push(path.clone());
            }
            fp.add(folder, path.file_name().unwrap_or_default(), md);
        };
    let Ok(top) = std::fs::read_dir(dir) else {
        return fp;
    };
    let none = OsStr::new("");
    for e in top.flatten() {
        let name = e.file_name();
        // The entry's type comes with the listing; a link is followed (as the loader does).
        let is_dir = match e.file_type() {
            Ok(t) if !t.is_symlink() => t.is_dir(),
            _ => e.path().is_dir(),
        };
        if !is_dir {
            if relevant_name(&name) {
                add(&mut fp, none, e.path(), e.metadata().ok().as_ref());
            }
            continue;
        }
        if relevant_name(&name) {
            fp.add(none, &name, None);
        }
        let Ok(files) = std::fs::read_dir(e.path()) else {
            continue;
        };
        for f in files.flatten() {
            let fname = f.file_name();
            if !relevant_name(&fname) {
                continue;
            }
            // A folder's type comes with the listing: a county's town folders list hundreds of
            // snapshot folders, which need no stat.
            if f.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            match f.metadata() {
                Ok(md) if md.is_dir() => {}
                md => add(&mut fp, &name, f.path(), md.ok().as_ref()),
            }
        }
    }
    fp
}

/// Polls `dir` every `every` (for network shares that send no events); one `()` per observed change,
/// sent once the folder has stayed the same for one more poll.
pub fn poll(dir: PathBuf, every: Duration) -> Receiver<()> {
    let (tx, rx) = mpsc::channel();
    poll_into(dir, every, tx);
    rx
}

/// [`poll`], sending its signals on `tx`.
pub fn poll_into(dir: PathBuf, every: Duration, tx: Sender<()>) {
    poll_with(dir, every, Box::new(move |_| tx.send(()).is_ok()));
}

/// [`poll`], sending on `tx` that it cannot say what changed ([`Changed`] `None`).
pub fn poll_changes_into(dir: PathBuf, every: Duration, tx: Sender<Changed>) {
    poll_with(dir, every, Box::new(move |c| tx.send(c).is_ok()));
}

fn poll_with(dir: PathBuf, every: Duration, mut tx: Signal) {
    // The baseline is taken before returning, so a save right after this call is seen.
    let mut unsettled = Vec::new();
    let mut last = scan(&dir, &mut unsettled);
    let mut recheck = hashed(unsettled);
    thread::spawn(move || {
        let mut pending = false;
        loop {
            thread::sleep(every);
            let mut unsettled = Vec::new();
            let now = scan(&dir, &mut unsettled);
            // Files that had just changed at the last poll are read again: a second save of the
            // same size within a share's time granularity (two seconds on FAT and SMB) changes
            // neither size nor time. Each file is read at most for the two seconds after it changed.
            let next = hashed(unsettled);
            let changed = now != last || contents_changed(&recheck, &next);
            recheck = next;
            if changed {
                last = now;
                pending = true;
            } else if pending {
                pending = false;
                if !tx(None) {
                    return;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    /// Writes `text` to `path` in place and gives it the time `t`, as a share with a coarse clock
    /// (two seconds on FAT and SMB) leaves a second save within the same two seconds.
    fn save_at(path: &Path, text: &str, t: SystemTime) {
        std::fs::write(path, text).expect("write");
        let f = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        f.set_modified(t).expect("set the time");
    }

    #[test]
    fn a_second_save_of_the_same_size_and_time_is_seen_once() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let day = dir.path().join("2024-01-05");
        std::fs::create_dir(&day).expect("a snapshot folder");
        let file = day.join("party.json");
        let t = SystemTime::now();
        save_at(&file, r#"{"n": 1}"#, t);
        let rx = poll(dir.path().to_path_buf(), Duration::from_millis(50));
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "a file just saved, read again while unchanged: no signal"
        );
        let before = fingerprint(dir.path());
        save_at(&file, r#"{"n": 2}"#, t);
        assert_eq!(
            before,
            fingerprint(dir.path()),
            "the second save leaves size and time as they were"
        );
        assert!(
            rx.recv_timeout(Duration::from_secs(1)).is_ok(),
            "the second save is seen by its contents"
        );
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "and told once"
        );
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fifo = dir.path().join("x.json");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("a path");
        // SAFETY: mkfifo with a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
        assert_eq!(content_hash(&fifo), None, "a named pipe is never opened");
        assert_eq!(hashed(vec![fifo]), Vec::new());
    }

    #[test]
    fn a_file_too_large_to_load_is_not_read() {
        // The loader refuses it unread; the poller once read all of it, at every poll.
        let dir = tempfile::tempdir().expect("a temporary folder");
        let big = dir.path().join("export.json");
        let f = std::fs::File::create(&big).expect("create");
        f.set_len(crate::model::read::MAX_FILE_BYTES + 1)
            .expect("a sparse file");
        assert_eq!(content_hash(&big), None);
        assert_eq!(hashed(vec![big]), Vec::new());
    }
}
