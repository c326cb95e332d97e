//! Live reload, end to end: the real binary on a pseudo-terminal follows a copy of `data/` while a test
//! edits it like an editor would. Every step waits for screen content with a deadline.

mod common;

use common::{
    copy_data, cut_in_half, huibao_args_for, party_path, party_with, row, save_like_editor, Pty,
    ITEM_LABEL,
};
use std::ffi::OsString;
use std::time::Duration;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// How long a change may take to reach the screen (debounce or poll, plus a loaded machine).
const RELOAD: Duration = Duration::from_secs(5);

/// The dashboard on a copy of `data/` (plus `extra` options), on line 1's panel showing 6次.
struct Live {
    dir: tempfile::TempDir,
    pty: Pty,
    crumbs: String,
}

impl Live {
    fn start(extra: &[&str]) -> Live {
        let dir = copy_data();
        let mut args = huibao_args_for(dir.path());
        args.extend(extra.iter().map(OsString::from));
        let mut pty = Pty::spawn(args, COLS, ROWS);
        pty.expect("the overview", |s| row(s, 1).starts_with("总览"));
        pty.send(b"1");
        let crumbs = format!("总览 › {}", party_short());
        let mut live = Live { dir, pty, crumbs };
        live.expect("line 1's panel with 6次", |s| shows(s, "6次"));
        live
    }

    /// Waits up to [`RELOAD`] until the screen is still line 1's panel and `pred` holds; panics with
    /// the screen on time-out.
    #[track_caller]
    fn expect(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let crumbs = self.crumbs.as_str();
        self.pty
            .wait_for(|s| row(s, 1) == crumbs && pred(s), RELOAD)
            .unwrap_or_else(|e| panic!("waiting for {what} on line 1's panel: {e}"))
    }

    /// Saves party.json like an editor (temp file renamed over it).
    fn save(&self, contents: &str) {
        save_like_editor(&party_path(self.dir.path()), contents.as_bytes());
    }
}

/// The `short` title of the party line, as the breadcrumbs show it.
fn party_short() -> String {
    let v: serde_json::Value = serde_json::from_str(&party_with(6)).expect("party.json");
    v["short"].as_str().expect("party.json: short").to_string()
}

/// True when the row of [`ITEM_LABEL`] shows exactly `figure` (e.g. "7次") as one of its cells.
fn shows(screen: &str, figure: &str) -> bool {
    screen
        .lines()
        .find(|l| l.contains(ITEM_LABEL))
        .is_some_and(|l| l.split_whitespace().any(|w| w == figure))
}

/// The error banner for party.json: "⚠ 未能加载 N: …/2023-06-30/party.json:LINE:COL: …".
fn banner(screen: &str) -> bool {
    let Some(l) = screen.lines().find(|l| l.contains("未能加载")) else {
        return false;
    };
    let Some((_, rest)) = l.split_once("2023-06-30/party.json:") else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let num =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    num(parts.next()) && num(parts.next())
}

#[test]
fn watch_follows_saves_keeps_the_last_good_figure_and_shows_the_error() {
    let mut live = Live::start(&[]);
    live.save(&party_with(7));
    live.expect("7次 after the save", |s| {
        shows(s, "7次") && !s.contains("未能加载")
    });

    live.save(cut_in_half(&party_with(8)));
    let screen = live.expect("the banner for the broken party.json", banner);
    assert!(
        shows(&screen, "7次"),
        "the last good figure stays on screen while the file is broken\n{screen}"
    );

    live.save(&party_with(8));
    live.expect("8次 and no banner after the repair", |s| {
        shows(s, "8次") && !s.contains("未能加载")
    });
}

#[test]
fn poll_follows_a_save() {
    let mut live = Live::start(&["--poll", "1"]);
    live.save(&party_with(7));
    live.expect("7次 after the save (polling every second)", |s| {
        shows(s, "7次")
    });
}

