//! Output is never lost silently (issue 15, point 4): every write and the final flush are checked
//! (`> /dev/full` fails with the reason, in Chinese or English), and `-o FILE` is whole or absent.

mod common;

use common::{code, copy_data, text, Captured, SNAPSHOT};
use std::ffi::OsString;

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
