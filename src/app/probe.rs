//! Questions to the terminal before the first frame: its background colour (OSC 11) and whether it
//! draws ambiguous-width symbols such as ● two columns wide (a cursor-position report after printing
//! one). Only asked on a real terminal in raw mode, with a short timeout; a device-attributes query
//! (DA1), which every terminal answers, ends the wait early on terminals that ignore the others.

use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How long to wait for the answers at most.
pub const TIMEOUT: Duration = Duration::from_millis(200);

/// What the terminal said; None where it did not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answers {
    /// The background colour, from the OSC 11 reply.
    pub background: Option<(u8, u8, u8)>,
    /// True when ● moved the cursor two columns (the terminal treats ambiguous width as wide).
    pub ambiguous_wide: Option<bool>,
    /// The DA1 reply came: nothing more will.
    pub done: bool,
}

/// The bytes that ask: OSC 11 when `background`, ● and a cursor-position request when `ambiguous`
/// (the line is cleared after), then DA1.
pub fn questions(background: bool, ambiguous: bool) -> Vec<u8> {
    let mut q = Vec::new();
    if background {
        q.extend_from_slice(b"\x1b]11;?\x1b\\");
    }
    if ambiguous {
        q.extend_from_slice("\r●\x1b[6n\r\x1b[2K".as_bytes());
    }
    q.extend_from_slice(b"\x1b[c");
    q
}

/// Parses the replies received so far.
pub fn parse(bytes: &[u8]) -> Answers {
    let mut a = Answers::default();
    let text = String::from_utf8_lossy(bytes);
    if let Some(i) = text.find("\x1b]11;") {
        // Only a whole reply: one cut off by the timeout may be cut inside a hex number.
        let rest = &text[i + 5..];
        if let Some(end) = rest.find(['\x07', '\x1b']) {
            a.background = parse_color(&rest[..end]);
        }
    }
    let mut rest: &str = &text;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let (params, fin) = (&rest[..end], rest[end..].chars().next());
        match fin {
            Some('R') => {
                let col = params.split(';').nth(1).and_then(|c| c.parse::<u16>().ok());
                if let Some(col) = col {
                    a.ambiguous_wide = Some(col >= 3);
                }
            }
            Some('c') if params.starts_with('?') => a.done = true,
            _ => {}
        }
    }
    a
}

/// An X11 colour spec as terminals send it: `rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits per channel) or
/// `#RRGGBB`.
pub fn parse_color(spec: &str) -> Option<(u8, u8, u8)> {
    let channel = |h: &str| -> Option<u8> {
        if h.is_empty() || h.len() > 4 {
            return None;
        }
        let v = u32::from_str_radix(h, 16).ok()?;
        let max = (1u32 << (4 * h.len())) - 1;
        Some((v * 255 / max) as u8)
    };
    if let Some(rgb) = spec.strip_prefix("rgb:") {
        let mut parts = rgb.split('/');
        let (r, g, b) = (parts.next()?, parts.next()?, parts.next()?);
        return Some((channel(r)?, channel(g)?, channel(b)?));
    }
    let hex = spec.strip_prefix('#')?;
    (hex.len() == 6).then_some(())?;
    Some((
        channel(&hex[0..2])?,
        channel(&hex[2..4])?,
        channel(&hex[4..6])?,
    ))
}

/// Questions sent and not yet answered: the first frame is drawn meanwhile, so the round trip to the
/// terminal (a slow link's latency, or a terminal busy drawing) overlaps the drawing.
#[derive(Debug)]
pub struct Pending {
    sent: Instant,
    timeout: Duration,
}

/// Asks the terminal on standard output (which must be the terminal standard input reads, in raw
/// mode); the replies are read by [`Pending::collect`].
pub fn send(background: bool, ambiguous: bool, timeout: Duration) -> io::Result<Pending> {
    let mut out = io::stdout();
    out.write_all(&questions(background, ambiguous))?;
    out.flush()?;
    Ok(Pending {
        sent: Instant::now(),
        timeout,
    })
}

