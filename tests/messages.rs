//! Dates outside the data and clear messages (issue 15, points 6 and 7): `--at` past the newest
//! snapshot, a file given as the data folder, an empty `HUIBAO_DATA`, dates and sizes out of
//! range, no controlling terminal, a 10,000-character key, a corrupt byte — each message asserted.

mod common;

use common::{copy_data, run_captured, text, SNAPSHOT};
use huibao::model::load::load_dir;
use std::ffi::OsString;

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
            "错误：--today <YYYY-MM-DD>：日期须在 1900-01-01 至 2200-12-31 之间，收到 2201-01-01"
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

/// The command line is refused in the interface language: Chinese by default, clap's English with
/// `--lang en`; both exit with 2.
#[test]
fn a_refused_command_line_is_worded_in_the_interface_language() {
    let (code, out, err) = run_env(&["imprt", "x.csv"], &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "错误：没有 imprt 这个命令（是不是 import？）\n\n用法：huibao [OPTIONS] [命令]\n\n查看帮助：huibao --help\n"
    );
    let (code, _, err) = run_env(&["--lang", "en", "imprt", "x.csv"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: unrecognized subcommand 'imprt'"),
        "{err}"
    );
    let (code, out, _) = run_env(&["import", "--help"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：huibao import") && out.contains("--map <列名=field>"),
        "{out}"
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
    let v = run_captured([
        OsString::from("--lang"),
        OsString::from("en"),
        OsString::from("validate"),
        party.clone().into_os_string(),
    ]);
    let short = format!("{}...", "J".repeat(32));
    assert_eq!(
        text(&v.stdout),
        format!(
            "{}:2:3: error: {short}: unknown field {short} (a key 10000 characters long; the fields allowed here: $schema, id, title, short, as_of, office, leader, role, period, groups)\n",
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
    let v = run_captured([
        OsString::from("--lang"),
        OsString::from("en"),
        OsString::from("validate"),
        town.clone().into_os_string(),
    ]);
    assert_eq!(
        text(&v.stdout),
        format!(
            "{}:6:7: error: the file is not valid UTF-8: the bytes here are not a UTF-8 character (pasted from another encoding?); save it as UTF-8\n",
            town.display()
        )
    );
}

/// Runs the binary in `dir` (no `--data`, no HUIBAO_DATA); returns (exit code, stdout, stderr).
fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(common::bin())
        .args(args)
        .current_dir(dir)
        .env_remove("HUIBAO_DATA")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run huibao");
    let code = out.status.code().expect("an exit code");
    (code, text(&out.stdout), text(&out.stderr))
}

/// A clerk who works inside the data folder (`cd data`, where town.json is) is understood: there
/// `huibao validate` said, in English, that no data folder was found, `huibao new` that there was
/// no ./data, and the dashboard showed the built-in seed instead of the town's own data.
#[test]
fn the_data_folder_itself_is_understood_as_the_current_folder() {
    let tmp = copy_data();
    let (code, _, err) = run_in(tmp.path(), &["validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("没有发现问题"), "{err}");
    let (code, out, err) = run_in(tmp.path(), &["--today", "2023-07-03", "render"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("内置的示例汇报"), "{out}");
    let (code, out, err) = run_in(tmp.path(), &["new", "2023-07-07"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(tmp.path().join("2023-07-07").is_dir());
    // With neither ./data nor town.json here, the message is Chinese, as for every other command.
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(empty.path(), &["validate"]);
    assert_eq!(code, 2);
    assert!(err.contains("没有找到数据文件夹"), "{err}");
}

/// After `huibao new` every figure is last week's until the clerk edits it: the overview's cards
/// count the items still marked 待更新, so the clerk sees what is left and a leader sees that the
/// numbers are not this week's (the cards said only 变动0, as if nothing had moved).
#[test]
fn the_cards_count_items_still_awaiting_their_update() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_tree(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history"),
        tmp.path(),
    );
    let (code, out, err) = run_in(tmp.path(), &["new", "2024-05-10"]);
    assert_eq!(code, 0, "{out}{err}");
    let args = ["--today", "2024-05-11", "render", "--size", "80x24"];
    let (code, screen, err) = run_in(tmp.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(screen.contains("待更新6"), "{screen}");
    assert!(screen.contains("待更新5"), "{screen}");
}
