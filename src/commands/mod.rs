//! Subcommands: the dashboard, `validate`, `schema`, `render`.

pub mod schema;
pub mod validate;

use crate::cli::{Cli, Command};
use crate::model::{load, Dataset};
use std::process::ExitCode;

/// Loads the data folder named on the command line, or the compiled-in seed when there is none.
pub fn load_data(cli: &Cli) -> Result<Dataset, String> {
    match crate::cli::resolve_data_dir(cli.data.as_deref())? {
        Some(dir) => Ok(load::load_dir(&dir)),
        None => Ok(load::load_embedded()),
    }
}

/// Runs what the command line asks for and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Validate { paths }) => validate::run(&cli, paths),
        Some(Command::Schema { town }) => schema::run(*town),
        Some(Command::Render { .. }) | None => {
            eprintln!("huibao: not implemented yet");
            ExitCode::from(2)
        }
    }
}
