//! Finding integer literals too large for an f64 to keep exactly.

use super::lines::LineIndex;
use super::path::render_path;
use super::walk::{walk, Step};

/// Largest integer an f64 holds exactly (2^53), as the format's numbers allow.
const MAX_EXACT_INT: u64 = crate::model::format::MAX_EXACT_INT;

/// An integer literal too large for an f64 to keep exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigInteger {
    /// Its field path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    /// The literal as written.
    pub literal: String,
}

/// The first integer literal (no fraction, no exponent) whose magnitude is past 2^53.
///
/// serde_json reads integers past `u64::MAX` as floats, silently rounded; this finds them. A quick
/// pre-check (is there a run of 16 digits anywhere?) looks at one byte in sixteen in the common case,
/// so every file can be checked on every load.
pub fn find_big_integer(text: &str) -> Option<BigInteger> {
    if !has_digit_run(text.as_bytes(), 16) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut found = None;
    walk(text, |segs, at| {
        let start = at.value;
        let mut end = start;
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        let digits_from = end;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        let digits = &text[digits_from..end];
        let is_integer = !digits.is_empty() && !matches!(bytes.get(end), Some(b'.' | b'e' | b'E'));
        if is_integer
            && digits.len() >= 16
            && digits.parse::<u64>().map_or(true, |n| n > MAX_EXACT_INT)
        {
            found = Some((render_path(segs), start, text[start..end].to_string()));
            return Step::Stop;
        }
        Step::Descend
    });
    let (path, offset, literal) = found?;
    let (line, col) = LineIndex::new(text).line_col(offset);
    Some(BigInteger {
        path,
        line,
        col,
        literal,
    })
}

/// True when `bytes` holds `len` ASCII digits in a row. Any such run covers a multiple of `len`, so
/// only those bytes are probed, and the run measured around a probe that hits a digit.
fn has_digit_run(bytes: &[u8], len: usize) -> bool {
    if len == 0 {
        return true;
    }
    let digits =
        |it: &mut dyn Iterator<Item = &u8>| it.take(len).take_while(|b| b.is_ascii_digit()).count();
    let mut i = len - 1;
    while let Some(b) = bytes.get(i) {
        if b.is_ascii_digit() {
            let left = digits(&mut bytes[..i].iter().rev());
            let right = digits(&mut bytes[i + 1..].iter());
            if left + 1 + right >= len {
                return true;
            }
        }
        i += len;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_are_found_with_their_place() {
        let text = "{\n  \"figures\": [{\"value\": 12, \"phone\": \"12345678901234567890\"},\n  {\"label\": \"养殖区\", \"value\": 12345678901234567890123}]\n}";
        let big = find_big_integer(text).unwrap();
        assert_eq!(big.path, "figures[1].value");
        assert_eq!((big.line, big.col), (3, 29));
        assert_eq!(big.literal, "12345678901234567890123");
        assert_eq!(
            find_big_integer("[9007199254740992, 1234567890123456.5, 1e30]"),
            None
        );
        assert_eq!(
            find_big_integer("[-9007199254740993]").unwrap().literal,
            "-9007199254740993"
        );
        assert_eq!(find_big_integer("{\"id\": \"12345678901234567890\"}"), None);
    }

    #[test]
    fn digit_runs_are_found_wherever_they_start() {
        for start in 0..40 {
            for run in 14..18 {
                let text = format!(
                    "{}{}{}",
                    "x".repeat(start),
                    "7".repeat(run),
                    "y".repeat(40 - start)
                );
                assert_eq!(
                    has_digit_run(text.as_bytes(), 16),
                    run >= 16,
                    "start {start}, run {run}"
                );
            }
        }
        assert!(!has_digit_run(b"2023-06-30 12345678901234 5", 16));
        assert!(has_digit_run(b"1234567890123456", 16));
        assert!(!has_digit_run(b"", 16));
    }
}
