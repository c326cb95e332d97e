//! `huibao summary`: golden briefs of the seed report and of the weekly history fixture, plus the facts
//! each brief must state (checked against the seed report and the fixture's README by hand, and here).
//!
//! Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test summary`, then read the diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `huibao --data <dir> --today <today> [extra…] summary [args…]` and returns its standard output.
fn summary(data: &str, today: &str, global: &[&str], args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .arg("--data")
        .arg(root().join(data))
        .args(["--today", today])
        .args(global)
        .arg("summary")
        .args(args)
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    assert!(
        out.status.success(),
        "huibao summary failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "unexpected stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn seed() -> String {
    summary("data", "2023-07-03", &[], &[])
}

fn history(lang: &str) -> String {
    summary(
        "tests/fixtures/history",
        "2024-05-10",
        &["--lang", lang],
        &[],
    )
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        eprintln!("updated {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nCreate it with: UPDATE_GOLDEN=1 cargo test --test summary",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut report = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            if shown < 30 {
                report.push_str(&format!("line {}:\n", i + 1));
                if let Some(x) = x {
                    report.push_str(&format!("  - {x}\n"));
                }
                if let Some(y) = y {
                    report.push_str(&format!("  + {y}\n"));
                }
            }
            shown += 1;
        }
    }
    if shown == 0 {
        report.push_str("(only line endings or the final newline differ)\n");
    }
    panic!(
        "{} differs from the output ({shown} line(s); - golden, + actual):\n{report}\n\
         If the change is intended, regenerate with:\n  UPDATE_GOLDEN=1 cargo test --test summary\n\
         and review `git diff tests/golden`.",
        path.display()
    );
}

/// The text as a Markdown renderer shows it: backslash escapes removed (`\*\*人次` → `**人次`).
fn plain(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The part of the brief from the heading starting with `start` to the next `## ` heading.
fn section<'a>(md: &'a str, start: &str) -> &'a str {
    let at = md
        .find(&format!("\n## {start}"))
        .unwrap_or_else(|| panic!("no section {start}"));
    let rest = &md[at + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

/// The table rows (not head or delimiter) of a piece of the brief.
fn rows(md: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_table = 0;
    for l in md.lines() {
        if l.starts_with('|') {
            in_table += 1;
            if in_table > 2 {
                out.push(l);
            }
        } else {
            in_table = 0;
        }
    }
    out
}

/// The table row that contains every one of `parts`.
fn row_with<'a>(md: &'a str, parts: &[&str]) -> &'a str {
    md.lines()
        .find(|l| l.starts_with('|') && parts.iter().all(|p| l.contains(p)))
        .unwrap_or_else(|| panic!("no table row with {parts:?} in:\n{md}"))
}

/// Cells of a table row, split on unescaped `|`.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = row.trim().chars().peekable();
    assert_eq!(chars.next(), Some('|'), "row starts with |: {row}");
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push(c);
                cur.extend(chars.next());
            }
            '|' => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    assert!(cur.trim().is_empty(), "row ends with |: {row}");
    out
}

/// Markdown structure that survives pasting into Word via any converter: every table has a head and
/// delimiter row, a blank line before it, and the same number of cells on every row; no raw `**`.
fn assert_well_formed_markdown(md: &str) {
    assert!(
        md.ends_with('\n') && !md.ends_with("\n\n"),
        "one final newline"
    );
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        assert!(
            i > 0 && lines[i - 1].is_empty(),
            "blank line before the table at line {}",
            i + 1
        );
        let n = cells(lines[i]).len();
        let delim = cells(lines[i + 1]);
        assert!(
            delim.iter().all(|c| c == "---") && delim.len() == n,
            "delimiter row after the head at line {}",
            i + 1
        );
        while i < lines.len() && lines[i].starts_with('|') {
            assert_eq!(
                cells(lines[i]).len(),
                n,
                "cells of line {}: {}",
                i + 1,
                lines[i]
            );
            i += 1;
        }
        assert!(
            i == lines.len() || lines[i].is_empty(),
            "blank line after the table"
        );
    }
    for (n, l) in lines.iter().enumerate() {
        let unescaped = l.replace("\\*", "");
        assert!(
            !unescaped.contains('*'),
            "line {}: a raw * would turn into bold or a list: {l}",
            n + 1
        );
        assert!(!l.ends_with(' '), "line {}: trailing space: {l:?}", n + 1);
    }
}

