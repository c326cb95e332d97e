//! Writing a command's output so that none is lost silently: every write and the final flush are
//! checked, and `-o FILE` is written to a temporary file in the same folder and renamed into place.

use crate::cli::Lang;
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How writing to standard output ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    /// Everything was written and flushed.
    All,
    /// The reader went away (`huibao validate | head`): it asked for no more, so this is not an
    /// error and is not reported.
    ReaderGone,
}

/// Writes `text` to standard output and flushes it; any failure but a closed pipe is an error.
pub fn to_stdout(text: &str) -> io::Result<Sent> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(Sent::All),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(Sent::ReaderGone),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to `path` whole or not at all: into a new temporary file beside it, flushed to
/// the disk, then renamed over `path`. On any failure the temporary file is removed and `path` is
/// left as it was. A path that names a device or a pipe (`/dev/stdout`) is written directly.
pub fn to_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = match fs::symlink_metadata(path) {
        // Write where the link points, keeping the link.
        Ok(md) if md.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let existing = fs::metadata(&target).ok();
    if let Some(md) = &existing {
        if md.is_dir() {
            return Err(io::Error::new(ErrorKind::IsADirectory, "it is a folder"));
        }
        if !md.is_file() {
            let mut f = OpenOptions::new().write(true).open(&target)?;
            return f.write_all(bytes).and_then(|_| f.flush());
        }
    }
    let (tmp, mut file) = create_beside(&target)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(md) = &existing {
            // The replaced file's permissions carry over.
            file.set_permissions(md.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Creates a new, empty temporary file in the folder of `target` (never an existing one).
fn create_beside(target: &Path) -> io::Result<(PathBuf, File)> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy();
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Why a write failed, in the interface language (the system's own words follow in brackets).
pub fn reason(e: &io::Error, lang: Lang) -> String {
    let zh = match e.kind() {
        ErrorKind::StorageFull => Some("磁盘已满"),
        ErrorKind::PermissionDenied => Some("没有写入权限"),
        ErrorKind::NotFound => Some("文件夹不存在"),
        ErrorKind::ReadOnlyFilesystem => Some("文件系统只读"),
        ErrorKind::IsADirectory => Some("这是一个文件夹"),
        ErrorKind::FileTooLarge => Some("文件超过允许的大小"),
        ErrorKind::QuotaExceeded => Some("超出磁盘配额"),
        _ => None,
    };
    match (lang, zh) {
        (Lang::Zh, Some(zh)) => format!("{zh}（{e}）"),
        _ => e.to_string(),
    }
}

/// The message for output that could not be written to standard output.
pub fn stdout_failed(e: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("输出未能写出（标准输出）：{}", reason(e, lang)),
        Lang::En => format!(
            "the output could not be written (standard output): {}",
            reason(e, lang)
        ),
    }
}

/// The message for a `-o FILE` that could not be written.
pub fn file_failed(path: &Path, e: &io::Error, lang: Lang) -> String {
    let shown = crate::model::sanitize::for_terminal(&path.display().to_string());
    match lang {
        Lang::Zh => format!(
            "无法写入 {shown}：{}；没有留下不完整的文件",
            reason(e, lang)
        ),
        Lang::En => format!(
            "cannot write {shown}: {}; no partial file was left",
            reason(e, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.md");
        fs::write(&path, "old").expect("write");
        to_file(&path, "新内容".as_bytes()).expect("write atomically");
        assert_eq!(fs::read_to_string(&path).expect("read"), "新内容");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["out.md"]);
    }

    #[test]
    fn a_folder_is_not_a_file_to_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let e = to_file(dir.path(), b"x").expect_err("a folder");
        assert_eq!(
            file_failed(Path::new("out"), &e, Lang::Zh),
            "无法写入 out：这是一个文件夹（it is a folder）；没有留下不完整的文件"
        );
    }

    #[test]
    fn a_full_device_is_an_error_in_either_language() {
        let e = to_file(Path::new("/dev/full"), b"x").expect_err("/dev/full is full");
        assert_eq!(
            stdout_failed(&e, Lang::Zh),
            "输出未能写出（标准输出）：磁盘已满（No space left on device (os error 28)）"
        );
        assert_eq!(
            stdout_failed(&e, Lang::En),
            "the output could not be written (standard output): No space left on device (os error 28)"
        );
    }
}
