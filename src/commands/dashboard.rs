//! The dashboard: the first load (only what the first frame needs), a plain-text overview on a
//! dumb terminal, else the full-screen UI that loads the rest behind its first frame.

use super::{complain, render, state_with, terminal_failed, write_out};
use crate::app::State;
use crate::cli::{Cli, Lang};
use crate::model::reload::Reloader;
use crate::model::{load, Dataset};
use crate::watch::Fingerprint;
use std::process::ExitCode;

/// Opens the dashboard on the data the command line names.
pub(super) fn run(cli: &Cli) -> ExitCode {
    let (reloader, data, baseline) = first_load(cli);
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let state = match data.and_then(|d| state_with(cli, d, !dumb)) {
        Ok(s) => s,
        Err(e) => {
            complain(&e);
            return ExitCode::from(2);
        }
    };
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        // A dumb terminal cannot take a full-screen UI: print the overview as plain text.
        return print_overview(state, cli.lang);
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
    match crate::app::run::run(state, follow, reloader, baseline, probe) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            complain(&terminal_failed(&e, cli.lang));
            ExitCode::from(1)
        }
    }
}

/// The data of the first frame: the reloader of a town folder, the data (`None` for a county
/// folder, which loads its own way), and the folder's fingerprint taken before the load when it is
/// compared with later (polling, a county).
fn first_load(
    cli: &Cli,
) -> (
    Option<Reloader>,
    Result<Option<Dataset>, String>,
    Option<Fingerprint>,
) {
    // The first frame needs each line's newest snapshots only (unless `--at` asks for a
    // date in the past); the rest loads behind it, by the same loader that reloads.
    // Polling (network shares, which send no events) compares with the folder as it was
    // before this load, so a save made meanwhile is caught.
    let mut baseline = None;
    let (reloader, data) = match crate::cli::resolve_cli_data(cli) {
        // A county folder loads its own way (every town's newest snapshots).
        // Its folder's fingerprint, taken before that load, catches a save made before
        // the watcher (or the poller) runs.
        Ok(Some(dir)) if crate::model::county::is_county_dir(&dir) => {
            baseline = Some(crate::watch::fingerprint(&dir));
            (None, Ok(None))
        }
        Ok(Some(dir)) => {
            let mut r = Reloader::new(&dir);
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            let data = if cli.poll.is_some() {
                baseline = Some(crate::watch::fingerprint(&dir));
                r.reload()
            } else if cli.at.is_some() || dumb {
                r.reload()
            } else {
                r.load_recent()
            };
            (Some(r), Ok(Some(data)))
        }
        Ok(None) => (None, Ok(Some(load::load_embedded()))),
        Err(e) => (None, Err(e)),
    };
    (reloader, data, baseline)
}

/// The overview as plain text at the terminal's size (`COLUMNS` × `LINES`, else 80×24), for a
/// dumb terminal.
fn print_overview(state: State, lang: Lang) -> ExitCode {
    let cols = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80);
    let rows = std::env::var("LINES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(24);
    match render::render_buffer(state, (cols, rows), "") {
        Ok(buf) => write_out(None, &render::to_text(&buf), lang),
        Err(e) => {
            complain(&e);
            ExitCode::from(2)
        }
    }
}
