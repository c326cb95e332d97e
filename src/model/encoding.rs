//! Decoding one data file: its bytes as text, the text as JSON, then its strings cleaned and its
//! figures checked.
//!
//! The text may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
//! GB18030 (GBK), and is never read with a replacement character: bytes that are none of these are
//! an error naming the line and column where the reading stopped. A JSON error likewise names the
//! line, column and field path of what is wrong.

use super::clean;
use super::diag::{Diagnostic, Place, Severity, KEY_SHOWN};
use super::format::Town;
use super::jsonpos;
use super::line_file::LineFile;
use super::validate;
use serde::de::DeserializeOwned;

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
    let err = |(line, col): (usize, usize), message: String| Diagnostic {
        severity: Severity::Error,
        path: path.into(),
        place: Place::at(line, col),
        field: ".".into(),
        message,
    };
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(err(
            (0, 0),
            "the file is UTF-32, which huibao does not read; save it as UTF-8".into(),
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_string(), TextEncoding::Utf8Bom)),
            Err(e) => Err(utf8_error(rest, e, path)),
        };
    }
    for (bom, encoding, which) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE, TextEncoding::Utf16Le),
        (b"\xFE\xFF", encoding_rs::UTF_16BE, TextEncoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match decode_strict(encoding, rest) {
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
                    Err(err(text_place(&bad.prefix), message))
                }
            };
        }
    }
    // JSON never holds a NUL byte (not even inside a string), though UTF-8 allows it.
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let message = if looks_like_utf16(bytes) {
            "the file holds NUL bytes: it looks like UTF-16 without a byte-order mark; save it as UTF-8"
        } else {
            "the file holds a NUL byte: it is binary, not JSON text"
        };
        return Err(err(line_col(bytes, nul), message.into()));
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
            Err(err(text_place(&bad.prefix), message))
        }
        Ok(text) => match text.char_indices().find(|&(_, c)| !likely_in_gb_text(c)) {
            Some((i, c)) => Err(err(
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

/// Parses and checks one work-line file: an error stops it, warnings come back beside it.
///
/// Every string of the file is cleaned by its type ([`clean::Line`], [`clean::Text`]) as it is
/// parsed, before anything else sees it. Warnings: the file's encoding when it is not UTF-8, text cut to its length cap, then
/// the checks of [`validate::check_line`].
pub fn parse_line_file(
    bytes: &[u8],
    path: &str,
) -> Result<(LineFile, Vec<Diagnostic>), Diagnostic> {
    check_line_text(decode(bytes, path)?, path)
}

/// [`parse_line_file`] of bytes it may keep: UTF-8 text is not copied.
pub(crate) fn parse_line_bytes(
    bytes: Vec<u8>,
    path: &str,
) -> Result<(LineFile, Vec<Diagnostic>), Diagnostic> {
    check_line_text(decode_vec(bytes, path)?, path)
}

/// [`parse_line_file`] after decoding.
fn check_line_text(
    (text, encoding): (String, TextEncoding),
    path: &str,
) -> Result<(LineFile, Vec<Diagnostic>), Diagnostic> {
    let (file, cuts) = clean::cut_scope(|| parse_json::<LineFile>(&text, path));
    let file = file?;
    let mut warnings: Vec<Diagnostic> = encoding.note(path).into_iter().collect();
    warnings.extend(cut_warnings::<LineFile>(&cuts, &text, path));
    warnings.extend(validate::check_line(&file, &text, path));
    warnings.iter_mut().for_each(super::diag::clean_diag);
    Ok((file, warnings))
}

/// Parses `town.json`.
pub fn parse_town(bytes: &[u8], path: &str) -> Result<Town, Diagnostic> {
    parse_town_checked(bytes, path).map(|(town, _)| town)
}

/// Parses `town.json`, with its warnings: the file's encoding when it is not UTF-8, and text cut to
/// its length cap. Its strings are cleaned like a line file's.
pub fn parse_town_checked(bytes: &[u8], path: &str) -> Result<(Town, Vec<Diagnostic>), Diagnostic> {
    let (text, encoding) = decode(bytes, path)?;
    let (town, cuts) = clean::cut_scope(|| parse_json::<Town>(&text, path));
    let town = town?;
    if let Some(v) = town
        .format
        .filter(|v| *v == 0 || *v > super::format::FORMAT_VERSION)
    {
        let place = super::diag::Locator::places(&super::diag::JsonText(&text), &["format"]);
        return Err(Diagnostic {
            severity: super::diag::Severity::Error,
            path: path.into(),
            place: place.into_iter().next().unwrap_or(super::diag::Place::File),
            field: "format".into(),
            message: format!(
                "huibao does not know data format version {v} (it reads versions 1 to {}): please upgrade huibao",
                super::format::FORMAT_VERSION
            ),
        });
    }
    let mut warnings: Vec<Diagnostic> = encoding.note(path).into_iter().collect();
    warnings.extend(cut_warnings::<Town>(&cuts, &text, path));
    Ok((town, warnings))
}

/// A warning for each string of the file cut to its cap (the strings were cleaned as they were
/// parsed, by their types [`clean::Line`] and [`clean::Text`]), at its value.
fn cut_warnings<T: serde::de::DeserializeOwned>(
    cuts: &[(usize, usize)],
    text: &str,
    path: &str,
) -> Vec<Diagnostic> {
    if cuts.is_empty() {
        return Vec::new();
    }
    let found = clean::cut_paths::<T>(text, cuts)
        .iter()
        .map(|c| (c.field.clone(), c.message()))
        .collect();
    super::diag::warnings_at(&super::diag::JsonText(text), path, found)
}

/// Parses JSON text into `T`, turning any error into a diagnostic with line, column and field path.
///
/// Integers past 2^53 are refused (serde_json would round those past `u64::MAX` silently). Errors
/// about a value (wrong type, bad date …) point at the start of that value; syntax errors point where
/// serde_json stopped. Columns count characters.
pub fn parse_json<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, Diagnostic> {
    parse_json_raw(text, path).map_err(|mut d| {
        super::diag::clean_diag(&mut d);
        d
    })
}

/// [`parse_json`] before the diagnostic's field and message are cleaned.
fn parse_json_raw<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::file_error(
            path,
            "the file is empty; expected a JSON object",
        ));
    }
    // Plain serde_json first: tracking the field path costs more than the parse itself, and it is
    // only needed for the message of a file that fails. That file is parsed again with the path.
    let mut de = serde_json::Deserializer::from_str(text);
    let value = match T::deserialize(&mut de) {
        Ok(v) => v,
        Err(_) => {
            de = serde_json::Deserializer::from_str(text);
            let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
            match result {
                Ok(v) => v,
                Err(e) => {
                    let field = e.path().to_string();
                    return Err(json_diag(e.into_inner(), field, text, path));
                }
            }
        }
    };
    de.end().map_err(|e| json_diag(e, ".".into(), text, path))?;
    if let Some(big) = jsonpos::find_big_integer(text) {
        return Err(Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            place: Place::at(big.line, big.col),
            field: big.path,
            message: format!(
                "integer {} is larger than 2^53 and cannot be kept exactly",
                big.literal
            ),
        });
    }
    Ok(value)
}

