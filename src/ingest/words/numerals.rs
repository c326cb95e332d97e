//! Numbers as written: arabic digits with thousands commas, decimals and full-width digits, and
//! Chinese numerals below 万 (十二, 两千, 一百二十).

/// A number as written at the start of `s`: its value, its length in bytes, whether it is in Chinese
/// numerals, and whether it is withheld (`**`).
pub(super) struct Num {
    pub(super) value: Option<f64>,
    pub(super) len: usize,
    pub(super) chinese: bool,
}

pub(super) fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(super) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(super) fn cn_scale(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Arabic digits with thousands commas and a decimal point (1,069 · 35.55 · full-width ３５).
pub(super) fn arabic(s: &str) -> Option<Num> {
    let mut digits = String::new();
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = ascii_digit(c) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
            len = i + c.len_utf8();
            continue;
        }
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| ascii_digit(n).is_some());
        if (c == '.' || c == '．') && next_is_digit && !digits.contains('.') && !digits.is_empty()
        {
            digits.push('.');
            continue;
        }
        if c == ',' && next_is_digit && !digits.is_empty() && !digits.contains('.') {
            continue;
        }
        break;
    }
    if digits.is_empty() {
        return None;
    }
    Some(Num {
        value: digits.parse().ok(),
        len,
        chinese: false,
    })
}

/// Chinese numerals below 万 (十二, 两千, 一百二十, 三); 万 and 亿 are read as magnitudes by the caller.
pub(super) fn chinese(s: &str) -> Option<Num> {
    let (mut total, mut current, mut len, mut any) = (0u64, 0u64, 0usize, false);
    let mut last_scale = 10_000u64;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            if current != 0 {
                // 一二 is not a number: stop before the second digit.
                break;
            }
            current = d;
        } else if let Some(sc) = cn_scale(c) {
            if sc >= last_scale {
                break;
            }
            total += if current == 0 && !any { 1 } else { current } * sc;
            current = 0;
            last_scale = sc;
        } else {
            break;
        }
        any = true;
        len = i + c.len_utf8();
    }
    if !any {
        return None;
    }
    Some(Num {
        value: Some((total + current) as f64),
        len,
        chinese: true,
    })
}
