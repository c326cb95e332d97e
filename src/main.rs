//! The `huibao` binary: parses the command line and hands over to the library.
use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = huibao::cli::Cli::parse();
    huibao::commands::run(cli)
}
