//! Compiles the bundled `data/` folder into the binary, used when no data folder is found at run time,
//! and links the `huibao` binary statically where the C library allows it (see [`link_static`]).
use std::fmt::Write;
use std::path::Path;

fn main() {
    link_static();
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

/// Links the `huibao` binary as a static PIE on Linux with glibc, when the static C library is
/// installed (`libc6-dev` ships it): no dynamic loader, no shared libraries to map and bind, so
/// every start (the first frame, `--version`) is about 0.7 ms of CPU shorter on this machine.
///
/// `-C target-feature=+crt-static` would do it, but as a rustflag it also reaches proc-macros
/// (which cannot be static) unless every build names `--target`, moving the output directory. So
/// the binary alone gets link arguments: `-static-pie`, and a folder searched first holding the
/// static C libraries under the names rustc asks for, with `libgcc_s` (the unwinder, shared only)
/// standing for the static `libgcc_eh` and `libgcc`. Tests, benches and examples stay dynamic.
/// Anything missing (another C library, no static libraries, no `cc`) leaves the link as it was;
/// `HUIBAO_DYNAMIC=1` does too.
fn link_static() {
    println!("cargo:rerun-if-env-changed=HUIBAO_DYNAMIC");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("CARGO_CFG_TARGET_FEATURE").contains("crt-static")
        || !var("HUIBAO_DYNAMIC").is_empty()
    {
        return;
    }
    // The C compiler rustc links with knows where its static libraries are.
    let find = |name: &str| -> Option<std::path::PathBuf> {
        let out = std::process::Command::new("cc")
            .arg(format!("-print-file-name={name}"))
            .output()
            .ok()?;
        let path = std::path::PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        (path.is_absolute() && path.exists()).then_some(path)
    };
    let dir = Path::new(&var("OUT_DIR")).join("static-libs");
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_err() || find("rcrt1.o").is_none() {
        return;
    }
    for lib in ["c", "m", "rt", "pthread", "dl", "util"] {
        let Some(path) = find(&format!("lib{lib}.a")) else {
            return;
        };
        if std::os::unix::fs::symlink(&path, dir.join(format!("lib{lib}.a"))).is_err() {
            return;
        }
    }
    let (Some(eh), Some(gcc)) = (find("libgcc_eh.a"), find("libgcc.a")) else {
        return;
    };
    // A linker script under the archive's name: the linker takes it where it looks for the archive.
    let script = format!("GROUP ( {} {} )\n", eh.display(), gcc.display());
    if std::fs::write(dir.join("libgcc_s.a"), script).is_err() {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-L{}", dir.display());
    // A static PIE, not a position-dependent executable: the latter would skip relocating ~10,000
    // pointers at start (about 0.1 ms here) but give up the randomised address of our own code.
    println!("cargo:rustc-link-arg-bins=-static-pie");
}
