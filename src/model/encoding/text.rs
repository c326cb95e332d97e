//! Decoding a data file's bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with
//! one, or GB18030 (GBK), never with a replacement character.

use super::TextEncoding;
use crate::model::diag::{Diagnostic, Place, Severity};

const CUT_SHORT: &str = "the file ends in the middle of a character (is the file cut short?)";

/// Decodes a file's bytes to text, and says which encoding it was in.
///
/// In order: strict UTF-8; UTF-8 after a byte-order mark; UTF-16LE or UTF-16BE after their
/// byte-order marks; otherwise GB18030 (which covers GBK). Nothing is ever replaced by U+FFFD: a
/// byte sequence that the encoding cannot read is an error naming its line and column. A file that
/// is mostly valid UTF-8 with a few bad bytes is UTF-8 with a mistake in it, not GB18030, and a
/// GB18030 reading that gives characters no Chinese office file holds (private-use, C1 controls,
/// scripts GBK does not have) is refused rather than shown as mojibake.
pub fn decode(bytes: &[u8], path: &str) -> Result<(String, TextEncoding), Diagnostic> {
    if let Some(decoded) = decode_marked(bytes, path) {
        return decoded;
    }
    // JSON never holds a NUL byte (not even inside a string), though UTF-8 allows it.
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let message = if looks_like_utf16(bytes) {
            "the file holds NUL bytes: it looks like UTF-16 without a byte-order mark; save it as UTF-8"
        } else {
            "the file holds a NUL byte: it is binary, not JSON text"
        };
        return Err(decode_error(path, line_col(bytes, nul), message.into()));
    }
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_string(), TextEncoding::Utf8)),
        // The file is valid UTF-8 up to its last few bytes: a UTF-8 file cut short.
        Err(e) if e.error_len().is_none() => return Err(utf8_error(bytes, e, path)),
        Err(e) => e,
    };
    if mostly_utf8(bytes) {
        return Err(utf8_error(bytes, utf8, path));
    }
    decode_gb18030(bytes, utf8, path)
}

/// An error reading the file's bytes, at a 1-based line and column (0, 0: the whole file).
fn decode_error(path: &str, (line, col): (usize, usize), message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        path: path.into(),
        place: Place::at(line, col),
        field: ".".into(),
        message,
    }
}

/// A file that says its encoding with a byte-order mark: UTF-8 or UTF-16 read, UTF-32 refused.
/// `None` for a file without one.
fn decode_marked(bytes: &[u8], path: &str) -> Option<Result<(String, TextEncoding), Diagnostic>> {
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Some(Err(decode_error(
            path,
            (0, 0),
            "the file is UTF-32, which huibao does not read; save it as UTF-8".into(),
        )));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_string(), TextEncoding::Utf8Bom)),
            Err(e) => Err(utf8_error(rest, e, path)),
        });
    }
    for (bom, encoding, which) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE, TextEncoding::Utf16Le),
        (b"\xFE\xFF", encoding_rs::UTF_16BE, TextEncoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return Some(match decode_strict(encoding, rest) {
                Ok(s) => Ok((s, which)),
                Err(bad) => {
                    let message = if bad.at_end {
                        CUT_SHORT.to_string()
                    } else {
                        format!(
                            "the file starts with a {0} byte-order mark but is not valid {0} here; save it as UTF-8",
                            which.name()
                        )
                    };
                    Err(decode_error(path, text_place(&bad.prefix), message))
                }
            });
        }
    }
    None
}

/// A file that is not UTF-8 (`utf8` says where that reading stopped), read as GB18030: refused
/// when GB18030 cannot read it either or gives characters no Chinese office file holds.
fn decode_gb18030(
    bytes: &[u8],
    utf8: std::str::Utf8Error,
    path: &str,
) -> Result<(String, TextEncoding), Diagnostic> {
    // Multi-byte UTF-8 before the first bad byte: GBK read as UTF-8 almost never gets that far, so
    // if GB18030 cannot read the file either, the bad byte is the mistake to point at (not the
    // place where reading UTF-8 characters as GB18030 went wrong).
    let utf8_before = !bytes[..utf8.valid_up_to()].is_ascii();
    match decode_strict(encoding_rs::GB18030, bytes) {
        Err(_) if utf8_before => Err(utf8_error(bytes, utf8, path)),
        Ok(text) if utf8_before && !text.chars().all(likely_in_gb_text) => {
            Err(utf8_error(bytes, utf8, path))
        }
        Err(bad) => {
            let message = if bad.at_end {
                CUT_SHORT.to_string()
            } else {
                "the file is neither UTF-8 nor GB18030 (GBK): the bytes here are not a character in either; save it as UTF-8".to_string()
            };
            Err(decode_error(path, text_place(&bad.prefix), message))
        }
        Ok(text) => match text.char_indices().find(|&(_, c)| !likely_in_gb_text(c)) {
            Some((i, c)) => Err(decode_error(
                path,
                text_place(&text[..i]),
                format!(
                    "the file is not UTF-8, and read as GB18030 it gives the unlikely character U+{:04X} here; save it as UTF-8",
                    c as u32
                ),
            )),
            None => Ok((text, TextEncoding::Gb18030)),
        },
    }
}

