//! Command-line interface: global options and subcommands.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use crate::look::{BorderChoice, ColorChoice, ThemeName};
pub use crate::model::Lang;

/// 汇报 huibao — a terminal dashboard for a township's weekly work-review meeting (调度会).
#[derive(Debug, Parser)]
#[command(name = "huibao", version, about)]
pub struct Cli {
    /// Data folder: town.json and one folder per snapshot date. Default ./data; when absent, the seed
    /// snapshot compiled into the binary is used.
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
    crate::model::parse_day(s)
        .ok_or_else(|| format!("expected a date like 2023-06-30, found {s:?}"))
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or("expected COLSxROWS, e.g. 120x40")?;
    let w: u16 = w.trim().parse().map_err(|_| "bad column count")?;
    let h: u16 = h.trim().parse().map_err(|_| "bad row count")?;
    if !(20..=1000).contains(&w) || !(5..=500).contains(&h) {
        return Err("size out of range (20x5 to 1000x500)".into());
    }
    Ok((w, h))
}

/// Resolves the data folder: `--data`/`HUIBAO_DATA` if given (must exist), else `./data` if it exists.
/// `Ok(None)` means: use the compiled-in seed.
pub fn resolve_data_dir(given: Option<&std::path::Path>) -> Result<Option<PathBuf>, String> {
    match given {
        Some(p) if p.is_dir() => Ok(Some(p.to_path_buf())),
        Some(p) => Err(format!("data folder {} not found", p.display())),
        None => {
            let p = PathBuf::from("data");
            Ok(p.is_dir().then_some(p))
        }
    }
}
