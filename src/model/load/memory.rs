//! Asking the allocator to give freed memory back to the system.

/// Gives the memory freed by a replaced dataset back to the system; call after a reload has
/// replaced the data shown (the old dataset dropped).
///
/// A reload builds the new dataset while the old one is still shown, so for a moment both are
/// alive; once the old one is dropped its pages are free but still held by the allocator. With a
/// folder of 3,000 dates the resident size went from ~300 MiB at start to ~800 MiB after a few
/// reloads, the live data staying 267 MiB (`benches/reload_memory.rs`). The binary allocates with
/// mimalloc, which this asks to give back every free page at once; glibc's malloc is trimmed too
/// (for a program that uses this library with the system allocator). Texts that no snapshot uses
/// any more are forgotten first ([`crate::model::clean::forget_unused`]).
pub fn return_freed_memory() {
    crate::model::clean::forget_unused();
    // SAFETY: both calls only walk their allocator's own free memory.
    unsafe {
        libmimalloc_sys::mi_collect(true);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        libc::malloc_trim(0);
    }
}

/// mimalloc's `arena_eager_commit` option (`mi_option_arena_eager_commit`, the same position in
/// mimalloc v2 and v3; libmimalloc-sys does not name it).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay`, 15 in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Asks mimalloc to commit its arenas' memory page by page as it is used, not all at once. It must
/// run before mimalloc reserves its first arena, that is before the first allocation: the binary
/// runs it from `.init_array` (see `main.rs`); `MIMALLOC_ARENA_EAGER_COMMIT` still wins when set.
///
/// On Linux mimalloc commits a whole arena up front by default (the option's default 2: "on systems
/// that overcommit") and then never gives its pages back: the 30-town county's first frame peaked at
/// 33 MiB RSS with it and 14 MiB without, against 2.4 MB of files loaded (ptybench, release build).
///
/// It also asks mimalloc to give freed pages back at once (`purge_delay` 0, `MIMALLOC_PURGE_DELAY`
/// wins when set) rather than after 10 ms of further allocating on the same thread: a thread that
/// went quiet (the loader after a load, the parsing threads that ended) otherwise kept its freed
/// pages — the five-year history's dashboard held 21.7 MiB with the default and 19.5 MiB without
/// the delay, the time of a whole 20-year load unchanged (0.18–0.38 s either way).
pub extern "C" fn commit_memory_on_demand() {
    // SAFETY: sets the defaults of two of mimalloc's options (no allocation); the environment,
    // read when an option is first used, overrides them.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 0);
    }
}