/// A share with a coarse clock (two seconds on FAT and SMB): a correction saved right after a save,
/// of the same size, leaves the file's size and time as they were. Polling reads such a file again.
#[test]
fn poll_follows_a_correction_of_the_same_size_and_time() {
    let mut live = Live::start(&["--poll", "1"]);
    // A second ahead of the clock, so that the file's time still cannot vouch for it (less than
    // two seconds old) when the poller looks again, however slow this machine is.
    let t = std::time::SystemTime::now() + Duration::from_secs(1);
    let path = party_path(live.dir.path());
    let save_at = |text: &str| {
        save_like_editor(&path, text.as_bytes());
        let f = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open party.json");
        f.set_modified(t).expect("set its time");
    };
    save_at(&party_with(7));
    live.expect("7次 after the save", |s| shows(s, "7次"));
    let before = huibao::watch::fingerprint(live.dir.path());
    save_at(&party_with(8));
    assert_eq!(before, huibao::watch::fingerprint(live.dir.path()));
    live.expect("8次 after the correction", |s| shows(s, "8次"));
}

#[test]
fn r_reloads_by_hand() {
    // Polling once an hour: nothing reloads on its own during the test.
    let mut live = Live::start(&["--poll", "3600"]);
    live.save(&party_with(7));
    let crumbs = live.crumbs.clone();
    let early = live.pty.wait_for(
        |s| row(s, 1) != crumbs || shows(s, "7次"),
        Duration::from_secs(1),
    );
    assert!(
        early.is_err(),
        "the screen changed before r was pressed:\n{}",
        early.unwrap_or_default()
    );
    live.pty.send(b"r");
    live.expect("7次 after r", |s| shows(s, "7次"));
}

/// What the dashboard does on a reload signal (`app::run::reload`): load the folder, then keep the last
/// good contents of files that fail.
fn reload(dir: &std::path::Path, old: &huibao::model::Dataset) -> huibao::model::Dataset {
    let mut fresh = huibao::model::load::load_dir(dir);
    huibao::model::load::keep_last_good(&mut fresh, old);
    fresh
}

#[test]
fn last_good_contents_survive_several_reloads_while_a_file_is_broken() {
    let dir = copy_data();
    save_like_editor(&party_path(dir.path()), party_with(7).as_bytes());
    let good = huibao::model::load::load_dir(dir.path());
    assert_eq!(common::loaded_value(&good), Some(7.0));
    save_like_editor(
        &party_path(dir.path()),
        cut_in_half(&party_with(8)).as_bytes(),
    );
    let first = reload(dir.path(), &good);
    // Another file is saved while party.json is still broken: a second reload, from the first.
    let economy = dir.path().join(common::SNAPSHOT).join("economy.json");
    let text = std::fs::read(&economy).expect("economy.json");
    save_like_editor(&economy, &text);
    let second = reload(dir.path(), &first);
    for (n, ds) in [(1, &first), (2, &second)] {
        assert_eq!(
            common::loaded_value(ds),
            Some(7.0),
            "reload {n}: the last good figure"
        );
        assert_eq!(ds.errors().count(), 1, "reload {n}: {:#?}", ds.problems);
        assert_eq!(
            ds.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            good.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
            "reload {n}: every line, in order"
        );
    }
}

#[test]
fn a_broken_town_json_keeps_the_last_good_town() {
    let dir = copy_data();
    let good = huibao::model::load::load_dir(dir.path());
    let town = dir.path().join("town.json");
    let text = std::fs::read_to_string(&town).expect("town.json");
    save_like_editor(&town, cut_in_half(&text).as_bytes());
    let after = reload(dir.path(), &good);
    assert_eq!(after.errors().count(), 1, "{:#?}", after.problems);
    assert_eq!(
        after.town, good.town,
        "title, line order and thresholds stay"
    );
    assert_eq!(
        after
            .lines
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>(),
        good.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        "the meeting order stays"
    );
}

/// The row of the panel the selection mark `>` is on.
fn selected_row(screen: &str) -> Option<usize> {
    screen.lines().position(|l| l.starts_with('>'))
}

