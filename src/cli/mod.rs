//! Command-line interface: global options and subcommands.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod argv;
mod fast;
mod zh;

pub use crate::look::{BorderChoice, ColorChoice, ThemeName};
pub use crate::model::Lang;

/// 汇报 huibao — a terminal dashboard for a township's weekly work-review meeting (调度会).
#[derive(Debug, Parser)]
#[command(name = "huibao", version, about)]
pub struct Cli {
    /// Data folder: town.json and one folder per snapshot date. Default ./data, or the current folder
    /// when it holds town.json; when neither, the seed snapshot compiled into the binary is used.
    #[arg(long, global = true, env = "HUIBAO_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Fix "today" (YYYY-MM-DD) for everything date-dependent.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Open the snapshot of this date (YYYY-MM-DD) instead of the newest.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub at: Option<NaiveDate>,
    /// Poll the data folder every SECONDS instead of waiting for file events (network shares).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub poll: Option<u64>,
    /// Presenter mode for the projector: slides in agenda order; with SECONDS they advance by themselves.
    #[arg(long, global = true, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "0")]
    pub present: Option<u64>,
    /// Colours: auto (from NO_COLOR, TERM, COLORTERM), 16, 256, truecolor or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Theme: auto (dark or light after the terminal's background), dark, light (washed-out
    /// projectors) or mono (printing).
    #[arg(long, global = true, value_enum, default_value_t = ThemeName::Auto)]
    pub theme: ThemeName,
    /// Borders: auto (box drawing unless the terminal draws ● two columns wide), unicode, or ascii
    /// for terminals set to draw ambiguous-width symbols wide (PuTTY, `xterm -cjk_width`, VTE).
    #[arg(long, global = true, value_enum, default_value_t = BorderChoice::Auto)]
    pub borders: BorderChoice,
    /// Interface language.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// What to do; without a subcommand the dashboard opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// True when the data folder came from `HUIBAO_DATA`, not from `--data` (for messages).
    #[arg(skip)]
    pub data_from_env: bool,
}

/// Parses the process's command line like `Cli::parse` (call it first thing in `main`, before any
/// thread starts), noting where `--data` came from. An empty `HUIBAO_DATA` (with no `--data`) ends
/// the process with a message that names it.
pub fn parse_args() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let given_flag = std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--data" || a.starts_with("--data=")
    });
    let empty_env = std::env::var_os("HUIBAO_DATA").is_some_and(|v| v.is_empty());
    if empty_env && given_flag {
        // --data wins; clap would still refuse the empty value. Called at the start of `main`,
        // before any other thread runs.
        std::env::remove_var("HUIBAO_DATA");
    } else if empty_env {
        let lang = early_lang();
        crate::commands::complain(&lang.pick(
            "环境变量 HUIBAO_DATA 已设置但为空：请设为数据文件夹，或取消设置（unset HUIBAO_DATA）以使用 ./data",
            "HUIBAO_DATA is set but empty: set it to the data folder, or unset it to use ./data",
        ));
        std::process::exit(2);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(cli) = fast::dashboard(&args, std::env::var_os("HUIBAO_DATA")) {
        return cli;
    }
    let lang = early_lang();
    let mut command = match lang {
        Lang::Zh => zh::localize(Cli::command()),
        Lang::En => Cli::command(),
    };
    let matches =
        match command.try_get_matches_from_mut(argv::for_clap(std::env::args_os().collect())) {
            Ok(m) => m,
            Err(e) if lang == Lang::Zh => zh::exit(e),
            Err(e) => e.exit(),
        };
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.data_from_env =
        matches.value_source("data") == Some(clap::parser::ValueSource::EnvVariable);
    cli
}

