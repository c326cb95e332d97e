//! An answer to the start-up questions that came after their timeout (a slow link): the key reader
//! reads the background colour's reply (`ESC ] 11 ; rgb:… ST`) as Alt-] and a run of characters,
//! which would page to the next week and type into the search. While such an answer can still come,
//! those keys are taken out, and the colour they spell is used as if it had come in time.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;

/// How long after the questions a late answer is still looked for.
pub const LOOKED_FOR: Duration = Duration::from_secs(10);

/// The longest answer read: `11;rgb:RRRR/GGGG/BBBB` is 21 characters.
const LONGEST: usize = 32;

/// What the key reader gave, seen through [`Late`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// A key of the user's.
    Key,
    /// Part of a late answer: dropped.
    Answer,
    /// The end of a late answer giving the terminal's background.
    Background((u8, u8, u8)),
}

/// Watches the keys for a late answer.
#[derive(Debug, Clone, Default)]
pub struct Late {
    /// Until when (time since start) an answer can come; None when every answer came.
    until: Option<Duration>,
    /// The answer read so far, once its Alt-] came.
    inside: Option<String>,
    /// The rest of an answer the timeout cut off where no Alt-] will open it: what can go on with it,
    /// what ends it, and until when it is looked for.
    tail: Option<Tail>,
    /// Keys still to come that the probe read before any answer it cut off: the user's.
    typed_first: usize,
}

/// The rest of a cut answer (see [`Late::after`]).
#[derive(Debug, Clone)]
struct Tail {
    /// The characters that go on with it.
    goes_on: &'static str,
    /// The characters that end it.
    ends: &'static str,
    /// Until when (time since start) it is looked for.
    until: Duration,
}

impl Late {
    /// Looks for a late answer until `until` when the background was asked for and its answer did
    /// not come in time (a terminal may also answer out of order, DA1 first); `cut` is the start of
    /// one the timeout cut off (`11;rgb:ffff/ff`), whose rest is read first; a cut cursor-position
    /// or DA1 answer (`[5;`), or the ESC of a string terminator (`\x1b`, its `\\` due), has its
    /// rest read first whatever was awaited.
    pub fn after(awaited: bool, cut: Option<String>, until: Duration) -> Late {
        let tail = match cut.as_deref() {
            Some(c) if c.starts_with('[') => Some(("0123456789;?", "Rc")),
            Some("\x1b") => Some(("", "\\")),
            _ => None,
        };
        Late {
            until: awaited.then_some(until),
            inside: cut.filter(|_| awaited && tail.is_none()),
            tail: tail.map(|(goes_on, ends)| Tail {
                goes_on,
                ends,
                until,
            }),
            typed_first: 0,
        }
    }

    /// The first `typed` keys to come are the user's, whatever they look like: those the probe read
    /// (they come to the loop before any other), which came before the answers it cut off.
    pub fn passing(self, typed: usize) -> Late {
        Late {
            typed_first: typed,
            ..self
        }
    }

    /// Takes `key`, read at `now` (time since start).
    pub fn see(&mut self, key: &KeyEvent, now: Duration) -> Seen {
        if self.typed_first > 0 {
            self.typed_first -= 1;
            return Seen::Key;
        }
        if let Some(tail) = self.tail.take() {
            let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
            match key.code {
                KeyCode::Char(c) if plain && now <= tail.until => {
                    if tail.goes_on.contains(c) {
                        self.tail = Some(tail);
                        return Seen::Answer;
                    }
                    if tail.ends.contains(c) {
                        return Seen::Answer;
                    }
                }
                _ => {}
            }
        }
        let Some(mut text) = self.inside.take() else {
            let opens = key.code == KeyCode::Char(']') && key.modifiers == KeyModifiers::ALT;
            if opens && self.until.is_some_and(|u| now <= u) {
                self.inside = Some(String::new());
                return Seen::Answer;
            }
            return Seen::Key;
        };
        let ends = match key.code {
            KeyCode::Char('\\') => key.modifiers == KeyModifiers::ALT,
            KeyCode::Char('g') => key.modifiers == KeyModifiers::CONTROL,
            _ => false,
        };
        if ends {
            self.until = None;
            let color = text.strip_prefix("11;").and_then(super::probe::parse_color);
            return color.map_or(Seen::Answer, Seen::Background);
        }
        match key.code {
            KeyCode::Char(c) if key.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
                text.push(c);
                let head: String = text.chars().take(3).collect();
                if text.len() <= LONGEST && "11;".starts_with(&head) {
                    self.inside = Some(text);
                }
                Seen::Answer
            }
            // Anything else cannot be part of an answer: the user's key after all.
            _ => Seen::Key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(late: &mut Late, bytes: &[u8], now: Duration) -> Vec<Seen> {
        super::super::typeahead::keys(bytes)
            .iter()
            .map(|k| late.see(k, now))
            .collect()
    }

    #[test]
    fn a_late_background_is_read_whole_and_nothing_of_it_is_a_key() {
        let mut late = Late::after(true, None, LOOKED_FOR);
        let seen = read(
            &mut late,
            b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\j",
            Duration::from_secs(1),
        );
        let (last, answer) = seen.split_last().unwrap();
        assert_eq!(*last, Seen::Key, "the key after it is the user's");
        assert_eq!(answer.last(), Some(&Seen::Background((255, 255, 255))));
        assert!(answer[..answer.len() - 1]
            .iter()
            .all(|s| *s == Seen::Answer));
        // BEL ends it too; once it came, Alt-] is a key again.
        let mut late = Late::after(true, None, LOOKED_FOR);
        let seen = read(&mut late, b"\x1b]11;#000000\x07\x1b]", Duration::ZERO);
        assert_eq!(seen[seen.len() - 2], Seen::Background((0, 0, 0)));
        assert_eq!(seen.last(), Some(&Seen::Key));
    }

    #[test]
    fn the_rest_of_an_answer_cut_off_by_the_timeout_is_no_keys() {
        // `/` would open the search and `f` the filter.
        let mut late = Late::after(true, Some("11;rgb:ffff/ff".into()), LOOKED_FOR);
        let seen = read(&mut late, b"ff/ffff\x1b\\q", Duration::ZERO);
        let (last, answer) = seen.split_last().unwrap();
        assert_eq!(*last, Seen::Key);
        assert_eq!(answer.last(), Some(&Seen::Background((255, 255, 255))));
        assert!(answer[..answer.len() - 1]
            .iter()
            .all(|s| *s == Seen::Answer));
    }

    #[test]
    fn alt_bracket_is_a_key_when_no_answer_is_awaited_or_what_follows_is_no_answer() {
        let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let alt = KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT);
        let mut answered = Late::after(false, None, LOOKED_FOR);
        assert_eq!(answered.see(&alt, Duration::ZERO), Seen::Key);
        let mut too_late = Late::after(true, None, LOOKED_FOR);
        assert_eq!(too_late.see(&alt, LOOKED_FOR * 2), Seen::Key);
        // Alt-] then `j`: the `j` is taken (it might have been an answer), the key after is not.
        let mut late = Late::after(true, None, LOOKED_FOR);
        assert_eq!(late.see(&alt, Duration::ZERO), Seen::Answer);
        assert_eq!(late.see(&k('j'), Duration::ZERO), Seen::Answer);
        assert_eq!(late.see(&k('j'), Duration::ZERO), Seen::Key);
        // An arrow ends it at once and is the user's.
        let mut late = Late::after(true, None, LOOKED_FOR);
        late.see(&alt, Duration::ZERO);
        let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(late.see(&down, Duration::ZERO), Seen::Key);
        assert_eq!(late.see(&k('j'), Duration::ZERO), Seen::Key);
    }

