//! A live reload told which paths changed (`Reloader::reload_changed`, as the watcher tells it) gives
//! exactly what a fresh full load of the folder gives: the same lines, dates, failed files and
//! problems in the same order — unit changes between snapshots included — while it looks only at
//! the snapshot folders that changed.

use huibao::model::load::load_dir;
use huibao::model::reload::Reloader;
use huibao::model::say::message;
use huibao::model::{Dataset, Lang};
use std::path::{Path, PathBuf};

/// `tests/fixtures/history` copied (ten weekly snapshot folders of five lines).
fn history() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temp dir");
    copy_tree(Path::new("tests/fixtures/history"), tmp.path());
    tmp
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make a folder");
    for entry in std::fs::read_dir(from).expect("list a folder") {
        let entry = entry.expect("an entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).expect("copy a file");
        }
    }
}

/// Rewrites a file with `replace` applied once (panics when `from` is not in it).
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read a line file");
    assert!(text.contains(from), "{} holds {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write a line file");
}

/// The paths as the watcher names them: absolute.
fn absolute(paths: &[&Path]) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| std::path::absolute(p).expect("an absolute path"))
        .collect()
}

/// Reloads after `changed` and checks the result against a fresh full load of the folder.
fn reload_matches(reloader: &mut Reloader, dir: &Path, changed: &[&Path], what: &str) -> Dataset {
    let reloaded = reloader.reload_changed(&absolute(changed));
    let fresh = load_dir(dir);
    assert_eq!(reloaded.problems, fresh.problems, "{what}: problems");
    assert_eq!(reloaded.lines, fresh.lines, "{what}: lines");
    assert_eq!(reloaded.dates, fresh.dates, "{what}: dates");
    assert_eq!(reloaded.failed, fresh.failed, "{what}: failed files");
    assert_eq!(reloaded, fresh, "{what}: the whole dataset");
    reloaded
}

fn unit_warnings(ds: &Dataset) -> Vec<String> {
    ds.problems
        .iter()
        .map(|d| (d, message(&d.message, Lang::Zh)))
        .filter(|(_, said)| said.contains("与上期"))
        .map(|(d, said)| format!("{} {} {said}", d.path, d.field))
        .collect()
}

#[test]
fn a_reload_after_each_change_equals_a_fresh_full_load() {
    let tmp = history();
    let dir = tmp.path();
    let mut reloader = Reloader::new(dir);
    let first = reloader.reload();
    assert_eq!(first, load_dir(dir), "the first full load");
    assert!(
        unit_warnings(&first).is_empty(),
        "the fixture has no unit change"
    );
    a_unit_changed_then_fixed_in_the_middle(&mut reloader, dir);
    the_newest_unit_changed_then_a_file_deleted(&mut reloader, dir);
    let early = snapshot_folders_added(&mut reloader, dir);
    a_line_given_twice(&mut reloader, dir);
    let broken = broken_renamed_and_removed(&mut reloader, dir, &early);
    town_changed_and_a_change_named_by_its_folder(&mut reloader, dir, &broken);

    // Nothing changed: the same again.
    reload_matches(&mut reloader, dir, &[], "nothing changed");
}

/// A unit changed in the middle of the history: two pairs (the week before, the week after); fixed in
/// the same file: both warnings go.
fn a_unit_changed_then_fixed_in_the_middle(reloader: &mut Reloader, dir: &Path) {
    let mid = dir.join("2024-04-12").join("party.json");
    edit(&mid, "\"unit\": \"次\"", "\"unit\": \"场\"");
    let ds = reload_matches(reloader, dir, &[&mid], "unit change introduced");
    let warned = unit_warnings(&ds);
    assert_eq!(warned.len(), 2, "{warned:#?}");
    assert!(
        warned[0].contains("2024-04-12/party.json")
            && warned[0].contains("单位“场”与上期（2024-04-05）的“次”不同"),
        "{warned:#?}"
    );
    assert!(
        warned[1].contains("2024-04-19/party.json")
            && warned[1].contains("单位“次”与上期（2024-04-12）的“场”不同"),
        "{warned:#?}"
    );

    edit(&mid, "\"unit\": \"场\"", "\"unit\": \"次\"");
    let ds = reload_matches(reloader, dir, &[&mid], "unit change fixed");
    assert!(unit_warnings(&ds).is_empty(), "{:#?}", unit_warnings(&ds));
}

/// A unit changed in the newest file, then a file deleted in the middle of the history: the pair
/// around the gap is checked anew.
fn the_newest_unit_changed_then_a_file_deleted(reloader: &mut Reloader, dir: &Path) {
    let newest = dir.join("2024-05-03").join("projects.json");
    edit(&newest, "\"unit\": \"亩\"", "\"unit\": \"公顷\"");
    let ds = reload_matches(reloader, dir, &[&newest], "newest unit changed");
    assert_eq!(unit_warnings(&ds).len(), 1, "{:#?}", unit_warnings(&ds));
    let gone = dir.join("2024-04-19").join("infra.json");
    std::fs::remove_file(&gone).expect("delete a file");
    reload_matches(reloader, dir, &[&gone], "a file deleted");
}

/// A snapshot folder added after the newest, and one in the middle (every folder after it moves one
/// place in the loading order). Returns the one in the middle.
fn snapshot_folders_added(reloader: &mut Reloader, dir: &Path) -> PathBuf {
    let added = dir.join("2024-05-10");
    copy_tree(&dir.join("2024-05-03"), &added);
    edit(&added.join("party.json"), "2024-05-03", "2024-05-10");
    let ds = reload_matches(
        reloader,
        dir,
        &[&added, &added.join("party.json")],
        "a snapshot folder added",
    );
    assert_eq!(
        ds.latest_date().map(|d| d.to_string()).as_deref(),
        Some("2024-05-10")
    );
    let early = dir.join("2024-03-02");
    copy_tree(&dir.join("2024-03-01"), &early);
    reload_matches(reloader, dir, &[&early], "a folder added in the middle");
    early
}

