//! Faults from the file system (issue 15, points 1 and 3): special files where data files belong,
//! unreadable, renamed and emptied folders, and the messages each gets. Every test runs on its own
//! temporary copy of `data/`.

mod common;

use common::{code, copy_data, huibao_args_for, mkfifo, run_captured, text, Captured, SNAPSHOT};
use huibao::model::load::{load_dir, read_capped};
use std::ffi::OsString;
use std::path::Path;

/// Runs the binary on `dir` with extra arguments after the global ones.
fn run_on(dir: &Path, args: &[&str]) -> Captured {
    let mut all = huibao_args_for(dir);
    all.extend(args.iter().map(OsString::from));
    run_captured(all)
}

/// A problem as `validate` prints it by default: `path: 错误: message` in Chinese.
fn printed(want: &str, level: &str) -> String {
    let (head, msg) = want.split_once(": .: ").expect("a whole-file problem");
    let msg = huibao::model::say::message(msg, huibao::model::Lang::Zh);
    format!("{head}: {level}: {msg}")
}

const FIFO_MESSAGE: &str =
    "not loaded: this is a named pipe (FIFO), not a regular file; only regular files are read";

#[test]
fn read_capped_refuses_a_fifo_without_blocking() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("x.json");
    mkfifo(&fifo);
    assert_eq!(read_capped(&fifo), Err(FIFO_MESSAGE.to_string()));
    assert_eq!(
        read_capped(tmp.path()),
        Err("not loaded: this is a folder, not a regular file; only regular files are read".into())
    );
    // A symbolic link to a regular file still reads.
    let real = tmp.path().join("real.json");
    std::fs::write(&real, b"{}").expect("write");
    let link = tmp.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    assert_eq!(read_capped(&link), Ok(b"{}".to_vec()));
    // A link to the pipe does not.
    let to_fifo = tmp.path().join("to-fifo.json");
    std::os::unix::fs::symlink(&fifo, &to_fifo).expect("symlink");
    assert_eq!(read_capped(&to_fifo), Err(FIFO_MESSAGE.to_string()));
}

#[test]
fn a_fifo_in_a_snapshot_folder_is_reported_and_everything_finishes() {
    let dir = copy_data();
    let fifo = dir.path().join(SNAPSHOT).join("x.json");
    mkfifo(&fifo);
    let want = format!("{}: .: {FIFO_MESSAGE}", fifo.display());

    let ds = load_dir(dir.path());
    let errors: Vec<String> = ds.errors().map(|d| d.to_string()).collect();
    assert_eq!(errors, std::slice::from_ref(&want));
    assert_eq!(ds.lines.len(), 6, "the other lines still load");
    let want = printed(&want, "错误");

    let v = run_on(dir.path(), &["validate"]);
    assert_eq!(code(&v, "validate"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );
    // Naming the pipe, or its folder, directly.
    let v = run_captured([OsString::from("validate"), fifo.clone().into_os_string()]);
    assert_eq!(code(&v, "validate FIFO"), 1);
    assert_eq!(text(&v.stdout), format!("{want}\n"));
    let v = run_captured([
        OsString::from("validate"),
        dir.path().join(SNAPSHOT).into_os_string(),
    ]);
    assert_eq!(code(&v, "validate snapshot folder"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );

    let r = run_on(dir.path(), &["render", "--size", "80x24"]);
    assert_eq!(code(&r, "render"), 0, "stderr: {}", text(&r.stderr));
    let s = run_on(dir.path(), &["summary"]);
    assert_eq!(code(&s, "summary"), 0, "stderr: {}", text(&s.stderr));
}

#[test]
fn a_fifo_as_town_json_is_reported_and_everything_finishes() {
    let dir = copy_data();
    let town = dir.path().join("town.json");
    std::fs::remove_file(&town).expect("remove town.json");
    mkfifo(&town);
    let want = printed(&format!("{}: .: {FIFO_MESSAGE}", town.display()), "错误");

    let v = run_on(dir.path(), &["validate"]);
    assert_eq!(code(&v, "validate"), 1);
    assert!(
        text(&v.stdout).contains(&want),
        "stdout: {}",
        text(&v.stdout)
    );
    let v = run_captured([OsString::from("validate"), town.into_os_string()]);
    assert_eq!(code(&v, "validate town.json"), 1);
    assert_eq!(text(&v.stdout), format!("{want}\n"));

    let r = run_on(dir.path(), &["render", "--size", "80x24"]);
    assert_eq!(code(&r, "render"), 0, "stderr: {}", text(&r.stderr));
    let s = run_on(dir.path(), &["summary"]);
    assert_eq!(code(&s, "summary"), 0, "stderr: {}", text(&s.stderr));
}

// ── Whole-folder failures ───────────────────────────────────────────────────────────────────────

/// Runs the binary as an unprivileged user (uid/gid 65534) when the tests run as root, where a
/// folder of mode 000 is still readable; as the current user otherwise. Root drops its groups and
/// ids in the child just before `exec` (no outside tool needed).
fn run_unprivileged(dir: &Path, args: &[&str]) -> Captured {
    use std::os::unix::process::CommandExt;
    let mut out = tempfile::tempfile().expect("temp file");
    let mut err = tempfile::tempfile().expect("temp file");
    let mut cmd = std::process::Command::new(common::bin());
    cmd.args(huibao_args_for(dir))
        .args(args)
        .env_remove("HUIBAO_DATA")
        .current_dir("/")
        .stdin(std::process::Stdio::null())
        .stdout(out.try_clone().expect("dup"))
        .stderr(err.try_clone().expect("dup"));
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(65534) != 0
                    || libc::setuid(65534) != 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let status = cmd.status().expect("run huibao");
    let read = |f: &mut std::fs::File| {
        use std::io::{Read, Seek};
        let mut v = Vec::new();
        f.rewind().expect("rewind");
        f.read_to_end(&mut v).expect("read");
        v
    };
    Captured {
        status: Some(status),
        stdout: read(&mut out),
        stderr: read(&mut err),
    }
}

/// Lets everyone into the temporary folder (it is made private), so that another user can read
/// the copy of `data/` in it.
fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut p = dir.to_path_buf();
    while p.starts_with(std::env::temp_dir()) && p != std::env::temp_dir() {
        let mode = std::fs::metadata(&p).expect("stat").permissions().mode();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode | 0o755)).expect("chmod");
        if !p.pop() {
            break;
        }
    }
}

