//! What the dashboard says: Chinese messages for the people who fix the data, the load banner, countdowns and deadlines.

use super::*;

#[test]
fn validate_speaks_chinese_to_the_people_who_fix_the_data() {
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/broken")
        .unwrap()
        .map(|e| {
            format!(
                "tests/fixtures/broken/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = huibao(&args);
    assert_eq!(code, 1);
    assert!(stdout.contains(
        "tests/fixtures/broken/bad-date.json:62:24: 错误: groups[0].items[0].project.milestones[1].due: 日期应写成 2023-07-31 的形式，这里是 \"2023-7-31\""
    ), "{stdout}");
    for line in stdout.lines() {
        assert!(
            line.contains(": 错误: ") || line.contains(": 警告: "),
            "every line says 错误 or 警告: {line}"
        );
        let message = line.rsplit(": ").next().unwrap();
        for serde in [
            "expected",
            "invalid type",
            "key must",
            "ident",
            "struct",
            "f64",
            "EOF",
            "`",
        ] {
            assert!(
                !message.contains(serde),
                "serde wording reaches users: {line}"
            );
        }
    }
    assert!(stderr.starts_with("发现 "), "{stderr}");
    let (code, stdout, stderr) = huibao(&["validate"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "已检查 7个文件，没有发现问题\n")
    );
    let (_, stdout, _) = huibao(&[
        "--lang",
        "en",
        "validate",
        "tests/fixtures/broken/wrong-type.json",
    ]);
    assert_eq!(
        stdout,
        "tests/fixtures/broken/wrong-type.json:14:23: error: groups[0].items[0].headline: wrong type: the text \"true\" where true or false belongs\n"
    );
}

#[test]
fn the_load_banner_speaks_chinese_and_english_on_request() {
    let dir = broken_safety();
    let zh = screen(&state_of(dir.path(), "2023-07-03"), (120, 40), "");
    assert!(
        zh.contains("safety.json:6:3: 错误: 这里应是用双引号括起的字段名"),
        "{zh}"
    );
    let mut en = state_of(dir.path(), "2023-07-03");
    en.lang = Lang::En;
    let en = screen(&en, (120, 40), "");
    assert!(
        en.contains("safety.json:6:3: error: a field name in double quotes"),
        "{en}"
    );
    assert!(!en.contains("key must be a string") && !zh.contains("key must"));
}

#[test]
fn countdowns_are_counted_from_today_and_a_passed_deadline_awaits_an_update() {
    let late = state_of(Path::new("data"), "2023-07-25");
    let text = screen(&late, (80, 24), "2");
    let row = text
        .lines()
        .find(|r| r.contains("禾源白羽鸡养殖项目"))
        .unwrap();
    assert!(row.contains("07-20 已到期 待更新"), "{row}");
    assert!(!text.contains("剩20天"), "{text}");
    // The light is still judged at the data's date.
    let heyuan = &late.board.lines[1].items[0];
    assert_eq!(heyuan.judgement.days_left, Some(20));
    let item = screen(&late, (80, 24), "2 Enter");
    assert!(item.contains("2023-12-31  剩159天"), "{item}");
    assert!(
        item.contains("其他3处养殖区开工建设  已到期 待更新"),
        "{item}"
    );
    let early = screen(&state_of(Path::new("data"), "2023-07-10"), (80, 24), "2");
    assert!(early.contains("07-20 剩10天"), "{early}");
}

#[test]
fn deadlines_carry_their_year_when_it_differs_from_the_data_year() {
    use huibao::model::wording::{date_text, due_text};
    let (as_of, today) = (day("2023-06-30"), day("2023-07-03"));
    assert_eq!(date_text(day("2024-12-31"), as_of), "2024-12-31");
    assert_eq!(date_text(day("2023-12-31"), as_of), "12-31");
    let mut s = seed_state();
    let j = &mut s.board.lines[1].items[0].judgement;
    j.next_due = Some(day("2024-12-31"));
    assert_eq!(due_text(j, as_of, today, Lang::Zh), "2024-12-31 剩547天");
    let text = screen(&s, (80, 24), "2");
    assert!(text.contains("2024-12-31 剩547天"), "{text}");
}
