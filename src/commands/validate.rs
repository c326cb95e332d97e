//! `huibao validate`: checks every data file and prints every problem.

use crate::cli::Cli;
use crate::model::load;
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints every problem as `path:line:col: field: message`; exit 1 on any error.
pub fn run(cli: &Cli, paths: &[PathBuf]) -> ExitCode {
    let _ = paths;
    let dir = match crate::cli::resolve_data_dir(cli.data.as_deref()) {
        Ok(Some(d)) => d,
        Ok(None) => {
            eprintln!("huibao: no data folder found (./data); use --data DIR");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("huibao: {e}");
            return ExitCode::from(2);
        }
    };
    let ds = load::load_dir(&dir);
    for d in &ds.problems {
        println!("{}: {d}", if d.is_error() { "error" } else { "warning" });
    }
    if ds.errors().next().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
