//! Decoding one data file: its bytes as text, the text as JSON, then its strings cleaned and its
//! figures checked.
//!
//! The text may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
//! GB18030 (GBK), and is never read with a replacement character: bytes that are none of these are
//! an error naming the line and column where the reading stopped. A JSON error likewise names the
//! line, column and field path of what is wrong.

mod json;
mod text;

use super::diag::{Diagnostic, Severity};
pub(crate) use json::parse_line_bytes;
pub use json::{parse_json, parse_line_file, parse_town, parse_town_checked};
pub use text::{decode, decode_vec};

/// The text encoding a data file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark: the encoding huibao asks for.
    Utf8,
    /// UTF-8 with a byte-order mark (Windows Notepad), which is fine too.
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (PowerShell's `Out-File`, `>`).
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// GB18030, which includes GBK and GB2312 (Notepad and WPS in a Chinese locale).
    Gb18030,
}

impl TextEncoding {
    /// The encoding's name as messages write it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with a byte-order mark",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030",
        }
    }

    /// The warning for a file that loaded but is not UTF-8; `None` for UTF-8 with or without a BOM.
    pub fn note(self, path: &str) -> Option<Diagnostic> {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => None,
            _ => Some(Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::file_error(
                    path,
                    format!(
                        "the file is encoded as {}; it loaded, but please save it as UTF-8",
                        self.name()
                    ),
                )
            }),
        }
    }
}
