//! Keys typed while the start-up questions were out (see [`super::probe::Heard`]): the bytes the
//! probe read instead of the key reader, turned into key events the way crossterm reads them, so a
//! key pressed (or typed ahead in the shell) before the first frame is not lost.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key events `bytes` encodes, in order. A lone Esc at the end is the Esc key (as crossterm
/// takes it when no more input is waiting); a sequence no key sends is dropped whole.
pub fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (key, used) = one(rest);
        out.extend(key);
        rest = &rest[used.max(1)..];
    }
    out
}

/// The first key of `b` (if it is one) and the bytes it takes.
fn one(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match b[0] {
        0x1b => escape(b),
        b'\r' | b'\n' => (plain(KeyCode::Enter), 1),
        b'\t' => (plain(KeyCode::Tab), 1),
        0x7f | 0x08 => (plain(KeyCode::Backspace), 1),
        c @ 0x01..=0x1a => (
            Some(KeyEvent::new(
                KeyCode::Char((c - 1 + b'a') as char),
                KeyModifiers::CONTROL,
            )),
            1,
        ),
        0x00 | 0x1c..=0x1f => (None, 1),
        _ => {
            let len = utf8_len(b[0]).min(b.len());
            match std::str::from_utf8(&b[..len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => (plain(KeyCode::Char(c)), len),
                None => (None, 1),
            }
        }
    }
}

/// An escape sequence: a cursor or editing key (CSI or SS3), Alt with a key, or Esc alone.
fn escape(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match b.get(1) {
        None | Some(0x1b) => (plain(KeyCode::Esc), 1),
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            Some(&f) => (cursor_key(f).and_then(plain), 3),
            None => (None, 2),
        },
        Some(_) => {
            let (key, used) = one(&b[1..]);
            let alt = key.map(|mut k| {
                k.modifiers |= KeyModifiers::ALT;
                k
            });
            (alt, 1 + used)
        }
    }
}

/// `ESC [ params final`: arrows, Home/End, Shift-Tab and the `~` keys (PgUp, PgDn, Delete…).
fn csi(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let params = b[2..]
        .iter()
        .take_while(|c| (0x30..=0x3f).contains(*c))
        .count();
    let Some(&fin) = b.get(2 + params) else {
        return (None, b.len());
    };
    let used = 3 + params;
    let text = std::str::from_utf8(&b[2..2 + params]).unwrap_or("");
    let mut numbers = text.split(';').map(|n| n.parse::<u8>().ok());
    let first = numbers.next().flatten();
    let modifiers = match numbers.next().flatten() {
        Some(m) if m > 1 => modifiers(m - 1),
        _ => KeyModifiers::NONE,
    };
    let code = match fin {
        b'Z' => Some(KeyCode::BackTab),
        b'~' => first.and_then(tilde_key),
        f => cursor_key(f),
    };
    let shift = if code == Some(KeyCode::BackTab) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    (code.map(|c| KeyEvent::new(c, modifiers | shift)), used)
}

/// The key of an arrow or Home/End final byte.
fn cursor_key(f: u8) -> Option<KeyCode> {
    Some(match f {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    })
}

/// The key of `ESC [ n ~`.
fn tilde_key(n: u8) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        _ => return None,
    })
}

/// xterm's modifier parameter, less one: bit 0 Shift, bit 1 Alt, bit 2 Ctrl.
fn modifiers(bits: u8) -> KeyModifiers {
    let mut m = KeyModifiers::NONE;
    for (bit, flag) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            m |= flag;
        }
    }
    m
}

/// The length of the UTF-8 sequence a lead byte starts (1 for anything else).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_dashboards_keys_read_as_crossterm_reads_them() {
        let typed =
            "jq?/办\r\t\x7f\x1b[A\x1b[B\x1b[C\x1b[D\x1b[5~\x1b[6~\x1b[H\x1b[F\x1bOA\x1b[Z\x1b";
        assert_eq!(
            keys(typed.as_bytes()),
            vec![
                k(KeyCode::Char('j')),
                k(KeyCode::Char('q')),
                k(KeyCode::Char('?')),
                k(KeyCode::Char('/')),
                k(KeyCode::Char('办')),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace),
                k(KeyCode::Up),
                k(KeyCode::Down),
                k(KeyCode::Right),
                k(KeyCode::Left),
                k(KeyCode::PageUp),
                k(KeyCode::PageDown),
                k(KeyCode::Home),
                k(KeyCode::End),
                k(KeyCode::Up),
                KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                k(KeyCode::Esc),
            ]
        );
    }

    #[test]
    fn control_alt_and_modified_keys() {
        assert_eq!(
            keys(b"\x03\x1aq\x1b[1;5C\x1bx"),
            vec![
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
                k(KeyCode::Char('q')),
                KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
                KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT),
            ]
        );
    }

    #[test]
    fn what_no_key_sends_is_dropped_whole() {
        // An unknown CSI final, a cut-off sequence, a stray continuation byte, a cut CJK character.
        assert_eq!(keys(b"\x1b[99xj"), vec![k(KeyCode::Char('j'))]);
        assert_eq!(keys(b"a\x1b[1;"), vec![k(KeyCode::Char('a'))]);
        assert_eq!(keys(b"\x80b"), vec![k(KeyCode::Char('b'))]);
        assert_eq!(keys(&"办".as_bytes()[..2]), vec![]);
        assert_eq!(keys(b""), vec![]);
    }
}
