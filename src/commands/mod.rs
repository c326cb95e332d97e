//! Subcommands: the dashboard, `validate`, `schema`, `render`.

pub mod render;
pub mod schema;
pub mod summary;
pub mod validate;
pub mod web;

use crate::app::State;
use crate::cli::{Cli, Command, RenderFormat};
use crate::model::{load, Dataset};
use std::process::ExitCode;

/// Loads the data folder named on the command line, or the compiled-in seed when there is none.
pub fn load_data(cli: &Cli) -> Result<Dataset, String> {
    match crate::cli::resolve_data_dir(cli.data.as_deref())? {
        Some(dir) => Ok(load::load_dir(&dir)),
        None => Ok(load::load_embedded()),
    }
}

/// The state the dashboard starts in, from the command line.
pub fn initial_state(cli: &Cli) -> Result<State, String> {
    let data = load_data(cli)?;
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut state = State::new(data, cli.lang, today);
    if let Some(secs) = cli.present {
        state.start_presenting(Some(secs));
    }
    let depth = crate::look::detect_depth(cli.color, &|k| std::env::var(k).ok());
    state.look = crate::look::Look {
        theme: cli.theme,
        depth,
        ascii: cli.borders == crate::look::BorderChoice::Ascii,
    };
    if let Some(at) = cli.at {
        match state.data.dates.first() {
            Some(first) if at >= *first => state.show_date(Some(at)),
            Some(first) => return Err(format!("--at {at} is before the first snapshot ({first})")),
            None => {}
        }
    }
    Ok(state)
}

/// Runs what the command line asks for and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Validate { paths }) => validate::run(&cli, paths),
        Some(Command::Schema { town }) => schema::run(*town),
        Some(Command::Summary {
            format,
            output,
            owner,
            unit,
        }) => {
            let text = match initial_state(&cli) {
                Ok(mut state) => {
                    let leader = owner.clone().map(crate::app::Filter::Leader);
                    state.filter = leader.or(unit.clone().map(crate::app::Filter::Office));
                    state.refresh();
                    summary::render(&state, *format)
                }
                Err(e) => {
                    complain(&e);
                    return ExitCode::from(2);
                }
            };
            write_out(output.as_deref(), &text)
        }
        Some(Command::Render {
            size,
            keys,
            format,
            output,
        }) => {
            let result = initial_state(&cli).and_then(|s| {
                let page = web::Page::for_theme(&crate::ui::theme::Theme::of(s.look));
                render::render_buffer(s, *size, keys).map(|b| (b, page))
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
            write_out(output.as_deref(), &text)
        }
        None => {
            let baseline = crate::cli::resolve_data_dir(cli.data.as_deref())
                .ok()
                .flatten()
                .map(|d| crate::watch::fingerprint(&d));
            let state = match initial_state(&cli) {
                Ok(s) => s,
                Err(e) => {
                    complain(&e);
                    return ExitCode::from(2);
                }
            };
            if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
                // A dumb terminal cannot take a full-screen UI: print the overview as plain text.
                let cols = std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(80);
                let rows = std::env::var("LINES")
                    .ok()
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(24);
                return match render::render_buffer(state, (cols, rows), "") {
                    Ok(buf) => {
                        emit(&render::to_text(&buf));
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        complain(&e);
                        ExitCode::from(2)
                    }
                };
            }
            use crate::app::run::Follow;
            let follow = match (&state.data.source, cli.poll) {
                (crate::model::DataSource::Folder(d), Some(secs)) => Follow::Poll(d.clone(), secs),
                (crate::model::DataSource::Folder(d), None) => Follow::Watch(d.clone()),
                _ => Follow::Nothing,
            };
            let probe = crate::app::run::Probe {
                borders: cli.borders == crate::look::BorderChoice::Auto,
                theme: cli.theme == crate::look::ThemeName::Auto
                    && state.look.depth != crate::look::ColorDepth::None,
            };
            match crate::app::run::run(state, follow, baseline, probe) {
                Ok(code) => ExitCode::from(code),
                Err(e) => {
                    complain(&format!("terminal error: {e}"));
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// Writes `text` to the file, or to standard output when none is given.
fn write_out(output: Option<&std::path::Path>, text: &str) -> ExitCode {
    let written = match output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            emit(text);
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            complain(&e);
            ExitCode::from(2)
        }
    }
}

/// Reports an error on standard error without panicking when standard error is gone (a dropped SSH link:
/// `eprintln!` would panic there).
pub fn complain(msg: &dyn std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "huibao: {msg}");
}

/// Writes text to standard output; a closed pipe (`huibao validate | head`) ends the output quietly
/// instead of panicking like `print!`.
pub fn emit(text: &str) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
}
