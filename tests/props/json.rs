//! A generator of JSON shaped like line files, and the loader surviving what it generates.

use super::*;

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
