//! Property tests: the width helpers never overflow a column or split a glyph, the sanitizer's
//! output is always clean, and the loader never panics, whatever the bytes.
//!
//! Bounded so the whole file runs in a few seconds in a debug build; nothing is written to disk
//! (`failure_persistence: None`). A failure prints the smallest input found: turn it into a unit
//! test.

use huibao::model::load::parse_line_file;
use huibao::model::sanitize::{self, Kind};
use huibao::text::{pad, pad_left, truncate, width, wrap, ELLIPSIS};
use proptest::prelude::*;
use proptest::test_runner::Config;
use unicode_segmentation::UnicodeSegmentation;

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

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces text is made of: ASCII, Chinese, Chinese punctuation, symbols some terminals draw two
/// wide, emoji with ZWJ and skin tones, combining accents and variation selectors, on their own too.
const POOL: &[&str] = &[
    "a",
    "Z",
    " ",
    "7",
    "中",
    "文",
    "党",
    "建",
    "，",
    "。",
    "“",
    "”",
    "…",
    "·",
    "①",
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "👍🏽",
    "❤\u{fe0f}",
    "e\u{301}",
    "a\u{300}\u{301}",
    "\u{301}",
    "\u{fe0f}",
    "\u{200d}",
    "🎉",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..24).prop_map(|v| v.concat())
}

/// True when `at` is a grapheme boundary of `s`.
fn is_boundary(s: &str, at: usize) -> bool {
    at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
}

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

// ---- the loader never panics ----

/// Characters no cleaned string or message may hold (the first four hold for multi-line text too).
const ESCAPES: [char; 6] = ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\n', '\u{202e}'];

/// Starts of files: byte-order marks, and the start of a line file.
const HEADS: &[&[u8]] = &[
    b"",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"{",
    b"{\"id\": \"",
    b"\xFF\xFE\0\0",
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn loader_survives_arbitrary_bytes(
        head in prop::sample::select(HEADS),
        body in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut bytes = head.to_vec();
        bytes.extend(body);
        if let Ok((text, encoding)) = huibao::model::load::decode(&bytes, "x.json") {
            if encoding == huibao::model::load::TextEncoding::Gb18030 {
                prop_assert!(!text.contains('\u{fffd}'), "no replacement character");
            }
        }
        let _ = parse_line_file(&bytes, "x.json");
        let _ = huibao::model::load::parse_town(&bytes, "town.json");
    }

    #[test]
    fn loader_survives_mutations_of_a_seed_file(
        edits in prop::collection::vec((0usize..7000, any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = include_bytes!("../data/2023-06-30/economy.json").to_vec();
        for (at, byte, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at % bytes.len();
            match kind {
                0 => bytes[at] ^= 1 << (byte % 8),
                1 => bytes[at] = byte,
                2 => bytes.truncate(at),
                _ => bytes.insert(at, byte),
            }
        }
        if let Ok((file, warnings)) = parse_line_file(&bytes, "economy.json") {
            // Whatever loaded is clean.
            for item in file.items() {
                prop_assert!(!item.label.contains(ESCAPES), "{:?}", item.label);
            }
            for w in warnings {
                prop_assert!(!w.message.contains(ESCAPES), "{:?}", w.message);
            }
        }
    }
}

/// A JSON string literal.
fn lit(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// Scalars as JSON text: numbers of every kind (huge, negative, past 2^53, past f64), withheld
/// `"**"`, dates good and bad, and strings with escapes.
fn scalar() -> BoxedStrategy<String> {
    prop_oneof![
        prop::sample::select(
            &[
                "null",
                "true",
                "false",
                "0",
                "-5",
                "6",
                "0.5",
                "1e308",
                "2e308",
                "-2e308",
                "9007199254740993",
                "12345678901234567890123",
                "-12345678901234567890123",
                "1e-400",
                "\"**\"",
                "\"*\"",
                "\"\"",
                "\"2023-06-30\"",
                "\"2023-7-31\"",
                "\"2023-02-30\"",
                "\"多\"",
                "\"次\"",
                "\"\\u001b]0;x\\u0007\"",
                "\"\\ud800\"",
                "\"a\\u0000b\"",
            ][..]
        )
        .prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        text().prop_map(|s| lit(&s)),
    ]
    .boxed()
}

const FIELD_NAMES: &[&str] = &[
    "$schema",
    "id",
    "title",
    "short",
    "as_of",
    "office",
    "leader",
    "groups",
    "items",
    "label",
    "source",
    "headline",
    "figures",
    "start",
    "deadline",
    "deadline_text",
    "done",
    "project",
    "ledger",
    "note",
    "value",
    "unit",
    "approx",
    "target",
    "investment",
    "status",
    "problems",
    "milestones",
    "what",
    "due",
    "due_text",
    "found",
    "rectified",
    "open",
    "entries",
    "description",
    "level",
    "location",
    "owner",
    "closed",
];

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(FIELD_NAMES).prop_map(str::to_string),
        1 => "[a-z\u{1b}\u{4e2d}]{0,6}",
    ]
    .boxed()
}

/// Any JSON value, objects keyed mostly with the format's field names.
fn any_json() -> BoxedStrategy<String> {
    scalar()
        .prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec((key(), inner), 0..6).prop_map(|kv| {
                    let members: Vec<String> =
                        kv.iter().map(|(k, v)| format!("{}: {v}", lit(k))).collect();
                    format!("{{{}}}", members.join(", "))
                }),
            ]
        })
        .boxed()
}

