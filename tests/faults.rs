//! Faults from the file system and the environment (issue 15): special files where data files
//! belong, unreadable and emptied folders, output that cannot be written, dates outside the data,
//! and the messages each gets. Every test runs on its own temporary copy of `data/`.

mod common;

use common::{copy_data, huibao_args_for, run_captured, Captured, SNAPSHOT};
use huibao::model::load::{load_dir, read_capped};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Makes a named pipe at `path` (nobody ever writes to it).
fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).expect("a path without NUL");
    // SAFETY: a valid NUL-terminated path.
    let r = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(
        r,
        0,
        "mkfifo {}: {}",
        path.display(),
        std::io::Error::last_os_error()
    );
}

/// Runs the binary on `dir` with extra arguments after the global ones.
fn run_on(dir: &Path, args: &[&str]) -> Captured {
    let mut all = huibao_args_for(dir);
    all.extend(args.iter().map(OsString::from));
    run_captured(all)
}

/// The exit code, failing the test if the run had to be killed.
#[track_caller]
fn code(c: &Captured, what: &str) -> i32 {
    let status = c
        .status
        .unwrap_or_else(|| panic!("{what}: did not finish (killed)"));
    status
        .code()
        .unwrap_or_else(|| panic!("{what}: ended by a signal: {status:?}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
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
    let want = format!("{}: .: {FIFO_MESSAGE}", town.display());

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
                "{}: .: cannot read the snapshot folder: Permission denied (os error 13)\n",
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
            format!("{want}\n"),
            "0 errors, 1 warning in 1 file\n".into()
        )
    );
}

// ── Output that cannot be written ───────────────────────────────────────────────────────────────

