//! A broken data file keeps its line in place and shows the last good snapshot, marked old, at start-up and after a reload.

use super::*;

#[test]
fn a_broken_file_keeps_its_line_in_place_with_its_number_and_key() {
    let dir = broken_safety();
    let mut s = state_of(dir.path(), "2023-07-03");
    let ids: Vec<&str> = s.board.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "party",
            "economy",
            "infrastructure",
            "safety",
            "livelihood",
            "targets"
        ]
    );
    let safety = &s.board.lines[3];
    assert_eq!(
        safety.short, "安全生产",
        "the name is read from the broken file"
    );
    assert!(safety.items.is_empty() && safety.broken.is_some());
    press(&mut s, "4");
    assert_eq!(
        s.route(),
        Route::Line(LineId("safety".into())),
        "4 still opens 安全生产"
    );
    press(&mut s, "Esc 5");
    assert_eq!(s.route(), Route::Line(LineId("livelihood".into())));

    let text = screen(&state_of(dir.path(), "2023-07-03"), (80, 24), "");
    let card: String = text.lines().skip(3).take(8).collect::<Vec<_>>().join("\n");
    assert!(card.contains("4 安全生产"), "{text}");
    assert!(card.contains("未能加载"), "{text}");
    assert!(
        text.contains("safety.json:6:3"),
        "the card names path:line:col:\n{text}"
    );
}

#[test]
fn after_a_reload_a_broken_file_shows_its_last_good_version_marked_old() {
    let dir = common::copy_data();
    let good = load::load_dir(dir.path());
    let path = dir.path().join(common::SNAPSHOT).join("safety.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    let mut fresh = load::load_dir(dir.path());
    load::keep_last_good(&mut fresh, &good);
    let mut s = State::new(good, Lang::Zh, day("2023-07-03"));
    s.replace_data(fresh);
    let safety = &s.board.lines[3];
    assert_eq!(safety.id, "safety");
    assert!(safety.is_old(), "the last good items are shown, marked old");
    let text = screen(&s, (120, 40), "4");
    assert!(
        text.contains("未能加载 · 下面是旧版 截至 2023-06-30"),
        "{text}"
    );
    assert!(text.contains("消防隐患排查整改"), "{text}");
}

#[test]
fn pty_start_up_with_a_broken_file_keeps_the_agenda() {
    let dir = broken_safety();
    let mut pty = common::Pty::spawn(common::huibao_args_for(dir.path()), 80, 24);
    pty.expect("the broken card", |s| {
        s.contains("4 安全生产") && s.contains("未能加载") && s.contains("safety.json:6:3")
    });
    pty.send(b"4");
    pty.expect("4 opens 安全生产", |s| {
        common::row(s, 1).contains("总览 › 安全生产")
    });
    pty.send(b"q");
    assert!(pty.wait_exit(common::TIMEOUT).is_some_and(|s| s.success()));
}

#[test]
fn at_start_up_a_broken_newest_file_shows_the_line_s_older_snapshot_marked_old() {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new("tests/fixtures/history");
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = tmp.path().join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(&to).unwrap();
            for f in std::fs::read_dir(entry.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let party = tmp.path().join("2024-05-03").join("party.json");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    let s = state_of(tmp.path(), "2024-05-10");
    let line = &s.board.lines[0];
    assert_eq!(line.id, "party");
    assert!(line.is_old(), "the 04-26 snapshot is shown");
    assert_eq!(line.as_of, day("2024-04-26"));
    let text = screen(&s, (120, 40), "1");
    assert!(
        text.contains("未能加载 · 下面是旧版 截至 2024-04-26"),
        "{text}"
    );
}

/// `tests/fixtures/history` copied, with a stray comma in the newest `party.json` (2024-05-03).
fn history_with_broken_party() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("tests/fixtures/history").unwrap() {
        let entry = entry.unwrap();
        let to = tmp.path().join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(&to).unwrap();
            for f in std::fs::read_dir(entry.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let party = tmp.path().join("2024-05-03").join("party.json");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, text.replacen("\"groups\"", ",\"groups\"", 1)).unwrap();
    tmp
}

#[test]
fn the_dashboard_s_first_frame_and_its_full_load_show_a_broken_newest_file_s_older_snapshot() {
    // As the dashboard loads: the first frame from each line's newest snapshots, then the whole
    // history behind it, through the same Reloader.
    let tmp = history_with_broken_party();
    let mut reloader = huibao::model::reload::Reloader::new(tmp.path());
    let first = reloader.load_recent();
    assert!(first.older_pending, "older folders are left for later");
    for (what, data) in [("first frame", first), ("full load", reloader.reload())] {
        assert!(
            data.failed.iter().any(|(id, f)| id == "party"
                && f.date == day("2024-05-03")
                && f.problem.path.ends_with("2024-05-03/party.json")),
            "{what}: {:?}",
            data.failed
        );
        let s = State::new(data, Lang::Zh, day("2024-05-10"));
        let line = &s.board.lines[0];
        assert_eq!(line.id, "party", "{what}: the line keeps its place");
        assert!(line.is_old(), "{what}: the 04-26 snapshot is shown");
        assert_eq!(line.as_of, day("2024-04-26"), "{what}");
        let text = screen(&s, (120, 40), "1");
        assert!(
            text.contains("未能加载 · 下面是旧版 截至 2024-04-26"),
            "{what}: {text}"
        );
    }
}
