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
    // mimalloc asks for transparent huge pages on its arenas: every 2 MiB region touched would
    // then count whole in the resident size (the seed's dashboard held 20 MiB instead of 7). A
    // dashboard gains nothing from them; turn them off for this process before the heap grows.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // First color-eyre's hooks; the dashboard's own panic hook (installed when the terminal opens)
    // restores the terminal and then hands over to them.
    // Plain (uncoloured) reports: they are printed after the terminal is restored, maybe into a log.
    let _ = color_eyre::config::HookBuilder::blank()
        .theme(color_eyre::config::Theme::new())
        .install();
    let cli = huibao::cli::parse_args();
    huibao::commands::run(cli)
}