/// Runs the binary on the repository's data (unless `args` name `--data`) with standard output
/// going to `stdout`; `limit`
/// caps the size of files it may write (RLIMIT_FSIZE, with SIGXFSZ ignored so that a write past
/// it fails with EFBIG, as on a full disk, instead of killing the process).
fn run_to(args: &[&str], stdout: std::process::Stdio, limit: Option<u64>) -> Captured {
    use std::os::unix::process::CommandExt;
    let mut err = tempfile::tempfile().expect("temp file");
    let mut cmd = std::process::Command::new(common::bin());
    if !args.contains(&"--data") {
        cmd.args(common::huibao_args());
    }
    cmd.args(args)
        .env_remove("HUIBAO_DATA")
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(err.try_clone().expect("dup"));
    if let Some(bytes) = limit {
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let lim = libc::rlimit {
                    rlim_cur: bytes,
                    rlim_max: bytes,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let status = cmd.status().expect("run huibao");
    let mut stderr = Vec::new();
    {
        use std::io::{Read, Seek};
        err.rewind().expect("rewind");
        err.read_to_end(&mut stderr).expect("read");
    }
    Captured {
        status: Some(status),
        stdout: Vec::new(),
        stderr,
    }
}

fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full")
        .into()
}

const FULL_ZH: &str =
    "huibao: 输出未能写出（标准输出）：磁盘已满（No space left on device (os error 28)）\n";
const FULL_EN: &str = "huibao: the output could not be written (standard output): No space left on device (os error 28)\n";

#[test]
fn summary_render_schema_and_validate_to_a_full_device_fail_with_the_reason() {
    for args in [
        &["summary"][..],
        &["render", "--size", "1000x500"],
        &["render", "--format", "svg"],
        &["schema"],
    ] {
        let c = run_to(args, dev_full(), None);
        assert_eq!(
            (code(&c, "to /dev/full"), text(&c.stderr).as_str()),
            (1, FULL_ZH),
            "{args:?}"
        );
        let en: Vec<&str> = ["--lang", "en"].iter().chain(args).copied().collect();
        let c = run_to(&en, dev_full(), None);
        assert_eq!(
            (code(&c, "to /dev/full"), text(&c.stderr).as_str()),
            (1, FULL_EN),
            "{en:?}"
        );
    }
    // validate's report too (here: a folder with a bad file).
    let dir = copy_data();
    std::fs::write(dir.path().join(SNAPSHOT).join("party.json"), "{").expect("break a file");
    let mut args: Vec<String> = vec!["--data".into(), dir.path().display().to_string()];
    args.push("validate".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let c = run_to(&args, dev_full(), None);
    assert_eq!(code(&c, "validate to /dev/full"), 1);
    assert!(text(&c.stderr).starts_with(FULL_ZH), "{}", text(&c.stderr));
}

#[test]
fn output_file_is_whole_or_absent_and_an_old_one_survives_a_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("screen.txt");
    let out_s = out.display().to_string();
    let listing = || -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    // 498,846 bytes wanted, at most 4,096 allowed: the write fails part-way.
    let big = ["render", "--size", "1000x500", "-o", &out_s];
    let c = run_to(&big, std::process::Stdio::null(), Some(4096));
    assert_eq!(code(&c, "render -o over the limit"), 1);
    assert_eq!(
        text(&c.stderr),
        format!(
            "huibao: 无法写入 {out_s}：文件超过允许的大小（File too large (os error 27)）；没有留下不完整的文件\n"
        )
    );
    assert_eq!(
        listing(),
        Vec::<String>::new(),
        "no partial file, no temporary file"
    );

    // A good write, then a failing one: the good file stays as it was.
    let c = run_to(
        &["summary", "-o", &out_s],
        std::process::Stdio::null(),
        None,
    );
    assert_eq!(code(&c, "summary -o"), 0, "{}", text(&c.stderr));
    let good = std::fs::read(&out).expect("read the brief");
    let plain = common::run_captured(
        common::huibao_args()
            .into_iter()
            .chain([OsString::from("summary")]),
    );
    assert_eq!(good, plain.stdout, "-o writes exactly what stdout gets");
    let c = run_to(&big, std::process::Stdio::null(), Some(4096));
    assert_eq!(code(&c, "render -o over the limit"), 1);
    assert_eq!(
        std::fs::read(&out).expect("read"),
        good,
        "the old file is intact"
    );
    assert_eq!(listing(), ["screen.txt"]);

    // In English.
    let en = ["--lang", "en", "render", "--size", "1000x500", "-o", &out_s];
    let c = run_to(&en, std::process::Stdio::null(), Some(4096));
    assert_eq!(
        text(&c.stderr),
        format!("huibao: cannot write {out_s}: File too large (os error 27); no partial file was left\n")
    );
}

// ── Dates outside the data, and clear messages ──────────────────────────────────────────────────

/// Runs the binary in the repository with `env` set (HUIBAO_DATA removed unless given) and no
/// terminal; returns (exit code, stdout, stderr).
fn run_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = std::process::Command::new(common::bin());
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HUIBAO_DATA")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run huibao");
    (
        out.status.code().expect("an exit code"),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn at_after_the_newest_snapshot_is_refused_naming_the_dates() {
    let base = ["--data", "data", "--today", "2023-07-03"];
    let with = |extra: &[&str]| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        run_env(&args, &[])
    };
    for cmd in ["summary", "render", "validate"] {
        let (code, out, err) = with(&["--at", "2200-12-31", cmd]);
        if cmd == "validate" {
            // validate checks files; --at does not concern it.
            assert_eq!(code, 0, "{err}");
            continue;
        }
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (
                2,
                "",
                "huibao: --at 2200-12-31 晚于最新一期快照；只有 2023-06-30 一期快照\n"
            ),
            "{cmd}"
        );
    }
    let (code, _, err) = with(&["--lang", "en", "--at", "2023-07-01", "summary"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "huibao: --at 2023-07-01 is after the newest snapshot; the only snapshot is 2023-06-30\n"
        )
    );
    let (code, _, err) = with(&["--at", "2023-01-01", "summary"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "huibao: --at 2023-01-01 早于第一期快照；只有 2023-06-30 一期快照\n"
        )
    );
    // The newest date itself is fine.
    assert_eq!(with(&["--at", "2023-06-30", "summary"]).0, 0);
}

