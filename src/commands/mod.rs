//! Subcommands: the dashboard, `validate`, `schema`, `render`, `summary`, and the commands that bring
//! data in (`extract`, `import`, `new`).

mod dashboard;
pub mod extract;
pub mod extract_places;
pub mod import;
pub mod new;
pub mod output;
pub mod render;
pub mod schema;
pub mod summary;
pub mod validate;
pub mod web;

use crate::app::State;
use crate::cli::{Cli, Command, RenderFormat, SummaryFormat};
use crate::model::{load, Dataset};
use std::process::ExitCode;

/// Loads the data folder named on the command line, or the compiled-in seed when there is none.
pub fn load_data(cli: &Cli) -> Result<Dataset, String> {
    match crate::cli::resolve_cli_data(cli)? {
        Some(dir) => Ok(load::load_dir(&dir)),
        None => Ok(load::load_embedded()),
    }
}

/// The state the dashboard starts in, from the command line.
pub fn initial_state(cli: &Cli) -> Result<State, String> {
    state_from(cli, None)
}

/// The state the dashboard starts in, from the command line and the data when already loaded (a
/// county folder is always loaded here).
pub fn state_from(cli: &Cli, data: Option<Dataset>) -> Result<State, String> {
    state_with(cli, data, false)
}

/// [`state_from`]; with `rows_later` a county opens with its rows still loading (the dashboard
/// loads them behind its first frame).
fn state_with(cli: &Cli, data: Option<Dataset>, rows_later: bool) -> Result<State, String> {
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let county_dir =
        crate::cli::resolve_cli_data(cli)?.filter(|d| crate::model::county::is_county_dir(d));
    let mut state = match county_dir {
        // Every town as of `--at`: its newest snapshot on or before that date.
        Some(dir) => {
            let county = if rows_later {
                crate::model::county::open_county(&dir, cli.at)
            } else {
                crate::model::county::load_county_at(&dir, cli.at)
            };
            State::new_county(county, cli.lang, today)
        }
        None => {
            let data = match data {
                Some(d) => d,
                None => load_data(cli)?,
            };
            State::new(data, cli.lang, today)
        }
    };
    if let Some(secs) = cli.present {
        state.start_presenting(Some(secs));
    }
    let depth = crate::look::detect_depth(cli.color, &|k| std::env::var(k).ok());
    state.look = crate::look::Look {
        theme: cli.theme,
        depth,
        ascii: cli.borders == crate::look::BorderChoice::Ascii,
    };
    if let Some(at) = cli.at.filter(|_| state.county.is_none()) {
        check_at(at, &state.data.dates, cli.lang)?;
        state.show_date(Some(at));
    }
    Ok(state)
}

/// `--at` must fall within the snapshots: from the first date to the last. The message names the
/// dates there are: all of them when few, else the first, the last and how many.
pub fn check_at(
    at: chrono::NaiveDate,
    dates: &[chrono::NaiveDate],
    lang: crate::cli::Lang,
) -> Result<(), String> {
    use crate::cli::Lang;
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Err(lang
            .pick(
                "--at：没有任何快照可以查看",
                "--at: there are no snapshots to show",
            )
            .to_string());
    };
    if (*first..=*last).contains(&at) {
        return Ok(());
    }
    let listed = |sep: &str| {
        dates
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let existing = match (dates.len(), lang) {
        (1, Lang::Zh) => format!("只有 {first} 一期快照"),
        (1, Lang::En) => format!("the only snapshot is {first}"),
        (2..=4, Lang::Zh) => format!("现有快照：{}", listed("、")),
        (2..=4, Lang::En) => format!("the snapshots are {}", listed(", ")),
        (n, Lang::Zh) => format!("现有快照从 {first} 到 {last}，共 {n} 期"),
        (n, Lang::En) => format!("the snapshots run from {first} to {last} ({n} dates)"),
    };
    Err(match (at < *first, lang) {
        (true, Lang::Zh) => format!("--at {at} 早于第一期快照；{existing}"),
        (true, Lang::En) => format!("--at {at} is before the first snapshot; {existing}"),
        (false, Lang::Zh) => format!("--at {at} 晚于最新一期快照；{existing}"),
        (false, Lang::En) => format!("--at {at} is after the newest snapshot; {existing}"),
    })
}