/// An object with the format's fields (each one usually right, sometimes any value, sometimes
/// missing) and now and then an extra key.
fn object(fields: Vec<(&'static str, BoxedStrategy<String>)>) -> BoxedStrategy<String> {
    let members: Vec<BoxedStrategy<Option<String>>> = fields
        .into_iter()
        .map(|(name, good)| {
            prop_oneof![
                14 => good.prop_map(move |v| Some(format!("{}: {v}", lit(name)))),
                1 => Just(None),
                1 => any_json().prop_map(move |v| Some(format!("{}: {v}", lit(name)))),
            ]
            .boxed()
        })
        .collect();
    let extra = prop_oneof![
        9 => Just(Vec::new()),
        1 => prop::collection::vec((key(), any_json()), 1..3),
    ];
    (members, extra)
        .prop_map(|(members, extra)| {
            let mut all: Vec<String> = members.into_iter().flatten().collect();
            all.extend(extra.iter().map(|(k, v)| format!("{}: {v}", lit(k))));
            format!("{{{}}}", all.join(", "))
        })
        .boxed()
}

fn list(of: BoxedStrategy<String>, max: usize) -> BoxedStrategy<String> {
    prop::collection::vec(of, 0..max)
        .prop_map(|v| format!("[{}]", v.join(", ")))
        .boxed()
}

fn string() -> BoxedStrategy<String> {
    text().prop_map(|s| lit(&s)).boxed()
}

fn day() -> BoxedStrategy<String> {
    prop::sample::select(
        &[
            "\"2023-06-30\"",
            "\"2023-07-31\"",
            "\"2024-02-29\"",
            "\"2023-13-01\"",
        ][..],
    )
    .prop_map(str::to_string)
    .boxed()
}

fn figure() -> BoxedStrategy<String> {
    object(vec![
        ("label", string()),
        ("value", scalar()),
        (
            "unit",
            prop::sample::select(&["\"次\"", "\"亩\"", "\"万元\"", "\"公顷\""][..])
                .prop_map(str::to_string)
                .boxed(),
        ),
        (
            "approx",
            prop::sample::select(&["\"多\"", "\"余\"", "\"约\"", "\"大约\""][..])
                .prop_map(str::to_string)
                .boxed(),
        ),
        ("target", scalar()),
    ])
}

fn item() -> BoxedStrategy<String> {
    let milestone = object(vec![("what", string()), ("due", day()), ("done", scalar())]);
    let project = object(vec![
        ("investment", figure()),
        ("status", string()),
        ("problems", list(string(), 3)),
        ("milestones", list(milestone, 3)),
    ]);
    let hazard = object(vec![
        ("id", string()),
        ("description", string()),
        ("found", day()),
        ("closed", day()),
    ]);
    let ledger = object(vec![
        ("unit", string()),
        ("found", scalar()),
        ("rectified", scalar()),
        ("open", scalar()),
        ("entries", list(hazard, 3)),
    ]);
    object(vec![
        ("id", string()),
        ("label", string()),
        ("source", string()),
        ("figures", list(figure(), 3)),
        ("project", project),
        ("ledger", ledger),
        ("deadline", day()),
        ("note", string()),
    ])
}

fn line_file() -> BoxedStrategy<String> {
    let group = object(vec![("title", string()), ("items", list(item(), 4))]);
    object(vec![
        ("id", string()),
        ("title", string()),
        ("as_of", day()),
        ("groups", list(group, 3)),
    ])
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn loader_survives_arbitrary_json(json in prop_oneof![1 => any_json(), 3 => line_file()]) {
        if let Ok((file, _)) = parse_line_file(json.as_bytes(), "x.json") {
            for item in file.items() {
                prop_assert!(!item.source.contains(&ESCAPES[..4]), "{:?}", item.source);
            }
        }
        let _ = huibao::model::load::parse_town(json.as_bytes(), "town.json");
    }
}

#[test]
fn the_shaped_generator_reaches_files_that_load() {
    // Guard against a generator that only ever makes errors: some generated files must load.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = line_file();
    let loaded = (0..200)
        .filter(|_| {
            let json = strategy.new_tree(&mut runner).expect("a value").current();
            parse_line_file(json.as_bytes(), "x.json").is_ok()
        })
        .count();
    assert!(loaded >= 20, "only {loaded} of 200 generated files loaded");
}