/// The interface language named on the command line (`--lang en`), for messages made while the
/// command line is still being parsed.
fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let en = args
        .windows(2)
        .any(|w| w[0] == "--lang" && w[1].eq_ignore_ascii_case("en"))
        || args.iter().any(|a| a.eq_ignore_ascii_case("--lang=en"));
    if en {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every data file and print every problem as path:line:col: field: message.
    Validate {
        /// Files or folders to check instead of the data folder.
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the line-file format (or of town.json with --town).
    Schema {
        /// The schema of town.json instead.
        #[arg(long)]
        town: bool,
    },
    /// Print a brief for the minutes: headline figures, changes, the laggard list with owners, deadlines
    /// within 14 days and withheld figures.
    Summary {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Markdown)]
        format: SummaryFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only the items whose 责任领导 (or whose line's leader) is NAME.
        #[arg(long, value_name = "NAME", conflicts_with = "unit")]
        owner: Option<String>,
        /// Only the items whose 责任单位 (or whose line's office) is NAME.
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
    },
    /// Draft a data folder from a written report (.docx, a saved web page, or .txt/.md in UTF-8, GBK or
    /// UTF-16).
    Extract {
        /// The report.
        report: PathBuf,
        /// Write a new data folder here.
        #[arg(
            short,
            long,
            value_name = "DIR",
            conflicts_with = "into",
            required_unless_present = "into"
        )]
        output: Option<PathBuf>,
        /// Add the report as a new snapshot date to this existing data folder, reusing item ids.
        #[arg(long, value_name = "DATA")]
        into: Option<PathBuf>,
        /// The as-of date, when the report's own words (上半年, 前三季度 …) should not decide it.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Replace this report's line files where they exist (other lines of the date stay).
        #[arg(long)]
        force: bool,
    },
    /// Scaffold the next snapshot from the newest one: same lines, items and ids, figures marked for
    /// update.
    New {
        /// The new snapshot's date (default: today).
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Replace the snapshot if the date exists.
        #[arg(long)]
        force: bool,
    },
    /// Draw any state of the dashboard without a terminal.
    Render {
        /// Screen size, COLSxROWS.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys replayed through the keymap first, space-separated (e.g. "2 j j Enter").
        #[arg(long, default_value = "")]
        keys: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
        format: RenderFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a 台账 (.xlsx, .xls, .ods, .csv) as a data snapshot: -o DIR for a new data folder,
    /// --into DATA to add the snapshot to one.
    Import(ImportArgs),
}

/// Arguments of `huibao import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The 台账: .xlsx, .xls, .ods, or .csv (UTF-8 or GBK).
    #[arg(value_name = "TABLE")]
    pub table: PathBuf,
    /// Write a new data folder here: town.json and one snapshot folder.
    #[arg(
        short,
        long,
        value_name = "DIR",
        required_unless_present = "into",
        conflicts_with = "into"
    )]
    pub output: Option<PathBuf>,
    /// Add the snapshot to this data folder, keeping the ids of items whose label and unit match, so
    /// history lines up week to week.
    #[arg(long, value_name = "DATA")]
    pub into: Option<PathBuf>,
    /// The snapshot date; default: the 截至 date in the table's title, else today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// A column named otherwise: 列名=field, e.g. 包保领导=leader. Fields: seq task leader office
    /// deadline target plan progress rate problems next investment annual annual-done spent category
    /// status note other (or a known column name such as 责任领导).
    #[arg(long = "map", value_name = "列名=field")]
    pub map: Vec<String>,
    /// The town's name, when the table's title does not say it (青山镇).
    #[arg(long, value_name = "NAME")]
    pub town: Option<String>,
    /// Import only this sheet (repeat for several); default: every sheet with a header.
    #[arg(long = "sheet", value_name = "NAME")]
    pub sheets: Vec<String>,
    /// Replace this table's line files where they exist (other lines of the date and, with
    /// `--into`, town.json stay).
    #[arg(long)]
    pub force: bool,
}

/// Output format of `huibao render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// The screen's characters.
    Text,
    /// The escape codes a terminal would receive.
    Ansi,
    /// An SVG image with colours and styles.
    Svg,
    /// An HTML page with colours and styles.
    Html,
}

/// Output format of `huibao summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Markdown, for the minutes.
    Markdown,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    date_arg(s, early_lang())
}

/// A date given on the command line, or a message saying what is accepted.
pub fn date_arg(s: &str, lang: Lang) -> Result<NaiveDate, String> {
    use crate::model::format::{day_fault, DayFault, DAY_RANGE};
    let (first, last) = DAY_RANGE;
    match (day_fault(s), lang) {
        (None, _) => crate::model::parse_day(s).ok_or_else(|| s.to_string()),
        (Some(DayFault::OutOfRange), Lang::Zh) => {
            Err(format!("日期须在 {first} 至 {last} 之间，收到 {s}"))
        }
        (Some(DayFault::OutOfRange), Lang::En) => {
            Err(format!("dates run from {first} to {last}; found {s}"))
        }
        (Some(DayFault::NoSuchDay), Lang::Zh) => Err(format!("没有这一天：{s}")),
        (Some(DayFault::NoSuchDay), Lang::En) => Err(format!("there is no such day: {s}")),
        (Some(DayFault::Shape), Lang::Zh) => Err(format!("日期应写作 2023-06-30 这样，收到 {s:?}")),
        (Some(DayFault::Shape), Lang::En) => {
            Err(format!("expected a date like 2023-06-30, found {s:?}"))
        }
    }
}