/// Runs what the command line asks for and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Validate { paths }) => validate::run(&cli, paths),
        Some(Command::Schema { town }) => schema::run(*town, cli.lang),
        Some(Command::Extract {
            report,
            output,
            into,
            as_of,
            force,
        }) => extract::run(
            &cli,
            report,
            output.as_deref(),
            into.as_deref(),
            *as_of,
            *force,
        ),
        Some(Command::New { date, force }) => new::run(&cli, *date, *force),
        Some(Command::Summary {
            format,
            output,
            owner,
            unit,
        }) => run_summary(&cli, *format, output.as_deref(), owner, unit),
        Some(Command::Render {
            size,
            keys,
            format,
            output,
        }) => run_render(&cli, *size, keys, *format, output.as_deref()),
        Some(Command::Import(args)) => import::run(&cli, args),
        None => dashboard::run(&cli),
    }
}

/// `huibao summary`: the meeting brief, for one leader or office when asked.
fn run_summary(
    cli: &Cli,
    format: SummaryFormat,
    output: Option<&std::path::Path>,
    owner: &Option<String>,
    unit: &Option<String>,
) -> ExitCode {
    let text = match initial_state(cli) {
        Ok(state) if state.county.is_some() => summary::county::render(&state),
        Ok(mut state) => {
            let leader = owner.clone().map(crate::app::Filter::Leader);
            state.filter = leader.or(unit.clone().map(crate::app::Filter::Office));
            state.refresh();
            summary::render(&state, format)
        }
        Err(e) => {
            complain(&e);
            return ExitCode::from(2);
        }
    };
    write_out(output, &text, cli.lang)
}

/// `huibao render`: a screen after the given keys, as text, ANSI, SVG or HTML.
fn run_render(
    cli: &Cli,
    size: (u16, u16),
    keys: &str,
    format: RenderFormat,
    output: Option<&std::path::Path>,
) -> ExitCode {
    let result = initial_state(cli).and_then(|s| {
        let page = web::Page::for_theme(&crate::ui::theme::Theme::of(s.look));
        render::render_buffer(s, size, keys).map(|b| (b, page))
    });
    let (buf, page) = match result {
        Ok(b) => b,
        Err(e) => {
            complain(&e);
            return ExitCode::from(2);
        }
    };
    let text = match format {
        RenderFormat::Text => render::to_text(&buf),
        RenderFormat::Ansi => render::to_ansi(&buf),
        RenderFormat::Svg => web::to_svg_on(&buf, &page),
        RenderFormat::Html => web::to_html_on(&buf, &page),
    };
    write_out(output, &text, cli.lang)
}

/// Writes `text` to the file, or to standard output when none is given; a failed write or flush
/// exits 1 with the reason (a reader that closed the pipe is not a failure).
pub fn write_out(output: Option<&std::path::Path>, text: &str, lang: crate::cli::Lang) -> ExitCode {
    let failed = match output {
        Some(p) => output::to_file(p, text.as_bytes())
            .err()
            .map(|e| output::file_failed(p, &e, lang)),
        None => output::to_stdout(text)
            .err()
            .map(|e| output::stdout_failed(&e, lang)),
    };
    match failed {
        None => ExitCode::SUCCESS,
        Some(e) => {
            complain(&e);
            ExitCode::from(1)
        }
    }
}

/// Why the dashboard could not use the terminal, in the interface language.
pub fn terminal_failed(e: &std::io::Error, lang: crate::cli::Lang) -> String {
    use crate::cli::Lang;
    // ENXIO from opening /dev/tty: the process has no controlling terminal.
    if e.raw_os_error() == Some(libc::ENXIO) {
        return match lang {
            Lang::Zh => "没有可用的终端：huibao 没有控制终端（例如由 cron、系统服务或 setsid 启动），仪表盘无法打开；请改用 `huibao render` 或 `huibao summary`".into(),
            Lang::En => "no terminal to open the dashboard on: huibao has no controlling terminal (started from cron, a service or setsid); use `huibao render` or `huibao summary` instead".into(),
        };
    }
    match lang {
        Lang::Zh => format!("终端出错：{e}"),
        Lang::En => format!("terminal error: {e}"),
    }
}

/// Reports an error on standard error without panicking when standard error is gone (a dropped SSH link:
/// `eprintln!` would panic there).
pub fn complain(msg: &dyn std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "huibao: {msg}");
}

/// Writes text to standard output; false when it could not all be written (a closed pipe
/// included). Callers that must not lose output use [`write_out`] or [`output::to_stdout`].
pub fn emit(text: &str) -> bool {
    matches!(output::to_stdout(text), Ok(output::Sent::All))
}
