//! Data folders for live-reload tests: a copy of the seed data, editor-like saves, fifos and the changed item.

use super::*;

// ── Data folders for live-reload tests ────────────────────────────────────────────────────────────

/// The snapshot folder of the seed data (the only one in `data/`).
pub const SNAPSHOT: &str = "2023-06-30";

/// The item that live-reload tests change: 党风廉政建设专题会议, 6次 in the seed.
pub const ITEM_ID: &str = "party.anti-corruption-meetings";

/// Its label, as the line panel shows it.
pub const ITEM_LABEL: &str = "党风廉政建设专题会议";

/// A copy of the repository's `data/` folder (town.json and the snapshot folders) in a new temporary
/// folder, so that a test can change files without touching `data/`.
pub fn copy_data() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&data_dir(), tmp.path());
    tmp
}

/// Copies the folder `from` to `to` (made when missing), every file and folder in it.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("make the copy's folder");
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir(&target).expect("create a folder in the copy");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// `--data <dir> --today 2023-07-03`.
pub fn huibao_args_for(dir: &std::path::Path) -> Vec<OsString> {
    vec![
        "--data".into(),
        dir.as_os_str().to_owned(),
        "--today".into(),
        TODAY.into(),
    ]
}

/// `<dir>/2023-06-30/party.json`.
pub fn party_path(dir: &std::path::Path) -> PathBuf {
    dir.join(SNAPSHOT).join("party.json")
}

/// The seed's party.json with the first figure of [`ITEM_ID`] set to `value`, pretty-printed.
pub fn party_with(value: u64) -> String {
    let path = party_path(&data_dir());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let item = json["groups"]
        .as_array_mut()
        .expect("party.json: groups")
        .iter_mut()
        .flat_map(|g| g["items"].as_array_mut().expect("party.json: items"))
        .find(|i| i["id"] == ITEM_ID)
        .unwrap_or_else(|| panic!("party.json has no item {ITEM_ID}"));
    item["figures"][0]["value"] = value.into();
    let mut out = serde_json::to_string_pretty(&json).expect("serialize party.json");
    out.push('\n');
    out
}

/// Saves `contents` to `path` the way editors do: write `<name>.tmp` beside it, then rename it over.
pub fn save_like_editor(path: &std::path::Path, contents: &[u8]) {
    let mut name = path.file_name().expect("a file name").to_owned();
    name.push(".tmp");
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, contents).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    std::fs::rename(&tmp, path).unwrap_or_else(|e| panic!("rename over {}: {e}", path.display()));
}

/// The first half of `text`, cut on a character boundary: a file saved only half-way.
pub fn cut_in_half(text: &str) -> &str {
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    &text[..half]
}

/// The value of [`ITEM_ID`]'s first figure in the loaded data's 2023-06-30 snapshot of `party`.
pub fn loaded_value(ds: &huibao::model::Dataset) -> Option<f64> {
    let date = chrono::NaiveDate::parse_from_str(SNAPSHOT, "%Y-%m-%d").expect("a date");
    ds.line("party")?
        .snapshots
        .iter()
        .find(|s| s.date == date)?
        .file
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .find(|i| i.id == ITEM_ID)?
        .figures
        .first()?
        .value?
        .num()
}

/// Makes a named pipe at `path` (nobody ever writes to it).
pub fn mkfifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()))
        .expect("a path without NUL");
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
