//! The exact cleaned text of the hostile fixture: every loaded string and problem is free of forbidden characters.

use super::*;

// ---- the exact cleaned text ----

#[test]
fn town_json_is_cleaned() {
    let ds = hostile();
    assert_eq!(ds.town.name, "␛]0;PWNED␇**镇");
    assert_eq!(ds.town.title, "标题：reportfdp.exe");
    assert_eq!(ds.town.lines, ["hostile", "misspelt"]);
}

#[test]
fn every_string_of_the_line_file_is_cleaned() {
    let ds = hostile();
    let f = &ds
        .line("hostile")
        .expect("the hostile line loads")
        .latest()
        .file;
    assert_eq!(f.title, "␛]0;PWNED␇汇报");
    assert_eq!(f.short.as_deref(), Some("标题"));
    assert_eq!(f.office.as_deref(), Some("reportfdp.exe"));
    assert_eq!(f.leader.as_deref(), Some("ab"));
    let g = &f.groups[0];
    assert_eq!(g.title, "1、␛]8;;http://x␛\\link␛]8;;␛\\");

    // Controls become pictures (C1 becomes U+FFFD); a lone CR is a control, CR LF a line break;
    // line breaks stay in `source` and `note` and are spaces elsewhere; tabs are spaces.
    let osc = &g.items[0];
    assert_eq!(osc.label, "␛]0;PWNED␇");
    assert_eq!(
        osc.source,
        "␛]8;;http://x␛\\link␛]8;;␛\\ \u{fffd}31m红色␍覆盖\n第二行 制表符"
    );
    assert_eq!(osc.leader.as_deref(), Some("\u{fffd}31m"));
    assert_eq!(osc.office.as_deref(), Some("␍覆盖"));
    assert_eq!(osc.figures[0].label.as_deref(), Some("a b"));
    assert_eq!(osc.deadline_text.as_deref(), Some("年底前␇"));
    assert_eq!(osc.note.as_deref(), Some("reportfdp.exe\n第二行"));

    // Bidi and zero-width characters go; ZWJ stays inside the emoji only; NFC.
    let uni = &g.items[1];
    assert_eq!(uni.label, "👨\u{200d}👩\u{200d}👧 家庭 Caf\u{e9} ab");
    assert_eq!(uni.source, "标题 ab xyz");

    // 5,000 characters are cut to the cap.
    let long = &g.items[2];
    assert_eq!(long.label, format!("{}..", "长".repeat(LINE_CAP - 2)));

    let project = &g.items[3];
    assert_eq!(project.label, "项目\u{fffd}31m");
    assert_eq!(project.source, "项目␛[2J清屏");
    let p = project.project().expect("project");
    assert_eq!(p.status.as_deref(), Some("进行中␛P1;2|xx␛\\"));
    assert_eq!(p.problems, ["问题一␇", "问题二\n续"]);
    assert_eq!(p.milestones[0].what, "建成␛[5m");
    assert_eq!(p.milestones[0].due_text.as_deref(), Some("7月底前"));

    let ledger = &g.items[4];
    assert_eq!(ledger.label, "台账");
    assert_eq!(ledger.source, "隐患\u{fffd}排查");
    let h = &ledger.ledger().expect("ledger").entries[0];
    assert_eq!(
        (
            h.id.as_str(),
            h.description.as_str(),
            h.level.as_deref(),
            h.location.as_deref(),
            h.owner.as_deref()
        ),
        (
            "H-1␛",
            "描述\n第二行␛]0;x␇",
            Some("一般"),
            Some("村口 东"),
            Some("李四")
        )
    );
}

#[test]
fn problems_are_cleaned_and_exact() {
    let ds = hostile();
    let dir = hostile_dir().display().to_string();
    let printed: Vec<String> = ds.problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        printed,
        [
            format!(
                "{dir}/2023-06-30/hostile.json:42:20: groups[0].items[2].label: the text is 5000 characters long; it was cut to 2000 (the limit for this field)"
            ),
            format!(
                "{dir}/2023-06-30/misspelt.json:16:15: groups[0].items[0].figures[0].val␛]0;PWNED␇ue: unknown field `val␛]0;PWNED␇ue`, expected one of `label`, `value`, `unit`, `approx`, `target`, `bound`, `target_bound`, `value_max`, `target_max`, `firmness`, `growth`, `rate`, `decimals`, `per`, `threshold`, `period`, `parts`, `parts_cover`"
            ),
        ]
    );
    assert_eq!(ds.problems[0].severity, Severity::Warning);
    assert_eq!(ds.problems[1].severity, Severity::Error);
}

#[test]
fn nothing_in_any_loaded_string_is_forbidden() {
    let ds = hostile();
    let f = &ds.line("hostile").expect("loads").latest().file;
    let json = serde_json::to_string(f).expect("serialize");
    let back: serde_json::Value = serde_json::from_str(&json).expect("parse");
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut strings = Vec::new();
    walk(&back, &mut strings);
    assert!(strings.len() > 40, "{}", strings.len());
    for s in strings
        .iter()
        .map(String::as_str)
        .chain([ds.town.name.as_str(), ds.town.title.as_str()])
    {
        let bad: Vec<char> = s.chars().filter(|&c| forbidden(c) && c != '\n').collect();
        assert!(bad.is_empty(), "{s:?} holds {bad:?}");
    }
    for d in &ds.problems {
        assert!(!d.field.chars().any(forbidden), "{d:?}");
        assert!(!d.message.chars().any(forbidden), "{d:?}");
    }
}

#[test]
fn sanitize_is_idempotent_on_the_fixture() {
    let ds = hostile();
    let f = &ds.line("hostile").expect("loads").latest().file;
    for item in f.items() {
        assert_eq!(sanitize::clean(&item.label), item.label);
        assert_eq!(sanitize::clean_text(&item.source), item.source);
    }
}
