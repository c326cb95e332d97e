//! What must hold whatever the bytes: problems point inside the file and print clean; loaded text holds nothing unsafe.

use super::*;

/// True for characters that must never reach a screen or a message.
pub(super) fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
}

/// A problem points inside the file and prints as one short, clean line.
pub(super) fn check_diagnostic(d: &Diagnostic, bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match &d.place {
        Place::File => {}
        Place::Text { line, col } => {
            prop_assert!(
                *line >= 1 && *line <= lines,
                "line {} of {}: {}",
                line,
                lines,
                d
            );
            prop_assert!(*col >= 1, "{}", d);
        }
        Place::Cell(_) => prop_assert!(false, "a cell in a JSON file: {}", d),
    }
    prop_assert!(!d.message.is_empty(), "{:?}", d);
    let shown = huibao::model::sanitize::for_terminal(&d.to_string());
    prop_assert!(!shown.chars().any(unsafe_char), "{:?}", shown);
    prop_assert!(
        shown.chars().count() < 1500,
        "a {}-character message: {}",
        shown.chars().count(),
        shown.chars().take(300).collect::<String>()
    );
    Ok(())
}

/// Every string in a JSON value.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

/// No string of a loaded file holds a character that must not reach the screen.
pub(super) fn check_clean<T: serde::Serialize>(loaded: &T) -> Result<(), TestCaseError> {
    let value = serde_json::to_value(loaded).expect("a loaded file serialises");
    let mut all = Vec::new();
    strings(&value, &mut all);
    for s in all {
        // Multi-line text (a problem description, a source sentence) keeps its line breaks.
        prop_assert!(!s.chars().any(|c| c != '\n' && unsafe_char(c)), "{:?}", s);
    }
    Ok(())
}
