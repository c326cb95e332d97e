//! Compiles the bundled `data/` folder into the binary, used when no data folder is found at run time.
use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&root) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() {
                println!("cargo:rerun-if-changed={}", path.display());
                if let Ok(inner) = std::fs::read_dir(&path) {
                    for f in inner.flatten() {
                        let fname = f.file_name().to_string_lossy().into_owned();
                        if fname.ends_with(".json") && !fname.starts_with('.') {
                            files.push((format!("{name}/{fname}"), f.path().display().to_string()));
                        }
                    }
                }
            } else if name == "town.json" {
                files.push((name, path.display().to_string()));
            }
        }
    }
    files.sort();
    let mut out = String::from("/// The bundled data files: (path relative to `data/`, contents).\npub const FILES: &[(&str, &str)] = &[\n");
    for (rel, abs) in &files {
        writeln!(out, "    ({rel:?}, include_str!({abs:?})),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}