#[test]
fn seed_brief_matches_the_golden_file() {
    let md = seed();
    assert_well_formed_markdown(&md);
    golden("summary-seed.md", &md);
}

#[test]
fn history_brief_matches_the_golden_file() {
    let md = history("zh");
    assert_well_formed_markdown(&md);
    golden("summary-history.md", &md);
}

#[test]
fn english_history_brief_matches_the_golden_file() {
    let md = history("en");
    assert_well_formed_markdown(&md);
    golden("summary-history-en.md", &md);
}

#[test]
fn seed_brief_states_the_reports_figures() {
    let md = seed();
    let p = plain(&md);
    // Title: town, report title, data date; the seed has one snapshot, so nothing to compare with.
    let first = p.lines().next().unwrap();
    assert!(first.starts_with("# "), "{first}");
    assert!(first.contains("**镇") && first.contains("**镇2023年上半年工作汇报"));
    assert!(p.contains("数据截至 2023-06-30（首期数据，无上期可比）"));

    // Work lines in board order, with short name and title.
    let order = [
        "党的建设",
        "经济发展",
        "基础设施",
        "安全生产",
        "民生保障",
        "下步工作",
    ];
    let mut at = 0;
    for (i, name) in order.iter().enumerate() {
        let h = format!("### {}. {name}：", i + 1);
        let pos = p[at..].find(&h).unwrap_or_else(|| panic!("{h}")) + at;
        at = pos;
    }
    assert!(p.contains("### 1. 党的建设：加强思想政治建设，实现党建工作新突破"));
    assert_eq!(p.matches("截至 2023-06-30 · 红灯 0 · 黄灯 0").count(), 6);

    let lines = section(&md, "一、");
    // 成功引进总投资1.2亿元禾源白羽鸡养殖项目 … 占地400多亩 … 莲花城基地**个棚
    let heyuan = plain(row_with(lines, &["禾源白羽鸡养殖项目"]));
    assert!(heyuan.contains("| 1.2亿元（"), "{heyuan}");
    assert!(heyuan.contains("占地 400多亩"), "{heyuan}");
    assert!(heyuan.contains("莲花城基地养殖棚 **个"), "{heyuan}");
    // 计划7月中旬项目开工建设: the next milestone, 17 days after --today 2023-07-03.
    assert!(heyuan.contains("2023-07-20（7月中旬）剩17天"), "{heyuan}");
    // 规划建设占地800亩的现代果业种植基地，目前200亩基地苗木已定植完成; 引进投资5000万.
    let tangxi = row_with(lines, &["汤西现代农业产业园"]);
    assert!(tangxi.contains("| 5000万元 |"), "{tangxi}");
    assert!(tangxi.contains("200/800亩 (25%)"), "{tangxi}");
    // 发现并整改隐患11处.
    let fire = row_with(lines, &["消防隐患排查整改"]);
    assert!(
        fire.contains("发现11 整改11 未改0") && fire.contains("✓ 完成"),
        "{fire}"
    );
    // 确保2023完成地方级税收任务数1898万元.
    let tax = row_with(lines, &["地方级税收任务"]);
    assert!(
        tax.contains("目标1898万元") && tax.contains("2023-12-31（2023年）剩181天"),
        "{tax}"
    );
    assert!(row_with(lines, &["棚改群众安置上楼"]).contains("| 1069户 |"));
    assert!(row_with(lines, &["镇域道路改造及硬化"]).contains("| 约6227平方米 |"));
    // A long line (民生保障, 19 items with figures) shows its money first and says how many more
    // there are; a short one shows every figure.
    assert!(row_with(lines, &["信用折扣节约成本"]).contains("| 40多万元 |"));
    assert!(lines.contains("另有10项数据未列出（见看板）"));
    assert!(row_with(lines, &["消防隐患排查整改"]).contains("发现11"));
    assert!(row_with(lines, &["运用“第一种形态”教育处理干部"]).contains("| 42人次 |"));

    assert!(section(&md, "二、").contains("本期为首期数据，没有上期可比。"));
    assert!(section(&md, "三、").contains("暂无滞后、严重滞后或逾期事项。"));

    // From --today 2023-07-03 the 14-day window ends 2023-07-17: 禾源's 7月中旬 (07-20) and 7月底前 (07-31)
    // milestones are outside it, and nothing is overdue, so the section names the next one instead.
    let near = section(&md, "四、");
    assert!(rows(near).is_empty(), "{near}");
    assert!(
        near.contains("今天起 14 天内没有到期的期限，也没有已逾期的。"),
        "{near}"
    );
    assert!(
        near.contains("最近的期限：2023-07-20 经济发展 禾源白羽鸡养殖项目 其他3处养殖区开工建设（7月中旬），剩17天。"),
        "{near}"
    );
    assert!(!near.contains("7月底前") && !near.contains("2023-07-31"));

    // 16 figures are printed ** in the report: 4 in 党建, 3 in 经济, 1 in 基础设施, 8 in 民生.
    let w = plain(section(&md, "五、"));
    assert!(w.contains("共 16 项，数值不详，未计入任何合计"), "{w}");
    let listed: usize = w
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(|l| l.matches("**").count())
        .sum();
    assert_eq!(listed, 16, "{w}");
    for (line, n) in [
        ("党的建设", 4),
        ("经济发展", 3),
        ("基础设施", 1),
        ("民生保障", 8),
    ] {
        assert!(
            w.contains(&format!("- {line}（{n} 项）：")),
            "{line} {n}\n{w}"
        );
    }
    assert!(w.contains("培训干部 **人次"));
    assert!(w.contains("节省村级零工开支 **多万元"));
    assert!(!w.contains("安全生产") && !w.contains("下步工作"));

    assert!(md
        .trim_end()
        .ends_with("本简报由 huibao 根据数据文件夹“data”自动生成，数字与看板显示一致。"));
}

