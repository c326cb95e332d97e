//! The loader thread against a real copy of the seed folder: what fails to load is shown, and read
//! the same way by the first frame and the whole load.

use super::*;
use std::time::Duration;

/// A copy of the bundled seed folder.
fn seed_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in walk(&src) {
        let to = tmp
            .path()
            .join(entry.strip_prefix(&src).expect("inside data"));
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("a folder");
        std::fs::copy(&entry, &to).expect("a copy");
    }
    tmp
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("a folder").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_file_that_cannot_load_put_there_before_the_watch_is_armed_is_shown() {
    // The first frame's data is the whole folder; then, before the loading thread arms the
    // watch, a named pipe appears among the line files: no fingerprint counts it (it has no
    // parse), yet the screen must say it cannot be loaded.
    let tmp = seed_copy();
    let mut reloader = Reloader::new(tmp.path());
    let first = reloader.load_recent();
    assert!(!first.older_pending && first.failed.is_empty());
    let day = first.latest_date().expect("a snapshot").to_string();
    let fifo = tmp.path().join(day).join("x.json");
    let c = std::ffi::CString::new(fifo.to_str().expect("a UTF-8 path")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (tx, rx) = mpsc::channel();
    let mut loader = Loader::new(tx, None, None);
    let _requests = loader.start(
        Some(reloader),
        Some(first.failed.clone()),
        Some(tmp.path().to_path_buf()),
        None,
    );
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Ev::Loaded(ds)) => assert!(
            ds.failed
                .iter()
                .any(|(_, f)| f.problem.path.ends_with("x.json")),
            "{:?}",
            ds.failed
        ),
        _ => panic!("the pipe put there before the watch was armed went unseen"),
    }
}

#[test]
fn what_failed_reads_the_same_in_the_first_frame_and_the_whole_load() {
    // Else a folder holding a broken file would show 已重新加载 at every start.
    let tmp = seed_copy();
    let mut reloader = Reloader::new(tmp.path());
    let day = reloader
        .load_recent()
        .latest_date()
        .expect("a snapshot")
        .to_string();
    std::fs::write(tmp.path().join(&day).join("broken.json"), "{ \"id\": ").expect("a write");
    let mut reloader = Reloader::new(tmp.path());
    let first = reloader.load_recent();
    assert!(!first.older_pending);
    assert_eq!(first.failed.len(), 1, "{:?}", first.failed);
    assert_eq!(reloader.reload().failed, first.failed);
}