#[test]
fn keys_and_q_work_while_a_load_is_stuck() {
    // A named pipe ending in .json: opening it blocks until something writes to it. The load runs on
    // its own thread, so the screen keeps answering keys and q ends the program at once.
    let mut live = Live::start(&["--poll", "3600"]);
    let fifo = live.dir.path().join("2023-06-30").join("zz-pipe.json");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo");
    let before = selected_row(&live.pty.screen_text());
    live.pty.send(b"r");
    live.pty.send(b"j");
    live.expect("the selection moved by j after r", |s| {
        selected_row(s).is_some() && selected_row(s) != before
    });
    live.pty.send(b"q");
    let status = live.pty.wait_exit(Duration::from_secs(1));
    assert!(
        status.is_some_and(|s| s.success()),
        "q ends the dashboard within 1 s during a stuck load ({status:?})\n{}",
        live.pty.describe()
    );
}

/// A FIFO named like a line file dropped into the watched folder: the reload reports it instead of
/// blocking on it, and `q` still quits at once (issue 15, point 1).
#[test]
fn a_fifo_dropped_into_the_folder_is_reported_and_q_still_quits() {
    let mut live = Live::start(&[]);
    let fifo = live.dir.path().join(common::SNAPSHOT).join("x.json");
    common::mkfifo(&fifo);
    live.expect("the banner naming the pipe", |s| {
        s.lines()
            .any(|l| l.contains("未能加载") && l.contains("x.json") && l.contains("命名管道"))
    });
    assert!(shows(&live.pty.screen_text(), "6次"), "the figures stay");
    live.pty.send(b"q");
    assert!(
        live.pty.wait_exit(Duration::from_secs(1)).is_some(),
        "q did not end the dashboard within 1 s"
    );
}

/// The dashboard on `<tmp>/data` (a copy of `data/`, in a folder of its own so that it can be
/// swapped), on line 1's panel. The returned `Live`'s `dir` is `<tmp>`.
fn start_in_subfolder() -> (std::path::PathBuf, Live) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let data = tmp.path().join("data");
    common::copy_tree(&common::data_dir(), &data);
    let mut pty = Pty::spawn(huibao_args_for(&data), COLS, ROWS);
    pty.expect("the overview", |s| row(s, 1).starts_with("总览"));
    pty.send(b"1");
    let crumbs = format!("总览 › {}", party_short());
    let mut live = Live {
        dir: tmp,
        pty,
        crumbs,
    };
    live.expect("line 1's panel with 6次", |s| shows(s, "6次"));
    (data, live)
}

/// `mv data data.old && mv data.new data` while the dashboard watches `data`: the new contents
/// show, and later saves in the new folder show too (issue 15, point 2).
#[test]
fn a_replaced_data_folder_is_followed() {
    let (data, mut live) = start_in_subfolder();
    let tmp = live.dir.path().to_path_buf();
    let new = tmp.join("data.new");
    common::copy_tree(&data, &new);
    std::fs::write(party_path(&new), party_with(7)).expect("change data.new");
    std::fs::rename(&data, tmp.join("data.old")).expect("mv data data.old");
    std::fs::rename(&new, &data).expect("mv data.new data");
    live.expect("7次 from the new folder", |s| shows(s, "7次"));
    save_like_editor(&party_path(&data), party_with(8).as_bytes());
    live.expect("8次 saved in the new folder", |s| shows(s, "8次"));
}

/// Renaming the data folder away keeps every figure and names the folder; renaming it back
/// clears the banner (issue 15, point 3).
#[test]
fn a_data_folder_renamed_away_and_back_keeps_the_figures() {
    let (data, mut live) = start_in_subfolder();
    let away = live.dir.path().join("away");
    std::fs::rename(&data, &away).expect("mv data away");
    live.expect("the banner naming the data folder, figures kept", |s| {
        shows(s, "6次")
            && s.lines()
                .any(|l| l.contains("未能加载") && l.contains("无法读取数据文件夹"))
    });
    std::fs::write(party_path(&away), party_with(9)).expect("save in the renamed folder");
    std::fs::rename(&away, &data).expect("mv away data");
    live.expect("9次 and no banner once it is back", |s| {
        shows(s, "9次") && !s.contains("未能加载")
    });
}
