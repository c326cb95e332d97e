//! Parsing a data file's text as JSON: the line file or town file, its strings cleaned, its
//! warnings, and serde's errors turned into messages with the line, column and field path.

use super::{decode, decode_vec, TextEncoding};
use crate::model::clean;
use crate::model::diag::{Diagnostic, Place, Severity, KEY_SHOWN};
use crate::model::format::Town;
use crate::model::jsonpos;
use crate::model::line_file::LineFile;
use crate::model::validate;
use serde::de::DeserializeOwned;

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
    warnings.iter_mut().for_each(crate::model::diag::clean_diag);
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
        .filter(|v| *v == 0 || *v > crate::model::format::FORMAT_VERSION)
    {
        let place =
            crate::model::diag::Locator::places(&crate::model::diag::JsonText(&text), &["format"]);
        return Err(Diagnostic {
            severity: crate::model::diag::Severity::Error,
            path: path.into(),
            place: place.into_iter().next().unwrap_or(crate::model::diag::Place::File),
            field: "format".into(),
            message: format!(
                "huibao does not know data format version {v} (it reads versions 1 to {}): please upgrade huibao",
                crate::model::format::FORMAT_VERSION
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
    crate::model::diag::warnings_at(&crate::model::diag::JsonText(text), path, found)
}

/// Parses JSON text into `T`, turning any error into a diagnostic with line, column and field path.
///
/// Integers past 2^53 are refused (serde_json would round those past `u64::MAX` silently). Errors
/// about a value (wrong type, bad date …) point at the start of that value; syntax errors point where
/// serde_json stopped. Columns count characters.
pub fn parse_json<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, Diagnostic> {
    parse_json_raw(text, path).map_err(|mut d| {
        crate::model::diag::clean_diag(&mut d);
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

/// A serde_json error as a diagnostic: the place of the value (or key) it is about, else where
/// serde_json stopped; the message with hints for the usual slips, and over-long keys shortened.
fn json_diag(inner: serde_json::Error, field: String, text: &str, path: &str) -> Diagnostic {
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
    let place = error_place(&inner, serde_place, &mut message, &mut field, text);
    let (line, col) = place.unwrap_or(serde_place);
    // A junk key thousands of characters long would fill the screen: shown shortened, once the
    // place has been found with the whole key.
    let long_key = long_key_message(&message);
    let message = crate::model::diag::shorten_quoted(&long_key.unwrap_or(message));
    Diagnostic {
        severity: Severity::Error,
        path: path.into(),
        place: Place::at(line, col),
        field: shorten_path(&field),
        message,
    }
}

/// Where the value or key an error is about starts, by the kind of error; `None` for where serde_json
/// stopped (`serde_place`). Adds a hint to `message` for NaN, Infinity and a file cut short, and names
/// the repeated key in `field` for a duplicate.
fn error_place(
    inner: &serde_json::Error,
    serde_place: (usize, usize),
    message: &mut String,
    field: &mut String,
    text: &str,
) -> Option<(usize, usize)> {
    use serde_json::error::Category;
    let line = serde_place.0;
    match inner.classify() {
        Category::Data => {
            if quoted_name(message, "unknown field `").is_some() {
                jsonpos::locate_key(text, field, 0)
            } else if let Some(name) = quoted_name(message, "duplicate field `") {
                *field = if field == "." {
                    name.to_string()
                } else {
                    format!("{field}.{name}")
                };
                jsonpos::locate_key(text, field, 1)
            } else {
                jsonpos::locate(text, field)
            }
        }
        Category::Syntax if message == "number out of range" => {
            *message = "number out of range (too large for a figure)".into();
            jsonpos::locate(text, field)
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
    }
}

/// The message about an unknown or repeated key with the key shortened, when it is longer than
/// [`KEY_SHOWN`] characters.
fn long_key_message(message: &str) -> Option<String> {
    ["unknown field `", "duplicate field `"]
        .into_iter()
        .find_map(|prefix| {
            let name = quoted_name(message, prefix)?;
            let n = name.chars().count();
            (n > KEY_SHOWN).then(|| {
                format!(
                    "{prefix}{}` (a key {n} characters long){}",
                    shorten_key(name),
                    &message[prefix.len() + name.len() + 1..]
                )
            })
        })
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