#[test]
fn history_brief_shows_changes_laggards_and_carry_forward() {
    let md = history("zh");
    let p = plain(&md);
    assert!(p.starts_with("# 会议简报：示例镇 · 示例镇重点工作调度（示例数据）\n"));
    assert!(p.contains("数据截至 2024-05-03，较上期 2024-04-26。"));
    // infra has no file at 05-03: its 04-26 file is shown, marked, and reports no new change.
    assert!(
        p.contains("### 3. 基础设施：完善基础设施，提升承载能力\n\n未更新 (截至 2024-04-26) · ")
    );
    assert!(p.contains("- 基础设施：未更新 (截至 2024-04-26)，本期没有新数据。"));

    let ch = section(&md, "二、");
    assert!(ch.contains("### 党建（2024-04-26 → 2024-05-03）"));
    assert!(ch.contains("| 主题党日活动 | 36次 | 39次 | +3 |"), "{ch}");
    assert!(ch.contains("| 待办结群众诉求 | 6件 | 5件 | -1 |"), "{ch}");
    // Withheld this week: unknown, never a drop of 230.
    assert!(
        ch.contains("| 培训党员干部 | 230人次 | \\*\\*人次 | 不详 |"),
        "{ch}"
    );
    assert!(!ch.contains("-230"));
    assert!(ch.contains("| 党员干部走访群众 | 1050余户 | 1100余户 | +50 |"));
    assert!(ch.contains("| 招商引资·到位资金 | 1.7亿元 | 1.8亿元 | +0.1 |"));
    assert!(ch.contains("| 安全隐患排查整治台账·发现 | 9处 | 10处 | +1 |"));
    // Unchanged quantities are not listed.
    assert!(!ch.contains("党委书记讲党课"));

    let lag = section(&md, "三、");
    assert!(lag.contains("共 3 项"));
    let r = rows(lag);
    assert_eq!(r.len(), 3, "{lag}");
    let expect = [
        (
            "✕ 逾期",
            "安全生产",
            "安全隐患排查整治台账",
            "2024-04-20（YH-2024-003）逾期20天",
            "赵副镇长 安监站",
        ),
        (
            "✕ 逾期",
            "重点项目",
            "示例白羽鸡养殖项目",
            "2024-04-30（4月底前）逾期10天",
            "张副镇长 经发办",
        ),
        (
            "■ 严重滞后",
            "下步目标",
            "示例产业园流转土地",
            "2024-06-30（6月底前）剩51天",
            "张副镇长 农业农村办",
        ),
    ];
    for (row, (light, line, label, due, owner)) in r.iter().zip(expect) {
        let c = cells(row);
        assert_eq!(
            (c[0].as_str(), c[1].as_str(), c[2].as_str()),
            (light, line, label)
        );
        assert_eq!((c[5].as_str(), c[6].as_str()), (due, owner));
    }
    assert_eq!(cells(r[1])[3], "75% / 52%");
    assert_eq!(cells(r[2])[3], "10% / 52%");
    assert_eq!(cells(r[2])[4], "落后42个百分点");

    let near = rows(section(&md, "四、"));
    // --today 2024-05-10: the window ends 2024-05-24, so YH-2024-010 (05-20) is in it too.
    assert_eq!(near.len(), 4, "{near:?}");
    assert!(near[0].starts_with("| 2024-04-20 | 安全生产 | 安全隐患排查整治台账 | YH-2024-003 "));
    assert!(near[1].contains("| 2024-04-30 | 重点项目 | 示例白羽鸡养殖项目 | 20个养殖棚主体全部封顶（4月底前） | 逾期10天 |"));
    assert!(near[2].starts_with("| 2024-05-15 | 安全生产 | 安全隐患排查整治台账 | YH-2024-009 "));
    assert!(near[2].ends_with("| 剩5天 |"));
    assert!(near[3].starts_with("| 2024-05-20 | 安全生产 | 安全隐患排查整治台账 | YH-2024-010 "));

    let w = plain(section(&md, "五、"));
    assert!(w.contains("共 2 项"));
    assert!(w.contains("- 党建（1 项）：培训党员干部 **人次"));
    assert!(w.contains("- 重点项目（1 项）：示例粮食烘干中心·总投资 **万元"));
}