    #[test]
    fn the_rest_of_a_cursor_or_attributes_answer_cut_off_by_the_timeout_is_no_keys() {
        // `ESC [ 5 ;` came in time, `3R` after: `3` would jump to the third line.
        let mut late = Late::after(false, Some("[5;".into()), LOOKED_FOR);
        let seen = read(&mut late, b"3Rj", Duration::ZERO);
        assert_eq!(seen, [Seen::Answer, Seen::Answer, Seen::Key]);
        // The same for DA1's `ESC [ ? 64 ; 1 ; 2 c`, with the background still awaited.
        let mut late = Late::after(true, Some("[?64".into()), LOOKED_FOR);
        let seen = read(&mut late, b";1;2c2", Duration::ZERO);
        assert_eq!(
            seen.last(),
            Some(&Seen::Key),
            "the 2 after it is the user's"
        );
        assert!(seen[..seen.len() - 1].iter().all(|s| *s == Seen::Answer));
        // A key no answer goes on with is the user's; so is a digit long after.
        let mut late = Late::after(false, Some("[5;".into()), LOOKED_FOR);
        assert_eq!(
            read(&mut late, b"q3", Duration::ZERO),
            [Seen::Key, Seen::Key]
        );
        let mut late = Late::after(false, Some("[5;".into()), LOOKED_FOR);
        assert_eq!(read(&mut late, b"3", LOOKED_FOR * 2), [Seen::Key]);
    }

    #[test]
    fn keys_typed_before_a_cut_answer_are_the_users() {
        // The probe read `j`, then `ESC ] 11;rgb:ffff/ff` until its timeout: the `j` comes to the
        // loop first, and is no part of the answer whose rest follows.
        let mut late = Late::after(true, Some("11;rgb:ffff/ff".into()), LOOKED_FOR).passing(1);
        let seen = read(&mut late, b"jff/ffff\x1b\\", Duration::ZERO);
        assert_eq!(seen[0], Seen::Key);
        assert_eq!(seen.last(), Some(&Seen::Background((255, 255, 255))));
        assert!(seen[1..seen.len() - 1].iter().all(|s| *s == Seen::Answer));
        // The same before a cut cursor-position answer: `3` typed, then `ESC [ 5 ;` | `3R`.
        let mut late = Late::after(false, Some("[5;".into()), LOOKED_FOR).passing(1);
        let seen = read(&mut late, b"33R", Duration::ZERO);
        assert_eq!(seen, [Seen::Key, Seen::Answer, Seen::Answer]);
    }

    #[test]
    fn the_backslash_of_a_string_terminator_cut_in_two_is_no_key() {
        // The probe read the answer up to ST's ESC; the `\` would say the key does nothing, or be
        // typed into the search.
        let mut late = Late::after(false, Some("\x1b".into()), LOOKED_FOR);
        let seen = read(&mut late, b"\\\\", Duration::ZERO);
        assert_eq!(
            seen,
            [Seen::Answer, Seen::Key],
            "only the first is the answer's"
        );
    }
}
