//! Generates large data folders for tests and benchmarks: many snapshot dates of the seed's lines.

use chrono::{Days, NaiveDate};
use std::path::Path;

/// Writes `dates` daily snapshot folders from 2015-01-01 into `dir`, each holding the seed's line
/// files with the seed date replaced by the folder's date; copies town.json. Returns the bytes written.
pub fn generate(dir: &Path, dates: u64) -> u64 {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let seed = "2023-06-30";
    let files: Vec<(String, String)> = std::fs::read_dir(data.join(seed))
        .expect("read the seed snapshot")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("read a seed file");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    std::fs::copy(data.join("town.json"), dir.join("town.json")).expect("copy town.json");
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date");
    let mut bytes = 0;
    for i in 0..dates {
        let date = (first + Days::new(i)).to_string();
        let folder = dir.join(&date);
        std::fs::create_dir(&folder).expect("create a snapshot folder");
        for (name, text) in &files {
            let text = text.replace(seed, &date);
            bytes += text.len() as u64;
            std::fs::write(folder.join(name), text).expect("write a line file");
        }
    }
    bytes
}
