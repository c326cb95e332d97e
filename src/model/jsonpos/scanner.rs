//! The byte scanner under the walk: whitespace, strings (decoded or skipped), whole values skipped.

use std::borrow::Cow;

/// A position in a JSON text, moving forward.
pub(super) struct Scanner<'a> {
    /// The whole text.
    pub(super) text: &'a str,
    /// The byte offset reached.
    pub(super) pos: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(super) fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// At a member's key: reads `"key"`, the colon and the space before the value.
    pub(super) fn member_key(&mut self) -> Option<Cow<'a, str>> {
        let key = self.string()?;
        self.ws();
        if self.peek()? != b':' {
            return None;
        }
        self.pos += 1;
        self.ws();
        Some(key)
    }

    /// At a `"`: the string's decoded contents, borrowed when it has no escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut chunk = start;
        loop {
            match *bytes.get(self.pos)? {
                b'"' => {
                    let tail = self.text.get(chunk..self.pos)?;
                    self.pos += 1;
                    return Some(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.text.get(chunk..self.pos)?);
                    self.pos += 1;
                    let c = match *bytes.get(self.pos)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let is_pair = (0xD800..0xDC00).contains(&hi)
                                && bytes.get(self.pos) == Some(&b'\\')
                                && bytes.get(self.pos + 1) == Some(&b'u');
                            let code = if is_pair {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xD800) << 10) + lo.wrapping_sub(0xDC00).min(0x3FF)
                            } else {
                                hi
                            };
                            self.pos -= 1;
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return None,
                    };
                    s.push(c);
                    self.pos += 1;
                    chunk = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let n = u32::from_str_radix(digits, 16).ok()?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        Some(n)
    }

    /// Goes past a string without decoding it.
    fn skip_string(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        self.pos += 1;
        loop {
            match *bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Goes past one whole value (nested containers included) without recursing.
    pub(super) fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                _ if depth == 0 => {
                    let start = self.pos;
                    while self.peek().is_some_and(|b| {
                        !matches!(
                            b,
                            b' ' | b'\t'
                                | b'\n'
                                | b'\r'
                                | b','
                                | b'}'
                                | b']'
                                | b'"'
                                | b'{'
                                | b'['
                                | b':'
                        )
                    }) {
                        self.pos += 1;
                    }
                    return (self.pos > start).then_some(());
                }
                _ => self.pos += 1,
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}
