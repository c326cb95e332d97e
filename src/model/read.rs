//! Reading one data file: regular files only, opened without ever blocking, size-capped.

use std::io::Read;
use std::path::Path;

/// Files larger than this are refused without being read whole.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file with a size cap, refusing larger files without reading them.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let too_large = || {
        format!(
            "the file is larger than {} MiB and was not loaded",
            MAX_FILE_BYTES >> 20
        )
    };
    // Only regular files: opening a named pipe (a FIFO called `x.json`) would wait for a writer
    // forever. The type is checked before opening, and again on the opened file, which is opened
    // without blocking so that a pipe swapped in between cannot hang the open either.
    let md = std::fs::metadata(path).map_err(|e| format!("cannot open: {e}"))?;
    not_regular(&md)?;
    let f = open_nonblocking(path).map_err(|e| format!("cannot open: {e}"))?;
    let md = f.metadata().map_err(|e| format!("cannot open: {e}"))?;
    not_regular(&md)?;
    // The size the file system states sizes the buffer and refuses a large file at once; the read
    // stays capped, for a file that grows meanwhile.
    let stated = md.len();
    if stated > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut buf = Vec::with_capacity(stated as usize + 1);
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read: {e}"))?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(buf)
}

/// An error naming what the path is, unless it is a regular file.
fn not_regular(md: &std::fs::Metadata) -> Result<(), String> {
    if md.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = md.file_type();
        if t.is_fifo() {
            "a named pipe (FIFO)"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else if t.is_dir() {
            "a folder"
        } else {
            "a special file"
        }
    };
    #[cfg(not(unix))]
    let kind = if md.is_dir() {
        "a folder"
    } else {
        "a special file"
    };
    Err(format!(
        "not loaded: this is {kind}, not a regular file; only regular files are read"
    ))
}

/// Opens a file for reading without ever waiting (`O_NONBLOCK`: a FIFO opens at once).
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}