#[test]
fn at_names_few_dates_each_and_many_by_first_last_and_count() {
    use huibao::cli::Lang;
    use huibao::commands::check_at;
    let d = |s: &str| huibao::model::parse_day(s).expect("a date");
    let few = [d("2023-06-23"), d("2023-06-30"), d("2023-07-07")];
    assert_eq!(check_at(d("2023-07-01"), &few, Lang::Zh), Ok(()));
    assert_eq!(
        check_at(d("2023-08-01"), &few, Lang::Zh),
        Err(
            "--at 2023-08-01 晚于最新一期快照；现有快照：2023-06-23、2023-06-30、2023-07-07".into()
        )
    );
    let many: Vec<_> = (0..3000)
        .map(|i| d("2015-01-01") + chrono::Duration::days(i))
        .collect();
    assert_eq!(
        check_at(d("2200-12-31"), &many, Lang::En),
        Err("--at 2200-12-31 is after the newest snapshot; the snapshots run from 2015-01-01 to 2023-03-19 (3000 dates)".into())
    );
    assert_eq!(
        check_at(d("2000-01-01"), &many, Lang::Zh),
        Err(
            "--at 2000-01-01 早于第一期快照；现有快照从 2015-01-01 到 2023-03-19，共 3000 期"
                .into()
        )
    );
}

