//! The `huibao` binary: installs error reporting, parses the command line and hands over to the library.

/// mimalloc: it gives freed memory back to the system, so reloading a large data folder keeps the
/// resident size flat (see `huibao::model::load::return_freed_memory`), and it loads faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sets mimalloc to commit memory on demand before anything is allocated: `.init_array` runs before
/// `main` and before the Rust runtime's first allocation (setting it in `main` comes too late: the
/// first arena is already reserved, committed whole).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static COMMIT_ON_DEMAND: extern "C" fn() = huibao::model::load::commit_memory_on_demand;

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