impl Pending {
    /// Reads the replies from standard input until the DA1 reply, or until the timeout (counted
    /// from the questions) is over. Whatever else came meanwhile (keys typed ahead) is kept.
    pub fn collect(self) -> Heard {
        let mut got = Vec::new();
        loop {
            let left = self.timeout.saturating_sub(self.sent.elapsed());
            if left.is_zero() {
                break;
            }
            let mut fds = libc::pollfd {
                fd: 0,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd for the duration of the call.
            let n = unsafe { libc::poll(&mut fds, 1, left.as_millis().max(1) as libc::c_int) };
            if n <= 0 {
                break;
            }
            let mut buf = [0u8; 256];
            // SAFETY: reads at most buf.len() bytes into buf.
            let r = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
            if r <= 0 {
                break;
            }
            got.extend_from_slice(&buf[..r as usize]);
            if parse(&got).done {
                break;
            }
        }
        Heard {
            answers: parse(&got),
            typed: typed(&got),
            cut: cut_answer(&got),
        }
    }
}

/// What came from the terminal while the questions were out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heard {
    /// The answers.
    pub answers: Answers,
    /// Everything that was not an answer: keys typed before or among the answers, in order (the
    /// key reader starts only after the first frame, so nothing else would read them).
    pub typed: Vec<u8>,
    /// The start of an answer the timeout cut off (`11;rgb:ffff/ff`, `[5;`): its rest comes to the
    /// key reader (see `app::late`).
    pub cut: Option<String>,
}

/// The answer at the end of `got` that has not ended yet: a background answer from its `11;`, a
/// cursor-position or DA1 answer from its `[` (`[5;`, `[?64`), or the ESC of a background answer's
/// string terminator whose `\` is still to come.
fn cut_answer(got: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(got);
    if let Some(i) = text.rfind("\x1b]11;") {
        let rest = &text[i + 2..];
        if !rest.contains(['\x07', '\x1b']) {
            return Some(rest.to_string());
        }
        // Its string terminator cut in two: the `\` is still to come.
        if !rest.contains('\x07') && rest.find('\x1b') == Some(rest.len() - 1) {
            return Some("\x1b".into());
        }
    }
    let rest = &text[text.rfind('\x1b')? + 1..];
    let params = rest.strip_prefix('[')?;
    params
        .chars()
        .all(|c| c.is_ascii_digit() || c == ';' || c == '?')
        .then(|| rest.to_string())
}

/// The bytes of `got` that are not answers to the questions: an OSC 11 reply (ended by BEL or ST, or
/// cut off by the end), a cursor-position report (`ESC [ n ; m R`) and a DA1 reply (`ESC [ ? … c`)
/// are taken out; everything else is left in order.
pub fn typed(got: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < got.len() {
        match reply_len(&got[i..]) {
            Some(n) => i += n,
            None => {
                out.push(got[i]);
                i += 1;
            }
        }
    }
    out
}

/// The length of the answer `bytes` starts with, if it starts with one.
fn reply_len(bytes: &[u8]) -> Option<usize> {
    if let Some(rest) = bytes.strip_prefix(b"\x1b]11;") {
        let end = rest.iter().position(|&b| b == 0x07 || b == 0x1b);
        return Some(match end {
            Some(e) if rest[e] == 0x07 => 5 + e + 1,
            Some(e) if rest.get(e + 1) == Some(&b'\\') => 5 + e + 2,
            // ST cut in two by the timeout: its ESC is no Esc key.
            Some(e) if e + 1 == rest.len() => 5 + e + 1,
            Some(e) => 5 + e,
            None => bytes.len(),
        });
    }
    let rest = bytes.strip_prefix(b"\x1b[")?;
    let params = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';' || **b == b'?')
        .count();
    match rest.get(params) {
        Some(b'R') if params > 0 && rest[0] != b'?' => Some(2 + params + 1),
        Some(b'c') if rest.first() == Some(&b'?') => Some(2 + params + 1),
        _ => None,
    }
}

/// Asks the terminal and waits for the answers (see [`send`] and [`Pending::collect`]).
pub fn ask(background: bool, ambiguous: bool, timeout: Duration) -> io::Result<Answers> {
    Ok(send(background, ambiguous, timeout)?.collect().answers)
}

