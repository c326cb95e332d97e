//! Tests of the Chinese command line: every command and option has its Chinese help, the help has
//! no English of clap's left, its columns line up in display width, and refusals are worded.

use super::*;
use crate::cli::Cli;
use clap::CommandFactory;
use unicode_width::UnicodeWidthStr;

fn zh() -> Command {
    localize(Cli::command())
}

/// The refusal of `args` (after `huibao`), as the user reads it.
fn refusal(args: &[&str]) -> String {
    let e = zh()
        .try_get_matches_from(std::iter::once("huibao").chain(args.iter().copied()))
        .expect_err("a refused command line");
    let argv: Vec<std::ffi::OsString> = std::iter::once("huibao")
        .chain(args.iter().copied())
        .map(Into::into)
        .collect();
    render(&e, &argv).unwrap_or_else(|| panic!("not worded in Chinese: {e}"))
}

#[test]
fn every_command_and_option_has_its_chinese_help() {
    let cmd = Cli::command();
    let mut missing = Vec::new();
    let mut check = |name: &str, c: &Command| {
        if !ABOUT.iter().any(|(n, _)| *n == name) {
            missing.push(format!("about of {name:?}"));
        }
        for a in c.get_arguments() {
            let id = a.get_id().as_str();
            if !ARGS
                .iter()
                .any(|(n, i, _, _)| (*n == name || n.is_empty()) && *i == id)
            {
                missing.push(format!("{name:?} {id}"));
            }
        }
    };
    check("", &cmd);
    for sub in cmd.get_subcommands() {
        check(sub.get_name(), sub);
    }
    assert!(missing.is_empty(), "no Chinese for: {missing:?}");
    zh().debug_assert();
}

#[test]
fn the_help_has_no_english_of_claps_left() {
    let mut cmd = zh();
    let mut helps = vec![
        cmd.render_help().to_string(),
        cmd.render_long_help().to_string(),
    ];
    for name in [
        "import", "extract", "summary", "render", "new", "validate", "schema",
    ] {
        let sub = cmd.find_subcommand_mut(name).expect("a subcommand");
        helps.push(sub.render_help().to_string());
        helps.push(sub.render_long_help().to_string());
    }
    for help in &helps {
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "Print version",
            "Possible values",
            "[default:",
            "[env:",
        ] {
            assert!(!help.contains(english), "{english:?} in\n{help}");
        }
        assert!(help.contains("用法："), "{help}");
    }
    assert!(
        helps[0].contains("命令:") && helps[0].contains("  import    把台账"),
        "{}",
        helps[0]
    );
    assert!(
        helps[2].contains("参数:") && helps[2].contains("通用选项:"),
        "{}",
        helps[2]
    );
}

#[test]
fn the_help_columns_line_up_in_display_width() {
    let mut cmd = zh();
    let help = cmd
        .find_subcommand_mut("import")
        .expect("import")
        .render_help()
        .to_string();
    // Every option line's help starts at the same column, whatever the width of its placeholder
    // (<文件夹> is 8 columns wide but 5 characters long).
    let starts: Vec<usize> = help
        .lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .map(|l| {
            // The option ends at the first two spaces after the indent; its help follows them.
            let indent = l.len() - l.trim_start().len();
            let gap = indent + l[indent..].find("  ").expect("a help after the option");
            let help = gap + l[gap..].len() - l[gap..].trim_start().len();
            l[..help].width()
        })
        .collect();
    assert!(starts.len() > 10, "{help}");
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{help}"
    );
}

#[test]
fn refusals_say_what_is_wrong_in_chinese() {
    let unknown = refusal(&["--dat", "x"]);
    assert!(
        unknown.starts_with("错误：不认识的选项 --dat（是不是 --data？）"),
        "{unknown}"
    );
    assert!(unknown.ends_with("查看帮助：huibao --help"), "{unknown}");
    let missing = refusal(&["import"]);
    assert!(
        missing.starts_with("错误：缺少必需的参数：--output <文件夹>、<台账>"),
        "{missing}"
    );
    assert!(missing.contains("\n\n用法：huibao import "), "{missing}");
    assert!(
        missing.ends_with("查看帮助：huibao import --help"),
        "{missing}"
    );
    assert_eq!(
        refusal(&["imprt"]).lines().next(),
        Some("错误：没有 imprt 这个命令（是不是 import？）")
    );
    assert_eq!(
        refusal(&["--theme", "blue"]).lines().next(),
        Some("错误：--theme <主题> 不能取 blue；可取：auto、dark、light、mono")
    );
    assert_eq!(
        refusal(&["--today", "2023-02-30"]).lines().next(),
        Some("错误：--today <YYYY-MM-DD>：没有这一天：2023-02-30")
    );
    assert_eq!(
        refusal(&["extract", "a.txt", "-o", "x", "--into", "y"])
            .lines()
            .next(),
        Some("错误：--output <文件夹> 不能与 --into <数据文件夹> 同时使用")
    );
    assert_eq!(
        refusal(&["--poll"]).lines().next(),
        Some("错误：--poll <秒数> 需要一个值")
    );
}

#[test]
fn help_and_version_are_left_to_clap() {
    for args in [["--help"], ["-V"]] {
        let e = zh()
            .try_get_matches_from(std::iter::once("huibao").chain(args))
            .expect_err("help and version end parsing");
        assert_eq!(render(&e, &[]), None, "{args:?}");
    }
}

#[test]
fn a_number_that_is_none_and_an_option_given_twice_are_worded() {
    // std's ParseIntError ("invalid digit found in string") once reached the clerk.
    for (args, want) in [
        (["--poll", "x"], "错误：--poll <秒数> 应为整数，收到 x"),
        (
            ["--present", "五"],
            "错误：--present [<秒数>] 应为整数，收到 五",
        ),
    ] {
        assert_eq!(refusal(&args).lines().next(), Some(want), "{args:?}");
    }
    // Not "--data 不能与 --data 同时使用".
    assert_eq!(
        refusal(&["--data", "a", "--data", "b"]).lines().next(),
        Some("错误：--data <文件夹> 只能给一次")
    );
}

#[test]
fn a_bad_value_of_a_commands_option_points_to_that_commands_help() {
    // A value's error carries no usage: the help was 'huibao --help', which has no --size.
    for args in [
        &["render", "--size", "axb"][..],
        &["--data", "d", "render", "--format", "pdf"],
    ] {
        let text = refusal(args);
        assert!(text.ends_with("查看帮助：huibao render --help"), "{text}");
    }
    assert!(refusal(&["--today", "x"]).ends_with("查看帮助：huibao --help"));
}