#[test]
fn data_naming_a_file_or_an_empty_huibao_data_says_so() {
    let (code, _, err) = run_env(&["--data", "Cargo.toml", "validate"], &[]);
    assert_eq!(
        (code, err.as_str()),
        (2, "huibao: --data 给出的 Cargo.toml 是文件，不是文件夹：请给出数据文件夹（放 town.json 和各日期文件夹的那个）\n")
    );
    let (code, _, err) = run_env(
        &["--lang", "en", "summary"],
        &[("HUIBAO_DATA", "Cargo.toml")],
    );
    assert_eq!(
        (code, err.as_str()),
        (2, "huibao: HUIBAO_DATA names Cargo.toml, which is a file, not a folder: give the data folder (the one holding town.json and the dated snapshot folders)\n")
    );
    let (code, _, err) = run_env(&["--lang", "en", "validate"], &[("HUIBAO_DATA", "no-such")]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "huibao: data folder no-such not found (given by HUIBAO_DATA)\n"
        )
    );
    let (code, _, err) = run_env(&["validate"], &[("HUIBAO_DATA", "")]);
    assert_eq!(
        (code, err.as_str()),
        (2, "huibao: 环境变量 HUIBAO_DATA 已设置但为空：请设为数据文件夹，或取消设置（unset HUIBAO_DATA）以使用 ./data\n")
    );
    let (_, _, err) = run_env(&["--lang", "en", "validate"], &[("HUIBAO_DATA", "")]);
    assert_eq!(
        err,
        "huibao: HUIBAO_DATA is set but empty: set it to the data folder, or unset it to use ./data\n"
    );
    // --data on the command line wins over an empty HUIBAO_DATA.
    let (code, _, err) = run_env(&["--data", "data", "validate"], &[("HUIBAO_DATA", "")]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn dates_and_sizes_out_of_range_give_the_allowed_range() {
    let (code, _, err) = run_env(&["--today", "2201-01-01", "summary"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "'--today <YYYY-MM-DD>': 日期须在 1900-01-01 至 2200-12-31 之间，收到 2201-01-01"
        ),
        "{err}"
    );
    let (_, _, err) = run_env(&["--lang", "en", "--at", "2023-02-30", "summary"], &[]);
    assert!(err.contains("there is no such day: 2023-02-30"), "{err}");
    let (code, _, err) = run_env(&["render", "--size", "100000x100000"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("大小超出范围：列须在 20 至 1000 之间，行须在 5 至 500 之间（20x5 至 1000x500），收到 100000x100000"),
        "{err}"
    );
    let (_, _, err) = run_env(&["--lang", "en", "render", "--size", "10x10"], &[]);
    assert!(
        err.contains(
            "size out of range: columns 20 to 1000, rows 5 to 500 (20x5 to 1000x500); found 10x10"
        ),
        "{err}"
    );
    let (_, _, err) = run_env(&["--lang", "en", "render", "--size", "wide"], &[]);
    assert!(
        err.contains("expected COLSxROWS, e.g. 120x40, found \"wide\""),
        "{err}"
    );

    // A snapshot folder named with a date out of range.
    let dir = copy_data();
    std::fs::create_dir(dir.path().join("9999-12-31")).expect("mkdir");
    std::fs::create_dir(dir.path().join("2023-02-30")).expect("mkdir");
    let ds = load_dir(dir.path());
    let warnings: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        warnings,
        [
            format!(
                "{}: .: folder ignored: there is no such day",
                dir.path().join("2023-02-30").display()
            ),
            format!(
                "{}: .: folder ignored: snapshot dates run from 1900-01-01 to 2200-12-31",
                dir.path().join("9999-12-31").display()
            ),
        ]
    );
}

#[test]
fn no_controlling_terminal_is_named() {
    use std::os::unix::process::CommandExt;
    let (_master, slave) = common::open_pty(80, 24).expect("a pty");
    let mut err = tempfile::tempfile().expect("temp file");
    let mut cmd = std::process::Command::new(common::bin());
    cmd.args(common::huibao_args())
        .env_remove("HUIBAO_DATA")
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .stdout(slave.try_clone().expect("dup"))
        .stderr(err.try_clone().expect("dup"));
    // SAFETY: setsid is async-signal-safe. A new session without a controlling terminal: stdout
    // is a terminal, but /dev/tty cannot be opened.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn");
    drop(cmd);
    drop(slave);
    let status = common::wait_timeout(&mut child, common::TIMEOUT);
    if status.is_none() {
        let _ = child.kill();
    }
    let mut stderr = Vec::new();
    {
        use std::io::{Read, Seek};
        err.rewind().expect("rewind");
        err.read_to_end(&mut stderr).expect("read");
    }
    assert_eq!(
        (status.and_then(|s| s.code()), text(&stderr).as_str()),
        (Some(1), "huibao: 没有可用的终端：huibao 没有控制终端（例如由 cron、系统服务或 setsid 启动），仪表盘无法打开；请改用 `huibao render` 或 `huibao summary`\n")
    );
}

#[test]
fn a_ten_thousand_character_key_is_shortened_in_the_field_path() {
    let dir = copy_data();
    let party = dir.path().join(SNAPSHOT).join("party.json");
    let text0 = std::fs::read_to_string(&party).expect("read");
    let key = "J".repeat(10_000);
    let junk = text0.replacen("{", &format!("{{\n  \"{key}\": 1,"), 1);
    std::fs::write(&party, junk).expect("write");
    let v = run_captured([OsString::from("validate"), party.clone().into_os_string()]);
    let short = format!("{}...", "J".repeat(32));
    assert_eq!(
        text(&v.stdout),
        format!(
            "{}:2:3: {short}: unknown field `{short}` (a key 10000 characters long), expected one of `$schema`, `id`, `title`, `short`, `as_of`, `office`, `leader`, `groups`\n",
            party.display()
        )
    );
}

#[test]
fn a_corrupt_byte_is_reported_where_it_is() {
    let dir = copy_data();
    let town = dir.path().join("town.json");
    // Little Chinese text before the bad byte, so the file is not "mostly UTF-8".
    let t = std::fs::read_to_string(&town)
        .expect("read")
        .replace("**镇2023年上半年工作汇报", "Town report 2023");
    let mut bytes = t.into_bytes();
    let line6 = bytes
        .split(|&b| b == b'\n')
        .take(5)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    bytes[line6 + 6] = 0xFF;
    std::fs::write(&town, &bytes).expect("write");
    let v = run_captured([OsString::from("validate"), town.clone().into_os_string()]);
    assert_eq!(
        text(&v.stdout),
        format!(
            "{}:6:7: .: the file is not valid UTF-8: the bytes here are not a UTF-8 character (pasted from another encoding?); save it as UTF-8\n",
            town.display()
        )
    );
}
