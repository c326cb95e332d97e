//! The dashboard's command lines read without clap: building clap's parser for every subcommand
//! costs about half a millisecond of each start. Anything unusual is left to clap.

use super::{parse_date, BorderChoice, Cli, ColorChoice, Lang, ThemeName};
use chrono::NaiveDate;
use clap::ValueEnum;
use std::ffi::OsString;
use std::path::PathBuf;

/// What clap makes of a command line that opens the dashboard with global options only (`--data`,
/// `--today`, `--at`, `--poll`, `--present [N]`, `--color`, `--theme`, `--borders`, `--lang`, each
/// once, as `--opt value` or `--opt=value`); `env_data` is `HUIBAO_DATA` (not empty: `parse_args`
/// has seen to that). None for anything else — a subcommand, help, a bad value, a repeated option —
/// which clap then reads (and explains).
pub(super) fn dashboard(args: &[OsString], env_data: Option<OsString>) -> Option<Cli> {
    let args: Vec<&str> = args.iter().map(|a| a.to_str()).collect::<Option<_>>()?;
    let mut cli = Cli {
        data_from_env: false,
        data: None,
        today: None,
        at: None,
        poll: None,
        present: None,
        color: ColorChoice::Auto,
        theme: ThemeName::Auto,
        borders: BorderChoice::Auto,
        lang: Lang::Zh,
        command: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let (name, inline) = match args[i].split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (args[i], None),
        };
        if !name.starts_with("--") || seen.contains(&name) {
            return None;
        }
        seen.push(name);
        i += 1;
        if name == "--present" {
            // An optional value: the next word when it is not an option (clap's reading).
            let value = match inline {
                Some(v) => Some(v),
                None if args.get(i).is_some_and(|a| !a.starts_with('-')) => {
                    i += 1;
                    Some(args[i - 1])
                }
                None => None,
            };
            cli.present = Some(value.map_or(Some(0), |v| v.parse().ok())?);
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                *args.get(i - 1).filter(|v| !v.starts_with('-'))?
            }
        };
        if value.is_empty() {
            return None;
        }
        set(&mut cli, name, value)?;
    }
    if let (None, Some(env)) = (&cli.data, env_data) {
        cli.data = Some(PathBuf::from(env));
        cli.data_from_env = true;
    }
    Some(cli)
}

/// Sets the option `name` to `value`; None for an option the fast path does not read or a value clap
/// would refuse.
fn set(cli: &mut Cli, name: &str, value: &str) -> Option<()> {
    let date = |v: &str| -> Option<NaiveDate> { parse_date(v).ok() };
    match name {
        "--data" => cli.data = Some(PathBuf::from(value)),
        "--today" => cli.today = Some(date(value)?),
        "--at" => cli.at = Some(date(value)?),
        "--poll" => cli.poll = Some(value.parse().ok()?),
        "--color" => cli.color = ColorChoice::from_str(value, false).ok()?,
        "--theme" => cli.theme = ThemeName::from_str(value, false).ok()?,
        "--borders" => cli.borders = BorderChoice::from_str(value, false).ok()?,
        "--lang" => cli.lang = Lang::from_str(value, false).ok()?,
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// clap's reading of `args` (without the program name), with `HUIBAO_DATA` as `env`: None when
    /// clap refuses the command line or it names a subcommand.
    fn clap_parse(args: &[&str], env: Option<&str>) -> Option<Cli> {
        // With `env`, a variable only this module sets (always to the same value); without, one no
        // test sets.
        let var = match env {
            Some(v) => {
                std::env::set_var("HUIBAO_DATA_FAST_TEST", v);
                "HUIBAO_DATA_FAST_TEST"
            }
            None => "HUIBAO_DATA_UNSET_IN_TESTS",
        };
        let command = Cli::command().mut_arg("data", |a| a.env(var));
        let matches = command
            .try_get_matches_from(std::iter::once("huibao").chain(args.iter().copied()))
            .ok()?;
        let mut cli = Cli::from_arg_matches(&matches).ok()?;
        cli.data_from_env =
            matches.value_source("data") == Some(clap::parser::ValueSource::EnvVariable);
        cli.command.is_none().then_some(cli)
    }

    fn fast(args: &[&str], env: Option<&str>) -> Option<Cli> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        dashboard(&args, env.map(OsString::from))
    }

    #[test]
    fn every_command_line_it_reads_reads_as_clap_reads_it() {
        let lines: &[&[&str]] = &[
            &[],
            &["--data", "镇/数据"],
            &["--data=镇/数据", "--today", "2024-07-05"],
            &["--present"],
            &["--present", "30"],
            &["--present=15", "--theme", "light"],
            &["--present", "--data", "d"],
            &[
                "--theme",
                "dark",
                "--borders",
                "ascii",
                "--color",
                "16",
                "--lang",
                "en",
            ],
            &["--at", "2024-06-30", "--poll", "2"],
            &["--lang=en", "--color=never", "--borders=unicode"],
        ];
        for args in lines {
            for env in [None, Some("county/data")] {
                let got = fast(args, env).unwrap_or_else(|| panic!("fast path for {args:?}"));
                let want = clap_parse(args, env).unwrap_or_else(|| panic!("clap for {args:?}"));
                assert_eq!(format!("{got:?}"), format!("{want:?}"), "{args:?} {env:?}");
            }
        }
    }

    #[test]
    fn anything_else_is_left_to_clap() {
        let lines: &[&[&str]] = &[
            &["validate"],
            &["--help"],
            &["-h"],
            &["--version"],
            &["--data"],
            &["--data", "--today"],
            &["--data="],
            &["--data", "a", "--data", "b"],
            &["--today", "2024-13-01"],
            &["--today", "7月5日"],
            &["--theme", "Dark"],
            &["--theme", "blue"],
            &["--poll", "-1"],
            &["--present", "soon"],
            &["--present", "5", "summary"],
            &["--frobnicate"],
            &["--", "--data"],
            &["summary", "--data", "d"],
        ];
        for args in lines {
            assert!(fast(args, None).is_none(), "{args:?} should be clap's");
        }
        // Those clap accepts (a subcommand after global options) are not dashboards: still None.
        assert!(clap_parse(&["--data", "d", "validate"], None).is_none());
    }

    #[test]
    fn edge_lines_read_as_clap_or_not_at_all() {
        let lines: &[&[&str]] = &[
            &["--present=+5"],
            &["--poll=+5"],
            &["--poll", "+5"],
            &["--data=-x"],
            &["--data=a=b"],
            &["--present", ""],
            &["--present", "-"],
            &["--present="],
            &["--data", " "],
            &["--data", "-"],
            &["--lang=EN"],
            &["--color=true"],
            &["--theme=mono"],
            &["--present", "5", "--present"],
            &["--present", "validate"],
            &["--today", " 2024-07-05"],
            &["--today=2024-7-5"],
            &["--at", "2024-02-30"],
            &["--data", "镇=数据"],
            &["--present", "007"],
            &["--poll", "18446744073709551616"],
        ];
        for args in lines {
            for env in [None, Some("county/data")] {
                if let Some(got) = fast(args, env) {
                    let want = clap_parse(args, env);
                    assert_eq!(
                        format!("{:?}", Some(got)),
                        format!("{want:?}"),
                        "{args:?} {env:?}"
                    );
                }
            }
        }
    }
}
