//! Writing the brief: -o and determinism, countdowns and lights, escaping and hostile text in cells, the county brief.

use super::*;

#[test]
fn output_file_and_determinism() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    let out = summary(
        "data",
        "2023-07-03",
        &[],
        &["--format", "markdown", "-o", file.to_str().unwrap()],
    );
    assert!(out.is_empty(), "nothing on stdout with -o: {out}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, seed(), "-o writes what stdout shows");
    // No clock: the same data on the same day gives the same brief.
    assert_eq!(summary("data", "2023-07-03", &[], &[]), written);
}

#[test]
fn countdowns_run_from_today_and_lights_from_the_data() {
    // The seed is as of 2023-06-30; 禾源's milestone is due 2023-07-20 (7月中旬).
    let at_data = summary("data", "2023-06-30", &[], &[]);
    assert!(at_data.contains("剩20天"), "{at_data}");
    let later = summary("data", "2023-07-25", &[], &[]);
    assert!(!later.contains("剩20天"), "{later}");
    assert!(later.contains("已到期 待更新"), "{later}");
    // The lights are judged at the data's date either way.
    assert_eq!(at_data.matches("✕").count(), later.matches("✕").count());
    assert_eq!(at_data.matches("▲").count(), later.matches("▲").count());
}

#[test]
fn escapes_markdown_in_cells() {
    use huibao::commands::summary::escape;
    assert_eq!(escape("a|b"), "a\\|b");
    assert_eq!(escape("**人次"), "\\*\\*人次");
    assert_eq!(
        escape("~260米 <x> [y] _z_ `c` \\"),
        "\\~260米 \\<x\\> \\[y\\] \\_z\\_ \\`c\\` \\\\"
    );
    assert_eq!(escape("两行\n文字"), "两行 文字");
}
#[test]
fn hostile_text_stays_inside_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("town.json"),
        r#"{"name": "测试镇|甲", "title": "*试*报"}"#,
    )
    .unwrap();
    std::fs::create_dir(d.join("2024-01-05")).unwrap();
    std::fs::write(
        d.join("2024-01-05/a.json"),
        r#"{"id": "a", "title": "线|一", "short": "A|B", "as_of": "2024-01-05", "groups": [
            {"title": "g", "items": [
                {"id": "a.x", "label": "标签|含*星*<b>_x_", "source": "s", "headline": true,
                 "figures": [{"value": "**", "unit": "个"}]},
                {"id": "a.y", "label": "~约~", "source": "s", "headline": true,
                 "figures": [{"value": 5, "unit": "个", "target": 10}], "deadline": "2024-01-10"}
            ]}
        ]}"#,
    )
    .unwrap();
    std::fs::write(d.join("2024-01-05/b.json"), "{").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(d)
        .args(["--today", "2024-01-06", "summary"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert_well_formed_markdown(&md);
    let p = plain(&md);
    assert!(p.starts_with("# 会议简报：测试镇|甲 · *试*报\n"), "{md}");
    assert!(p.contains("### 1. A|B：线|一"), "{md}");
    let row = row_with(&md, &["标签"]);
    assert_eq!(cells(row).len(), 5, "{row}");
    assert_eq!(plain(&cells(row)[0]), "标签|含*星*<b>_x_");
    assert_eq!(plain(&cells(row)[1]), "**个");
    let near = rows(section(&md, "四、"));
    assert_eq!(near.len(), 1, "{md}");
    assert!(
        near[0].contains("| \\~约\\~ | 完成期限 | 剩4天 |"),
        "{}",
        near[0]
    );
    // The broken file is reported, not silently dropped.
    assert!(md.contains("> 注意：有 1 个数据问题未能加载"), "{md}");
    assert!(p.contains("- A|B（1 项）：标签|含*星*<b>_x_ **个"), "{md}");
}

#[test]
fn county_brief_is_a_ranking_then_a_section_per_town() {
    let brief = summary("tests/fixtures/county", "2024-05-06", &[], &[]);
    golden("summary-county.md", &brief);
    let ranking = brief
        .find("## 一、各镇排名")
        .expect("the ranking comes first");
    let towns = brief.find("## 二、各镇简报").expect("then the towns");
    assert!(ranking < towns);
    assert!(brief.contains("| 1 | 东山镇 | 2024-05-03 | 3 | 3 | 0 | 2 |"));
    assert!(brief.contains("| 4 | nanling | - | - | - | - | - | 未能加载：town.json:4:1"));
    for heading in ["### 1. 东山镇", "### 2. 西河镇", "### 3. nanling"] {
        assert!(brief.contains(heading), "{heading}");
    }
    // A town's section is the town's own brief, headings two levels down.
    let own = summary("tests/fixtures/county/dongshan", "2024-05-06", &[], &[]);
    let own: Vec<String> = own
        .split("\n---\n")
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("# "))
        .map(|l| {
            if l.starts_with('#') {
                format!("##{l}")
            } else {
                l.to_string()
            }
        })
        .collect();
    let section = brief.split("### 1. 东山镇\n").nth(1).unwrap();
    let section = section.split("\n### 2.").next().unwrap();
    assert_eq!(section.trim(), own.join("\n").trim());
}
