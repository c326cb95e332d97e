//! The `huibao` binary: installs error reporting, parses the command line and hands over to the library.

fn main() -> std::process::ExitCode {
    // First color-eyre's hooks; the dashboard's own panic hook (installed when the terminal opens)
    // restores the terminal and then hands over to them.
    // Plain (uncoloured) reports: they are printed after the terminal is restored, maybe into a log.
    let _ = color_eyre::config::HookBuilder::blank()
        .theme(color_eyre::config::Theme::new())
        .install();
    let cli = huibao::cli::parse_args();
    huibao::commands::run(cli)
}