/// A second file claiming a line on the same date: the first in name order gives it, the other is a
/// problem.
fn a_line_given_twice(reloader: &mut Reloader, dir: &Path) {
    let copy = dir.join("2024-04-05").join("party-copy.json");
    std::fs::copy(dir.join("2024-04-05").join("party.json"), &copy).expect("copy a file");
    let ds = reload_matches(reloader, dir, &[&copy], "a line given twice");
    assert!(
        ds.problems
            .iter()
            .any(|d| d.path.ends_with("2024-04-05/party.json")
                && d.message.contains("is already given by")
                && d.message.contains("party-copy.json")),
        "{:#?}",
        ds.problems
    );
}

/// A broken file, a file saved under a name that is not read, then the folder `early` removed.
/// Returns the broken file.
fn broken_renamed_and_removed(reloader: &mut Reloader, dir: &Path, early: &Path) -> PathBuf {
    let broken = dir.join("2024-03-22").join("safety.json");
    edit(&broken, "\"groups\"", ",\"groups\"");
    let ds = reload_matches(reloader, dir, &[&broken], "a broken file");
    assert!(ds.errors().next().is_some(), "the broken file is an error");
    let renamed = dir.join("2024-03-29").join("party.json.txt");
    std::fs::rename(dir.join("2024-03-29").join("party.json"), &renamed).expect("rename");
    reload_matches(
        reloader,
        dir,
        &[&renamed, &dir.join("2024-03-29").join("party.json")],
        "a file renamed away from .json",
    );
    std::fs::remove_dir_all(early).expect("remove a folder");
    reload_matches(reloader, dir, &[early], "a folder removed");
    broken
}

/// town.json reorders the lines; then `broken` mended, a change the watcher named only by its folder.
fn town_changed_and_a_change_named_by_its_folder(
    reloader: &mut Reloader,
    dir: &Path,
    broken: &Path,
) {
    let town = dir.join("town.json");
    edit(&town, "\"party\",\n", "");
    edit(&town, "\"targets\"", "\"targets\",\n    \"party\"");
    reload_matches(reloader, dir, &[&town], "town.json changed");
    edit(broken, ",\"groups\"", "\"groups\"");
    reload_matches(
        reloader,
        dir,
        &[&broken.with_file_name("")],
        "named by its folder",
    );
}

#[test]
fn a_reload_told_what_changed_looks_only_there_and_a_full_reload_looks_everywhere() {
    let tmp = history();
    let dir = tmp.path();
    let mut reloader = Reloader::new(dir);
    reloader.reload();
    let party = dir.join("2024-05-03").join("party.json");
    edit(&party, "\"unit\": \"次\"", "\"unit\": \"场\"");
    // The watcher named another folder: this one is taken as it was, without a look.
    let other = dir.join("2024-03-01").join("party.json");
    let ds = reloader.reload_changed(&absolute(&[&other]));
    assert!(unit_warnings(&ds).is_empty(), "{:#?}", unit_warnings(&ds));
    // `r` (or a watcher that cannot say what changed) looks at every file.
    let ds = reloader.reload();
    assert_eq!(ds, load_dir(dir));
    assert_eq!(unit_warnings(&ds).len(), 1, "{:#?}", unit_warnings(&ds));
    // A path outside the folder makes it a full reload too.
    edit(&party, "\"unit\": \"场\"", "\"unit\": \"次\"");
    let outside = tmp
        .path()
        .parent()
        .expect("a parent")
        .join("elsewhere.json");
    assert_eq!(reloader.reload_changed(&[outside]), load_dir(dir));
}

#[test]
fn the_first_frame_then_a_reload_told_what_changed_equals_a_full_load() {
    // As the dashboard runs: the first frame's snapshots, the whole history behind it, then live
    // reloads.
    let tmp = history();
    let dir = tmp.path();
    let mut reloader = Reloader::new(dir);
    assert!(reloader.load_recent().older_pending);
    assert_eq!(reloader.reload(), load_dir(dir));
    let safety = dir.join("2024-05-03").join("safety.json");
    edit(
        &safety,
        "\"as_of\": \"2024-05-03\"",
        "\"as_of\": \"2024-05-02\"",
    );
    let ds = reload_matches(&mut reloader, dir, &[&safety], "as_of changed");
    assert!(
        ds.problems
            .iter()
            .any(|d| d.message.contains("as_of 2024-05-02 differs")),
        "{:#?}",
        ds.problems
    );
}

/// The dashboard's start-up looks once more after arming the watcher and shows what it finds only
/// when the fingerprint moved: the first frame's load of a folder whose every snapshot it read (the
/// seed) and the full load of the same unchanged folder must agree, or the dashboard would say
/// 已重新加载 at every start.
#[test]
fn the_first_frames_fingerprint_equals_the_full_loads_until_a_file_changes() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    copy_tree(Path::new("data"), tmp.path());
    let mut reloader = Reloader::new(tmp.path());
    let first = reloader.load_recent();
    assert!(
        !first.older_pending,
        "the seed is one snapshot: all of it is in the first frame"
    );
    let before = reloader.fingerprint();
    reloader.reload();
    assert_eq!(reloader.fingerprint(), before, "nothing changed");
    let file = tmp.path().join("2023-06-30/party.json");
    edit(&file, "\"as_of\"", "\"as_of\" ");
    reloader.reload();
    assert_ne!(reloader.fingerprint(), before, "a saved file moves it");
}