#[test]
fn an_unreadable_snapshot_folder_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_data();
    open_to_all(dir.path());
    for entry in walk(dir.path()) {
        let mode = if entry.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let snap = dir.path().join(SNAPSHOT);
    let v = run_unprivileged(dir.path(), &["validate"]);
    assert_eq!((code(&v, "validate"), text(&v.stdout)), (0, String::new()));

    std::fs::set_permissions(&snap, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let v = run_unprivileged(dir.path(), &["validate"]);
    std::fs::set_permissions(&snap, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(
        (code(&v, "validate"), text(&v.stdout)),
        (
            1,
            format!(
                "{}: 错误: 无法读取快照文件夹：Permission denied (os error 13)\n",
                snap.display()
            )
        ),
        "stderr: {}",
        text(&v.stderr)
    );
}

/// Every path below `dir`, `dir` included.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let mut more: Vec<_> = std::fs::read_dir(&out[i])
                .expect("read_dir")
                .map(|e| e.expect("entry").path())
                .collect();
            out.append(&mut more);
        }
        i += 1;
    }
    out
}

#[test]
fn a_data_folder_renamed_away_keeps_the_last_good_data() {
    use huibao::model::load::keep_last_good;
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let copy = copy_data();
    std::fs::rename(copy.path(), &data).expect("move the copy");
    let good = load_dir(&data);
    assert_eq!(good.lines.len(), 6);

    std::fs::rename(&data, tmp.path().join("away")).expect("rename away");
    let mut fresh = load_dir(&data);
    let errors: Vec<String> = fresh.errors().map(|d| d.to_string()).collect();
    assert_eq!(
        errors,
        [format!(
            "{}: .: cannot read the data folder: No such file or directory (os error 2)",
            data.display()
        )]
    );
    keep_last_good(&mut fresh, &good);
    assert_eq!(fresh.lines, good.lines, "every line kept");
    assert_eq!(fresh.town, good.town, "the town name kept");
    assert_eq!(fresh.dates, good.dates);
    assert_eq!(fresh.errors().count(), 1, "the error stays to be shown");
}

/// A snapshot folder that cannot be listed keeps its lines. (Made to fail by injection: the tests
/// run as root, which reads a folder of mode 000; the end-to-end test above runs as another user.)
#[test]
fn an_unreadable_snapshot_folder_keeps_its_last_good_lines() {
    use huibao::model::{load::keep_last_good, Diagnostic};
    let dir = copy_data();
    let good = load_dir(dir.path());
    let snap = dir.path().join(SNAPSHOT);
    std::fs::remove_dir_all(&snap).expect("remove the snapshot folder");
    let mut fresh = load_dir(dir.path());
    fresh.problems.push(Diagnostic::file_error(
        snap.display().to_string(),
        "cannot read the snapshot folder: Permission denied (os error 13)",
    ));
    keep_last_good(&mut fresh, &good);
    assert_eq!(fresh.lines, good.lines);
    assert_eq!(fresh.dates, good.dates);
}

#[test]
fn a_data_folder_with_only_town_json_gets_a_warning() {
    let dir = copy_data();
    std::fs::remove_dir_all(dir.path().join(SNAPSHOT)).expect("remove the snapshot folder");
    let want = format!(
        "{}: .: only town.json here: no snapshot folders (named like 2023-06-30), so there are no work lines to show",
        dir.path().display()
    );
    let ds = load_dir(dir.path());
    let all: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(all, std::slice::from_ref(&want));
    let v = run_on(dir.path(), &["validate"]);
    assert_eq!(
        (code(&v, "validate"), text(&v.stdout), text(&v.stderr)),
        (
            0,
            format!("{}\n", printed(&want, "警告")),
            "发现 0个错误、1个警告（共检查 1个文件）\n".into()
        )
    );
}
