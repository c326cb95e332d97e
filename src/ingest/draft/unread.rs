//! Numbers a sentence states that were read as neither a figure nor a date: sent for review.

use super::{Amount, Deadline, Reason, Review};

/// Arabic numbers that are neither a figure nor a date: the sentence goes to the review list once.
pub(super) fn unread_numbers(
    sent: &str,
    found: &[Amount],
    dls: &[Deadline],
    review: &mut Vec<Review>,
) {
    let covered = |i: usize| {
        found.iter().any(|a| a.start <= i && i < a.end)
            || dls.iter().any(|d| d.start <= i && i < d.end)
    };
    let mut unread: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < sent.len() {
        let c = sent[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() && !covered(i) {
            let len = sent[i..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.')
                .count();
            // Text taken from a PDF spaces its numbers (2024 年, 1-8 月): the words after count.
            let after = sent[i + len..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
            // Ages, dates, month ranges (1-5月, 1至11月) and codes (3C, 5G) are words, not figures.
            let month_range = after
                .strip_prefix(['-', '—', '－', '~', '至', '到'])
                .is_some_and(|r| {
                    r.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
                        .starts_with('月')
                });
            let code = after.starts_with(|c: char| c.is_ascii_alphabetic());
            // 全省总量1/6: a fraction, no count.
            let fraction = after.starts_with('/') || sent[..i].ends_with('/');
            let skip = month_range
                || code
                || fraction
                || ["岁", "年", "月", "日", "号", "届", "周年"]
                    .iter()
                    .any(|w| after.starts_with(w));
            if !skip {
                unread.push(&sent[i..i + len]);
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    if !unread.is_empty() {
        review.push(Review {
            sentence: sent.into(),
            reason: Reason::Unread(unread.join("、")),
        });
    }
}