fn json_diag(inner: serde_json::Error, field: String, text: &str, path: &str) -> Diagnostic {
    use serde_json::error::Category;
    let full = inner.to_string();
    let mut message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    // serde_path_to_error writes `?` for a key it never read (the file ended first).
    let mut field = match field.strip_suffix('?') {
        Some("") => ".".to_string(),
        Some(parent) => parent.trim_end_matches('.').to_string(),
        None => field,
    };
    let line = inner.line();
    let serde_place = (line, jsonpos::char_column(text, line, inner.column()));
    let place = match inner.classify() {
        Category::Data => {
            if quoted_name(&message, "unknown field `").is_some() {
                jsonpos::locate_key(text, &field, 0)
            } else if let Some(name) = quoted_name(&message, "duplicate field `") {
                field = if field == "." {
                    name.to_string()
                } else {
                    format!("{field}.{name}")
                };
                jsonpos::locate_key(text, &field, 1)
            } else {
                jsonpos::locate(text, &field)
            }
        }
        Category::Syntax if message == "number out of range" => {
            message = "number out of range (too large for a figure)".into();
            jsonpos::locate(text, &field)
        }
        Category::Syntax => {
            let rest = text
                .split('\n')
                .nth(line.saturating_sub(1))
                .and_then(|l| l.get(l.char_indices().nth(serde_place.1 - 1)?.0..))
                .unwrap_or("");
            if ["NaN", "Infinity", "-Infinity"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                message.push_str(
                    " (NaN and Infinity are not JSON numbers; write a number, or \"**\" for a withheld figure)",
                );
            }
            None
        }
        Category::Eof => {
            message.push_str(" (is the file cut short?)");
            None
        }
        Category::Io => None,
    };
    let (line, col) = place.unwrap_or(serde_place);
    // A junk key thousands of characters long would fill the screen: shown shortened, once the
    // place has been found with the whole key.
    let long_key = ["unknown field `", "duplicate field `"]
        .into_iter()
        .find_map(|prefix| {
            let name = quoted_name(&message, prefix)?;
            let n = name.chars().count();
            (n > KEY_SHOWN).then(|| {
                format!(
                    "{prefix}{}` (a key {n} characters long){}",
                    shorten_key(name),
                    &message[prefix.len() + name.len() + 1..]
                )
            })
        });
    let message = super::diag::shorten_quoted(&long_key.unwrap_or(message));
    Diagnostic {
        severity: Severity::Error,
        path: path.into(),
        place: Place::at(line, col),
        field: shorten_path(&field),
        message,
    }
}

/// The first characters of a long key and `...`.
fn shorten_key(key: &str) -> String {
    if key.chars().count() <= KEY_SHOWN {
        return key.to_string();
    }
    let mut short: String = key.chars().take(KEY_SHOWN - 8).collect();
    short.push_str("...");
    short
}

/// A field path with each over-long key shortened.
fn shorten_path(field: &str) -> String {
    field
        .split('.')
        .map(shorten_key)
        .collect::<Vec<_>>()
        .join(".")
}

/// The name in backquotes after `prefix` at the start of `message` (`unknown field `valeu``).
fn quoted_name<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    rest.get(..rest.find('`')?)
}
