//! Polling the data folder for network shares that send no events: a cheap fingerprint of the
//! data files, compared every so often.

use super::{relevant_path, Changed, Signal};
use crate::model::load::is_ignored_name;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// What polling compares: how many data files and snapshot folders there are, and a hash of
/// their names, sizes and modification times. Taking one costs a listing of each folder and one
/// `stat` per data file: no file is opened or read.
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
    let mut fp = Fingerprint::default();
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
                fp.add(none, &name, e.metadata().ok().as_ref());
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
                md => fp.add(&name, &fname, md.ok().as_ref()),
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
    let mut last = fingerprint(&dir);
    thread::spawn(move || {
        let mut pending = false;
        loop {
            thread::sleep(every);
            let now = fingerprint(&dir);
            if now != last {
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