/// The columns and rows `render --size` accepts.
pub const SIZE_RANGE: ((u16, u16), (u16, u16)) = ((20, 1000), (5, 500));

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    size_arg(s, early_lang())
}

/// A screen size `COLSxROWS`, or a message giving the allowed range.
pub fn size_arg(s: &str, lang: Lang) -> Result<(u16, u16), String> {
    let ((w0, w1), (h0, h1)) = SIZE_RANGE;
    let shape = || match lang {
        Lang::Zh => format!("大小应写作 列x行，例如 120x40，收到 {s:?}"),
        Lang::En => format!("expected COLSxROWS, e.g. 120x40, found {s:?}"),
    };
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(shape)?;
    let num = |t: &str| -> Result<u64, String> {
        let t = t.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(shape());
        }
        // Any count of digits: a huge number is out of range, not malformed.
        Ok(t.parse::<u64>().unwrap_or(u64::MAX))
    };
    let (w, h) = (num(w)?, num(h)?);
    if !(u64::from(w0)..=u64::from(w1)).contains(&w)
        || !(u64::from(h0)..=u64::from(h1)).contains(&h)
    {
        return Err(match lang {
            Lang::Zh => format!(
                "大小超出范围：列须在 {w0} 至 {w1} 之间，行须在 {h0} 至 {h1} 之间（{w0}x{h0} 至 {w1}x{h1}），收到 {s}"
            ),
            Lang::En => format!(
                "size out of range: columns {w0} to {w1}, rows {h0} to {h1} ({w0}x{h0} to {w1}x{h1}); found {s}"
            ),
        });
    }
    Ok((w as u16, h as u16))
}

/// Resolves the data folder: `--data`/`HUIBAO_DATA` if given (must exist), else `./data` if it
/// exists, else the current folder when it is a data folder itself (it holds `town.json` or
/// `county.json`: a clerk who works inside it). `Ok(None)` means: use the compiled-in seed.
pub fn resolve_data_dir(given: Option<&std::path::Path>) -> Result<Option<PathBuf>, String> {
    resolve_data(given, "--data", Lang::Zh)
}

/// [`resolve_data_dir`] for the command line, naming `--data` or `HUIBAO_DATA` in its messages,
/// in the interface language.
pub fn resolve_cli_data(cli: &Cli) -> Result<Option<PathBuf>, String> {
    let from = if cli.data_from_env {
        "HUIBAO_DATA"
    } else {
        "--data"
    };
    resolve_data(cli.data.as_deref(), from, cli.lang)
}

fn resolve_data(
    given: Option<&std::path::Path>,
    from: &str,
    lang: Lang,
) -> Result<Option<PathBuf>, String> {
    let Some(p) = given else {
        let p = PathBuf::from("data");
        if p.is_dir() {
            return Ok(Some(p));
        }
        let here = ["town.json", "county.json"]
            .iter()
            .any(|f| std::path::Path::new(f).is_file());
        return Ok(here.then(|| PathBuf::from(".")));
    };
    if p.is_dir() {
        return Ok(Some(p.to_path_buf()));
    }
    let shown = crate::model::sanitize::for_terminal(&p.display().to_string());
    Err(match (p.exists(), lang) {
        (true, Lang::Zh) => format!(
            "{from} 给出的 {shown} 是文件，不是文件夹：请给出数据文件夹（放 town.json 和各日期文件夹的那个）"
        ),
        (true, Lang::En) => format!(
            "{from} names {shown}, which is a file, not a folder: give the data folder (the one holding town.json and the dated snapshot folders)"
        ),
        (false, Lang::Zh) => format!("{from} 给出的数据文件夹 {shown} 不存在"),
        (false, Lang::En) => format!("data folder {shown} not found (given by {from})"),
    })
}
