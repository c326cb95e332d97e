//! Rule 5: cutting text to its cap between two glyphs, and the warning for a cut.

use super::CUT_MARK;
use unicode_segmentation::UnicodeSegmentation;

/// Rule 5: cuts `s` to at most `max` characters between two glyphs, ending in [`CUT_MARK`].
pub(super) fn cap(s: String, max: usize) -> (String, Option<usize>) {
    if s.len() <= max {
        return (s, None);
    }
    let chars = s.chars().count();
    if chars <= max {
        return (s, None);
    }
    let room = max.saturating_sub(CUT_MARK.chars().count());
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let n = g.chars().count();
        if used + n > room {
            break;
        }
        used += n;
        end = i + g.len();
    }
    // A joiner left at the end would join nothing (and a second cleaning would remove it).
    let kept = s[..end].trim_end_matches('\u{200d}');
    let mut out = String::with_capacity(kept.len() + CUT_MARK.len());
    out.push_str(kept);
    out.push_str(CUT_MARK);
    (out, Some(chars))
}

/// A string that was cut to its cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// Its field path (`groups[0].items[2].label`).
    pub field: String,
    /// Its length in characters before the cut.
    pub chars: usize,
    /// The cap it was cut to.
    pub cap: usize,
}

impl Cut {
    /// The warning's message.
    pub fn message(&self) -> String {
        format!(
            "the text is {} characters long; it was cut to {} (the limit for this field)",
            self.chars, self.cap
        )
    }
}
