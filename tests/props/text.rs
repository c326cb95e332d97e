//! The width helpers never overflow a column or split a glyph; wrapping keeps figures whole; cleaned text is safe.

use super::*;

/// Words of a report sentence: figures with units, withheld figures, Chinese words, punctuation.
const WORDS: &[&str] = &[
    "检查38个",
    "投资1000万元",
    "总投资1.2亿元",
    "基地**个",
    "培训**人次",
    "硬化6227平方米",
    "培训42人次",
    "完成25%",
    "占地400多亩",
    "召开",
    "专题会议",
    "党风廉政建设",
    "（扩大）",
    "“回头看”",
    "，",
    "。",
    "、",
    "；",
    "整改",
    "Plan B",
    " ",
    "2023年",
    "7月",
    "项目",
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn truncate_fits_and_keeps_whole_glyphs(s in text(), w in 0usize..40) {
        let t = truncate(&s, w);
        prop_assert!(width(&t) <= w, "{t:?} is {} wide, max {w}", width(&t));
        // ratatui measures a span with unicode-width over the whole string: the same answer.
        let uw = unicode_width::UnicodeWidthStr::width(t.as_str());
        prop_assert!(uw <= w, "{t:?} is {uw} wide for unicode-width, max {w}");
        if width(&s) <= w {
            prop_assert_eq!(&t, &s);
        } else {
            let ell = if w > ELLIPSIS.len() + 1 { ELLIPSIS } else { "" };
            let kept = t.strip_suffix(ell).expect("ends in the ellipsis");
            prop_assert!(s.starts_with(kept), "{kept:?} is not a prefix of {s:?}");
            prop_assert!(is_boundary(&s, kept.len()), "{kept:?} splits a glyph of {s:?}");
            // Nothing more would have fitted, unless the cut fell in a figure: a figure is shown
            // whole or not at all, so the kept text stops before it and never ends in a digit.
            let next = s[kept.len()..].graphemes(true).next().expect("something was cut");
            let figure = |c: char| c.is_ascii_digit() || "*.,/%+-~".contains(c);
            prop_assert!(!kept.ends_with(figure), "{t:?} ends in a cut figure");
            prop_assert!(
                next.starts_with(figure) || width(kept) + width(next) + ell.len() > w,
                "{t:?}: more of {s:?} would have fitted"
            );
        }
    }

    #[test]
    fn pad_is_exactly_w_wide(s in text(), w in 0usize..40) {
        prop_assert_eq!(width(&pad(&s, w)), w);
        prop_assert_eq!(width(&pad_left(&s, w)), w);
    }

    #[test]
    fn wrap_lines_fit(
        parts in prop::collection::vec(text(), 1..4),
        w in 0usize..30,
    ) {
        let s = parts.join("\n");
        let lines = wrap(&s, w);
        let max = w.max(2);
        for l in &lines {
            prop_assert!(width(l) <= max, "{l:?} is {} wide, max {max}", width(l));
        }
        // Nothing is lost but glyphs wider than the whole line (and spaces where a line was broken).
        let kept: String = s
            .split('\n')
            .flat_map(|p| p.graphemes(true))
            .filter(|g| width(g) <= max)
            .collect();
        prop_assert_eq!(lines.concat().replace(' ', ""), kept.replace(' ', ""));
    }

    /// Sentences made of figures with units, `**`, Chinese words and punctuation, wrapped at widths
    /// where every figure fits a line: no line ends inside a figure or before its unit, and none starts
    /// with closing punctuation.
    #[test]
    fn wrap_keeps_figures_whole_and_punctuation_attached(
        words in prop::collection::vec(prop::sample::select(WORDS), 1..30),
        w in 24usize..60,
    ) {
        let s: String = words.concat();
        let lines = wrap(&s, w);
        prop_assert_eq!(lines.concat().replace(' ', ""), s.replace(' ', ""));
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(width(a) <= w);
            let last = a.chars().last().unwrap_or(' ');
            let first = b.chars().next().unwrap_or(' ');
            prop_assert!(
                !(last.is_ascii_digit() || last == '*'),
                "figure cut: {a:?} | {b:?}"
            );
            prop_assert!(!"，。、）；：”".contains(first), "{a:?} | {b:?}");
            prop_assert!(!"（“".contains(last), "{a:?} | {b:?}");
            for unit in ["万元", "亿元", "平方米", "人次"] {
                for k in 1..unit.chars().count() {
                    let head: String = unit.chars().take(k).collect();
                    let tail: String = unit.chars().skip(k).collect();
                    prop_assert!(
                        !(a.ends_with(&head) && b.starts_with(&tail)
                            && a.trim_end_matches(&*head).ends_with(|c: char| c.is_ascii_digit() || c == '*')),
                        "unit cut: {a:?} | {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cleaned_text_is_safe_and_stable(
        s in prop_oneof![
            any::<String>(),
            text(),
            prop::collection::vec(
                prop::sample::select(&[
                    "\u{1b}", "]", "[", "\u{7}", "\u{9b}", "\r", "\n", "\t", "\u{202e}", "\u{2066}",
                    "\u{200b}", "\u{200d}", "\u{feff}", "👨", "中", "e", "\u{301}", "\u{7f}",
                    "\u{2028}", "\u{85}",
                ][..]),
                0..40,
            ).prop_map(|v| v.concat()),
        ],
        multi in any::<bool>(),
    ) {
        let kind = if multi { Kind::Text } else { Kind::Line };
        let (c, _) = sanitize::clean_as(&s, kind);
        for ch in c.chars() {
            let bad = matches!(ch,
                '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}'
                | '\u{61c}' | '\u{2060}' | '\u{feff}' | '\u{2028}' | '\u{2029}');
            prop_assert!(!bad || (ch == '\n' && multi), "{ch:?} left in {c:?}");
        }
        prop_assert!(c.chars().count() <= kind.cap());
        prop_assert_eq!(sanitize::clean_as(&c, kind).0, c.clone(), "cleaning twice changes nothing");
        let shown = sanitize::for_terminal(&s);
        prop_assert!(!shown.contains(ESCAPES), "{:?}", shown);
    }
}