#[test]
fn english_brief_uses_the_english_words() {
    let md = history("en");
    let p = plain(&md);
    assert!(p.contains("Data as of 2024-05-03, compared with 2024-04-26."));
    assert!(p.contains("Not updated (as of 2024-04-26)"));
    assert!(p.contains("- 基础设施: not updated (as of 2024-04-26); no new figures this time."));
    assert!(p.contains("| 主题党日活动 | 36次 | 39次 | +3 |"));
    assert!(p.contains("| 待办结群众诉求 | 6件 | 5件 | -1 |"));
    assert!(p.contains("| 培训党员干部 | 230人次 | **人次 | n/a |"));
    assert!(p.contains("| 党员干部走访群众 | 1050+户 | 1100+户 | +50 |"));
    let lag = section(&md, "3. Laggard list");
    let owners: Vec<String> = rows(lag).iter().map(|r| cells(r)[6].clone()).collect();
    assert_eq!(
        owners,
        ["赵副镇长 安监站", "张副镇长 经发办", "张副镇长 农业农村办"]
    );
    assert!(lag.contains("| ■ far behind | 下步目标 | 示例产业园流转土地 | 10% / 52% | 42 points behind | 2024-06-30 (6月底前) 51d left |"));
    for zh in ["滞后清单", "较上期", "隐去", "剩", "逾期", "数据截至"] {
        assert!(!md.contains(zh), "English brief contains {zh}");
    }
}

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
fn golden_files_live_next_to_this_test() {
    for f in [
        "summary-seed.md",
        "summary-history.md",
        "summary-history-en.md",
    ] {
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/golden")
                .join(f)
                .is_file()
                || std::env::var_os("UPDATE_GOLDEN").is_some(),
            "missing tests/golden/{f}: UPDATE_GOLDEN=1 cargo test --test summary"
        );
    }
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
