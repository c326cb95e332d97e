//! End-to-end tests: the real `huibao` binary on a pseudo-terminal, its screen read through `vt100`.
//! Every step waits for screen content (with a deadline), never for a fixed time.

mod common;

use common::{joined, row, run_captured, Pty, TIMEOUT};
use std::path::PathBuf;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// The newest snapshot folder under data/ (its name is the snapshot date).
fn snapshot_dir() -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(common::data_dir())
        .expect("read data/")
        .map(|e| e.expect("data/ entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.pop().expect("a snapshot folder in data/")
}

fn snapshot_date() -> String {
    snapshot_dir()
        .file_name()
        .expect("folder name")
        .to_string_lossy()
        .into_owned()
}

fn read_json(path: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `short` titles of the work lines, in the order town.json lists them.
fn short_titles() -> Vec<String> {
    let dir = snapshot_dir();
    let files: Vec<serde_json::Value> = std::fs::read_dir(&dir)
        .expect("read the snapshot folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| read_json(&p))
        .collect();
    let town = read_json(&common::data_dir().join("town.json"));
    let order = town["lines"].as_array().expect("town.json: lines");
    let titles: Vec<String> = order
        .iter()
        .map(|id| {
            let file = files
                .iter()
                .find(|f| f["id"] == *id)
                .unwrap_or_else(|| panic!("no line file with id {id}"));
            file["short"].as_str().expect("short").to_string()
        })
        .collect();
    assert!(
        titles.len() >= 6,
        "expected the six seed lines, got {titles:?}"
    );
    titles
}

/// True when every line's card title ("1 党的建设" …) is on the screen.
fn all_cards(screen: &str, titles: &[String]) -> bool {
    titles
        .iter()
        .enumerate()
        .all(|(i, t)| screen.contains(&format!("{} {t}", i + 1)))
}

/// True when the breadcrumb row (row 1) reads exactly `crumbs`.
fn at(screen: &str, crumbs: &str) -> bool {
    // The breadcrumbs lead the row; on the overview the headline block follows after a gap.
    let r = row(screen, 1);
    r == crumbs
        || r.strip_prefix(crumbs)
            .is_some_and(|rest| rest.starts_with("  "))
}

/// True when some row, split on whitespace, is exactly `words` (e.g. a help row "w   滞后清单").
fn has_row(screen: &str, words: &[&str]) -> bool {
    screen
        .lines()
        .any(|l| l.split_whitespace().eq(words.iter().copied()))
}

/// True when the screen has the rows of `want` (a `huibao render` output), the header row aside.
fn same_below_header(screen: &str, want: &[String]) -> bool {
    let got: Vec<&str> = screen.lines().collect();
    got.len() == want.len() && got[1..].iter().zip(&want[1..]).all(|(g, w)| g == w)
}

/// The dashboard at 120×40, once the overview is drawn.
fn overview() -> (Pty, Vec<String>) {
    let titles = short_titles();
    let mut pty = Pty::dashboard(COLS, ROWS);
    pty.expect("the overview with every card", |s| {
        at(s, "总览") && all_cards(s, &titles)
    });
    (pty, titles)
}

#[test]
fn overview_shows_every_line_and_the_snapshot_date() {
    let titles = short_titles();
    let date = snapshot_date();
    let mut pty = Pty::dashboard(COLS, ROWS);
    let screen = pty.expect("the overview", |s| {
        all_cards(s, &titles) && row(s, 0).contains(&format!("数据截至 {date}"))
    });
    assert!(at(&screen, "总览"), "breadcrumbs\n{screen}");
    assert!(
        row(&screen, 1).ends_with("项目2个 总投资1.7亿元 · 红灯0 黄灯0"),
        "headline block\n{screen}"
    );
    assert!(
        pty.screen().alternate_screen(),
        "the dashboard draws on the alternate screen"
    );
    assert!(pty.screen().hide_cursor(), "the cursor is hidden");
}

#[test]
fn live_overview_matches_render() {
    // Everything below the header (which has a live clock) is what `huibao render` draws.
    let want = common::render_reference(COLS, ROWS, "");
    let mut pty = Pty::dashboard(COLS, ROWS);
    pty.expect("the same screen as `huibao render`", |s| {
        same_below_header(s, &want)
    });
}

#[test]
fn drill_into_heyuan_item() {
    let (mut pty, titles) = overview();
    pty.send(b"2");
    let line = titles[1].clone();
    pty.expect("the 经济发展 panel", |s| {
        at(s, &format!("总览 › {line}")) && s.contains("禾源白羽鸡养殖项目")
    });
    pty.send(b"\r");
    let screen = pty.expect("the 禾源 item detail", |s| {
        at(s, &format!("总览 › {line} › 禾源白羽鸡养殖项目"))
            && joined(s).contains("成功引进总投资1.2亿元禾源白羽鸡养殖项目")
    });
    assert!(screen.contains("7月底前"), "milestone 7月底前\n{screen}");
    assert!(
        !screen.contains("economy.heyuan-broiler"),
        "no internal id on the item screen (issue 13 point 14)\n{screen}"
    );
}

#[test]
fn q_quits_cleanly_and_restores_the_terminal() {
    let (mut pty, _) = overview();
    pty.send(b"q");
    let status = pty
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("still running after q\n{}", pty.describe()));
    assert!(
        status.success(),
        "exit status {status:?}\n{}",
        pty.describe()
    );

    let raw = pty.raw_bytes();
    let first = |pat: &[u8]| raw.windows(pat.len()).position(|w| w == pat);
    let last = |pat: &[u8]| raw.windows(pat.len()).rposition(|w| w == pat);
    let (enter, leave) = (b"\x1b[?1049h", b"\x1b[?1049l");
    let (hide, show) = (b"\x1b[?25l", b"\x1b[?25h");
    let entered = first(enter).expect("ESC[?1049h: the alternate screen is entered");
    let left = last(leave).expect("ESC[?1049l: the alternate screen is left");
    let shown = last(show).expect("ESC[?25h: the cursor is shown");
    assert!(entered < left, "ESC[?1049l comes after ESC[?1049h");
    assert!(entered < shown, "ESC[?25h comes after ESC[?1049h");
    assert!(
        last(enter) < Some(left),
        "the alternate screen is left last"
    );
    assert!(last(hide) < Some(shown), "the cursor is shown last");
    // The same, as a terminal sees it.
    assert!(!pty.screen().alternate_screen(), "back on the main screen");
    assert!(!pty.screen().hide_cursor(), "cursor visible");
    // Raw mode is off again.
    let t = pty.termios();
    assert!(
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0,
        "raw mode left on: c_lflag={:#o}",
        t.c_lflag
    );
}

#[test]
fn search_finds_heyuan_and_opens_it() {
    let (mut pty, _) = overview();
    pty.send(b"/");
    pty.expect("the search box", |s| at(s, "总览 › 搜索"));
    pty.send("禾源".as_bytes());
    pty.expect("a hit for 禾源", |s| {
        s.contains("/ 禾源")
            && s.lines()
                .any(|l| l.contains("经济发展 › 禾源白羽鸡养殖项目"))
    });
    pty.send(b"\r");
    let screen = pty.expect("the 禾源 item detail", |s| {
        row(s, 1).ends_with("› 禾源白羽鸡养殖项目")
            && joined(s).contains("成功引进总投资1.2亿元禾源白羽鸡养殖项目")
            && s.contains("7月底前")
    });
    assert!(screen.contains("7月底前"), "milestone 7月底前\n{screen}");
}

#[test]
fn laggards_and_help_open_and_esc_returns() {
    let (mut pty, titles) = overview();
    let back_home = |s: &str| at(s, "总览") && all_cards(s, &titles);

    pty.send(b"w");
    pty.expect("the laggard list", |s| {
        at(s, "总览 › 滞后清单") && row(s, 2).starts_with("滞后清单")
    });
    pty.send(b"\x1b");
    pty.expect("the overview after Esc", back_home);

    pty.send(b"?");
    // Wait for the whole frame (a frame may reach the pty in several reads), then check each row.
    let help = pty.expect("the help screen", |s| {
        at(s, "总览 › 帮助") && has_row(s, &["w", "滞后清单"]) && has_row(s, &["q/Ctrl-C", "退出"])
    });
    for words in [
        ["/", "搜索"],
        ["?", "帮助"],
        ["q/Ctrl-C", "退出"],
        ["Esc/Backspace", "返回"],
        ["Enter", "打开/下钻"],
    ] {
        assert!(has_row(&help, &words), "help lists {words:?}\n{help}");
    }
    pty.send(b"\x1b");
    pty.expect("the overview after Esc", back_home);
}

#[test]
fn refuses_to_start_without_a_terminal() {
    let run = run_captured(common::huibao_args());
    let status = run
        .status
        .expect("huibao should exit at once without a terminal");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!status.success(), "exit status {status:?}");
    assert!(stderr.contains("not a terminal"), "stderr: {stderr}");
    assert!(
        !run.stdout.contains(&0x1b),
        "escape codes on stdout: {:?}",
        String::from_utf8_lossy(&run.stdout)
    );
}

#[test]
fn refuses_when_only_stdout_is_redirected() {
    // `huibao > file` from a terminal: stdin and stderr are the pty, stdout a file.
    let out = tempfile::tempfile().expect("temp file");
    let mut pty = Pty::spawn_with_stdout(
        common::huibao_args(),
        COLS,
        ROWS,
        Some(out.try_clone().expect("dup").into()),
    );
    let status = pty
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("still running\n{}", pty.describe()));
    assert!(!status.success(), "exit status {status:?}");
    let said = String::from_utf8_lossy(pty.raw_bytes()).into_owned();
    assert!(said.contains("not a terminal"), "stderr: {said}");
    assert!(
        !pty.raw_bytes().contains(&0x1b),
        "escape codes sent to the terminal: {said:?}"
    );
    assert_eq!(
        out.metadata().expect("stat").len(),
        0,
        "nothing written to stdout"
    );
    let t = pty.termios();
    assert!(t.c_lflag & libc::ICANON != 0, "terminal left in raw mode");
}

#[test]
fn resize_redraws_the_overview() {
    let (mut pty, titles) = overview();
    for (cols, rows) in [(80u16, 24u16), (COLS, ROWS)] {
        let want = common::render_reference(cols, rows, "");
        pty.resize(cols, rows);
        let screen = pty.expect(&format!("the overview redrawn at {cols}x{rows}"), |s| {
            same_below_header(s, &want) && row(s, 0).contains("数据截至")
        });
        assert!(all_cards(&screen, &titles), "card titles\n{screen}");
        for l in screen.lines() {
            let w = unicode_width::UnicodeWidthStr::width(l);
            assert!(w <= cols as usize, "row wider than {cols}: {l:?}");
        }
    }
}