/// Applies the answers to the look: with `theme` (`--theme auto`) dark or light after the
/// background; ASCII borders when ● was drawn two columns wide. Returns true when the look changed.
pub fn apply(look: &mut crate::look::Look, theme: bool, answers: Answers) -> bool {
    let before = *look;
    if theme {
        let light = answers
            .background
            .is_some_and(crate::ui::palette::is_light_background);
        look.theme = if light {
            crate::look::ThemeName::Light
        } else {
            crate::look::ThemeName::Dark
        };
    }
    if answers.ambiguous_wide == Some(true) {
        look.ascii = true;
    }
    *look != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_parsed() {
        let a = parse(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[5;3R\x1b[?64;1;2c");
        assert_eq!(a.background, Some((255, 255, 255)));
        assert_eq!(a.ambiguous_wide, Some(true));
        assert!(a.done);
        let b = parse(b"\x1b]11;rgb:1e1e/1e1e/1e1e\x07\x1b[1;2R");
        assert_eq!(b.background, Some((0x1e, 0x1e, 0x1e)));
        assert_eq!(b.ambiguous_wide, Some(false));
        assert!(!b.done);
        // A terminal that knows neither question answers DA1 only.
        assert_eq!(
            parse(b"\x1b[?1;2c"),
            Answers {
                done: true,
                ..Answers::default()
            }
        );
        assert_eq!(parse_color("rgb:f/8/0"), Some((255, 136, 0)));
        assert_eq!(parse_color("#ffffff"), Some((255, 255, 255)));
        assert_eq!(parse_color("rgb:zz/00/00"), None);
        assert_eq!(parse(b"\x1b]11;rgb:ff").background, None);
        // Cut off inside the blue channel: not read as the colour it would spell so far.
        assert_eq!(parse(b"\x1b]11;rgb:ffff/ffff/ff").background, None);
        assert_eq!(
            cut_answer(b"j\x1b]11;rgb:ffff/ff").as_deref(),
            Some("11;rgb:ffff/ff")
        );
        assert_eq!(cut_answer(b"\x1b]11;rgb:0/0/0\x07"), None);
        // A cursor-position or DA1 answer cut off: its start, from its `[`.
        assert_eq!(cut_answer(b"\x1b[?64;1c\x1b[5;").as_deref(), Some("[5;"));
        assert_eq!(
            cut_answer(b"\x1b]11;rgb:0/0/0\x07\x1b[?6").as_deref(),
            Some("[?6")
        );
        assert_eq!(cut_answer(b"\x1b[5;3R\x1b[A"), None);
        // ST cut between its ESC and its `\`: the `\` is still to come.
        assert_eq!(
            cut_answer(b"\x1b]11;rgb:0/0/0\x1b").as_deref(),
            Some("\x1b")
        );
        // An Esc key after a whole answer is no terminator's.
        assert_eq!(cut_answer(b"\x1b]11;rgb:0/0/0\x07\x1b"), None);
        assert_eq!(cut_answer(b"\x1b]11;rgb:0/0/0\x1b\\\x1b"), None);
    }

    #[test]
    fn keys_typed_among_the_answers_are_kept_in_order() {
        let got = b"j\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[A\x1b[1;2R?\x1b[?62;22cq";
        assert_eq!(typed(got), b"j\x1b[A?q");
        // BEL ends an OSC reply too; a reply cut off by the timeout is not typed.
        assert_eq!(typed(b"\x1b]11;rgb:0/0/0\x07x\x1b]11;rgb:ff"), b"x");
        // Keys that look like neither reply stay keys: arrows, PgDn, Shift-Tab, Esc, CJK text.
        let keys = "\x1b[B\x1b[6~\x1b[Z\x1b办".as_bytes();
        assert_eq!(typed(keys), keys);
        assert_eq!(typed(b"\x1b[?62;22c"), b"");
        assert_eq!(typed(b""), b"");
        assert_eq!(typed(b"\x1b]11;rgb:0/0/0\x1b"), b"");
    }

    #[test]
    fn questions_end_with_da1_and_clear_the_probe_line() {
        let q = String::from_utf8(questions(true, true)).unwrap();
        assert!(q.starts_with("\x1b]11;?"));
        assert!(q.contains("●\x1b[6n\r\x1b[2K"));
        assert!(q.ends_with("\x1b[c"));
        assert_eq!(questions(false, false), b"\x1b[c");
    }
}
