//! The watcher says which paths a burst of saves changed, and a reload told those paths shows the
//! save — the same as a full load of the folder.

mod common;

use common::{copy_data, loaded_value, party_path, party_with, save_like_editor};
use huibao::model::load::load_dir;
use huibao::model::reload::Reloader;
use huibao::watch::{self, Changed, DEBOUNCE};
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// How long a burst's signal may take (debounce plus a loaded machine).
const FIRST: Duration = Duration::from_secs(5);

fn next(rx: &Receiver<Changed>, what: &str) -> Changed {
    rx.recv_timeout(FIRST)
        .unwrap_or_else(|e| panic!("{what}: no signal within {FIRST:?} ({e:?})"))
}

#[test]
fn an_editor_s_save_names_the_file_and_a_reload_of_it_shows_the_save() {
    let dir = copy_data();
    let mut reloader = Reloader::new(dir.path());
    reloader.reload();
    let (_watch, rx) = watch::watch_changes(dir.path(), DEBOUNCE).expect("watch the folder");
    let party = party_path(dir.path());
    save_like_editor(&party, party_with(4242).as_bytes());
    let changed = next(&rx, "an editor's save").expect("the watcher can say what changed");
    let party = std::path::absolute(&party).expect("an absolute path");
    assert!(changed.contains(&party), "{changed:#?}");
    let ds = reloader.reload_changed(&changed);
    assert_eq!(loaded_value(&ds), Some(4242.0));
    assert_eq!(ds, load_dir(dir.path()));
}

#[test]
fn bursts_merge_and_an_unsure_burst_makes_the_merge_unsure() {
    let a = Some(vec!["a".into()]);
    let b = Some(vec!["b".into()]);
    assert_eq!(
        watch::merge(a.clone(), b),
        Some(vec!["a".into(), "b".into()])
    );
    assert_eq!(watch::merge(a.clone(), None), None);
    assert_eq!(watch::merge(None, a), None);
}
