//! The damage done to a fixture: byte edits, JSON tokens and hostile text dropped in, values changed in place.

use super::*;

/// Text dropped into files: JSON structure, numbers JSON or huibao refuses, and hostile text.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"null",
    b"true",
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"12345678901234567890123",
    b"-1",
    b"\"**\"",
    b"\"2023-02-30\"",
    b"\"9999-12-31\"",
    b"\\u0000",
    b"\\ud800",
    b"\x00",
    b"\r",
    b"\t",
    b"\xff",
    b"\xe4\xb8",
    b"\xef\xbb\xbf",
    "\u{202e}".as_bytes(),
    "\u{200b}".as_bytes(),
    b"\x1b]0;PWNED\x07",
    b"\xc2\x9b31m",
    b"\"groups\": [",
    b"\"value\": ",
    "覆盖".as_bytes(),
];

/// One edit of a file; positions are indices into whatever length the file has by then.
#[derive(Debug, Clone)]
pub(super) enum Edit {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Token(Index, usize),
    Delete(Index, usize),
    Duplicate(Index, usize, Index),
    Cut(Index),
    LongKey(Index, usize),
    /// In a file that parses as JSON: change one value (see [`change_value`]).
    Value(Index, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Edit::Flip(i, b)),
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        2 => (any::<Index>(), proptest::collection::vec(any::<u8>(), 1..6))
            .prop_map(|(i, v)| Edit::Insert(i, v)),
        4 => (any::<Index>(), 0..TOKENS.len()).prop_map(|(i, t)| Edit::Token(i, t)),
        2 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<Index>(), 1usize..400, any::<Index>())
            .prop_map(|(i, n, to)| Edit::Duplicate(i, n, to)),
        1 => any::<Index>().prop_map(Edit::Cut),
        1 => (any::<Index>(), 50usize..5000).prop_map(|(i, n)| Edit::LongKey(i, n)),
        8 => (any::<Index>(), 0usize..VALUE_CHANGES).prop_map(|(i, c)| Edit::Value(i, c)),
    ]
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    let len = bytes.len();
    match e {
        Edit::Flip(i, bit) if len > 0 => bytes[i.index(len)] ^= 1 << bit,
        Edit::Set(i, b) if len > 0 => bytes[i.index(len)] = *b,
        Edit::Insert(i, v) => {
            let p = at(i, len);
            bytes.splice(p..p, v.iter().copied());
        }
        Edit::Token(i, t) => {
            let p = at(i, len);
            bytes.splice(p..p, TOKENS[*t].iter().copied());
        }
        Edit::Delete(i, n) if len > 0 => {
            let p = i.index(len);
            bytes.drain(p..(p + n).min(len));
        }
        Edit::Duplicate(i, n, to) if len > 0 => {
            let p = i.index(len);
            let piece = bytes[p..(p + n).min(len)].to_vec();
            let q = at(to, len);
            bytes.splice(q..q, piece);
        }
        Edit::Cut(i) => bytes.truncate(at(i, len)),
        Edit::LongKey(i, n) => {
            let p = at(i, len);
            let key = format!("\"{}\": 1,", "键".repeat(*n));
            bytes.splice(p..p, key.into_bytes());
        }
        Edit::Value(i, change) => {
            if let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(bytes) {
                let mut places = Vec::new();
                pointers(&v, String::new(), &mut places);
                if !places.is_empty() {
                    let place = places.swap_remove(i.index(places.len()));
                    change_value(&mut v, &place, *change);
                    *bytes = serde_json::to_vec_pretty(&v).expect("JSON serialises");
                }
            }
        }
        _ => {}
    }
}

/// How many kinds of change [`change_value`] makes.
const VALUE_CHANGES: usize = 9;

/// Hostile or odd text put in place of a value.
const TEXTS: &[&str] = &[
    "\u{1b}]0;PWNED\u{7}标题",
    "report\u{202e}fdp.exe",
    "\u{feff}标题",
    "\r覆盖",
    "\u{9b}31m红",
    "2023-02-30",
    "9999-12-31",
    "**",
    "",
];

/// JSON pointers to every value below the top.
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
            let p = format!("{at}/{i}");
            out.push(p.clone());
            pointers(x, p, out);
        }),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
            let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
            out.push(p.clone());
            pointers(x, p, out);
        }),
        _ => {}
    }
}

/// Changes the value at `place`: a number made negative, huge, fractional or text; text made
/// hostile, long or a number; a key removed; an array element doubled; a value made null.
fn change_value(root: &mut serde_json::Value, place: &str, change: usize) {
    use serde_json::{json, Value};
    let (parent, last) = place.rsplit_once('/').unwrap_or(("", place));
    if change == 0 {
        match root.pointer_mut(parent) {
            Some(Value::Object(m)) => {
                m.remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            Some(Value::Array(a)) => {
                if let Ok(i) = last.parse::<usize>() {
                    let x = a[i].clone();
                    a.insert(i, x);
                }
            }
            _ => {}
        }
        return;
    }
    let Some(v) = root.pointer_mut(place) else {
        return;
    };
    *v = match (change, &*v) {
        (1, _) => Value::Null,
        (2, Value::Number(_)) => json!(-1),
        (3, Value::Number(_)) => json!(1e300),
        (4, Value::Number(n)) => json!(n.as_f64().unwrap_or(0.0) + 0.5),
        (5, Value::Number(_)) => json!("**"),
        (2..=5, Value::String(_)) => json!(TEXTS[change % TEXTS.len()]),
        (6, Value::String(_)) => json!("长".repeat(3000)),
        (7, Value::String(s)) => json!(s.len()),
        (8, _) => json!(TEXTS[(place.len()) % TEXTS.len()]),
        _ => return,
    };
}

/// A fixture and the edits made to it.
pub(super) fn damaged() -> impl Strategy<Value = (usize, Vec<Edit>)> {
    (0..fixtures().len(), proptest::collection::vec(edit(), 1..4))
}

pub(super) fn damage(k: usize, edits: &[Edit]) -> (&'static Fixture, Vec<u8>) {
    let f = &fixtures()[k];
    let mut bytes = f.bytes.clone();
    for e in edits {
        apply(&mut bytes, e);
    }
    (f, bytes)
}
