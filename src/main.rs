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

/// Sets mimalloc's first arena to 64 MiB instead of 1 GiB, before anything is allocated (see
/// [`COMMIT_ON_DEMAND`]): the arena's bookkeeping grows with its size, and setting up that of 1 GiB
/// touched ~40 pages on every start (`--version` 1.2 -> 0.8 ms of CPU). A larger history takes
/// more arenas, each larger than the last (mimalloc grows them).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SMALL_FIRST_ARENA: extern "C" fn() = small_first_arena;

#[cfg(target_os = "linux")]
extern "C" fn small_first_arena() {
    /// `mi_option_arena_reserve` (mimalloc.h), in KiB.
    const MI_OPTION_ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;
    // SAFETY: sets the default of one of mimalloc's options (no allocation); the environment
    // (MIMALLOC_ARENA_RESERVE), read when the option is first used, overrides it.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_ARENA_RESERVE, 64 * 1024) };
}

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