/// [`decode`] of bytes the caller owns: UTF-8 text (the usual case) becomes the `String` without a
/// copy. Every result, text or error, is the one [`decode`] gives.
pub fn decode_vec(mut bytes: Vec<u8>, path: &str) -> Result<(String, TextEncoding), Diagnostic> {
    // UTF-32 and UTF-16 byte-order marks, and anything after a NUL byte, take the general road.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || bytes.contains(&0) {
        return decode(&bytes, path);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        // `\0\0\xFE\xFF` (UTF-32BE) cannot start here: that file holds a NUL byte.
        bytes.drain(..3);
        return String::from_utf8(bytes)
            .map(|s| (s, TextEncoding::Utf8Bom))
            .map_err(|e| utf8_error(e.as_bytes(), e.utf8_error(), path));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, TextEncoding::Utf8)),
        Err(e) => decode(e.as_bytes(), path),
    }
}

/// The error for bytes that are not UTF-8 in a file that is meant to be.
fn utf8_error(bytes: &[u8], e: std::str::Utf8Error, path: &str) -> Diagnostic {
    let (line, col) = line_col(bytes, e.valid_up_to());
    let message = if e.error_len().is_none() {
        CUT_SHORT
    } else {
        "the file is not valid UTF-8: the bytes here are not a UTF-8 character (pasted from another encoding?); save it as UTF-8"
    };
    Diagnostic {
        severity: Severity::Error,
        path: path.into(),
        place: Place::at(line, col),
        field: ".".into(),
        message: message.into(),
    }
}

fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// The 1-based line and column (in characters) just after `before`, the text decoded so far.
fn text_place(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[start..].chars().count() + 1)
}

/// Where a strict decode stopped.
struct Malformed {
    /// The text decoded before the bad bytes.
    prefix: String,
    /// The bad bytes run to the end of the file: it was cut in the middle of a character.
    at_end: bool,
}

/// Decodes all of `bytes` with `encoding`, without any replacement character.
fn decode_strict(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<String, Malformed> {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(room);
    let mut done = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[done..], &mut out, true);
        done += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(bytes.len() - done + 16),
            DecoderResult::Malformed(bad, after) => {
                let end = done.saturating_sub(after as usize);
                let lead = bytes.get(end.saturating_sub(bad as usize)).copied();
                let at_end = end >= bytes.len()
                    && (encoding != encoding_rs::GB18030
                        || lead.is_some_and(|b| (0x81..=0xFE).contains(&b)));
                return Err(Malformed {
                    prefix: out,
                    at_end,
                });
            }
        }
    }
}

/// True when NUL bytes sit mostly at odd or mostly at even offsets: ASCII text in UTF-16.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    pairs >= 4 && (even.max(odd) * 5 >= pairs * 2) && even.min(odd) * 10 <= pairs
}

/// True when the file holds more valid non-ASCII UTF-8 characters than bad byte sequences: a UTF-8
/// file with a mistake in it (a pasted Latin-1 byte, a damaged sector), which read as GB18030 would
/// turn every Chinese character into mojibake. GBK text read as UTF-8 is almost all bad sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// Characters a Chinese office file in GB18030 may hold: ASCII, Latin letters with accents (pinyin),
/// Greek and Cyrillic (GBK has both), punctuation and symbols, CJK of every block, full-width forms
/// and emoji. Private-use characters (GBK's user-defined areas, where mis-read bytes often land), C1
/// controls and other scripts mean the bytes were not GB18030 after all.
fn likely_in_gb_text(c: char) -> bool {
    matches!(c,
        '\0'..='\u{7f}'
        | '\u{a0}'..='\u{24f}'
        | '\u{2b0}'..='\u{36f}'
        | '\u{370}'..='\u{4ff}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{2000}'..='\u{2bff}'
        | '\u{2e80}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe00}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{1f000}'..='\u{1faff}'
        | '\u{20000}'..='\u{323af}'
    )
}
