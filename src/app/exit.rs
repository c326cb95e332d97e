//! Leaving the dashboard at once, once the terminal is restored.
//!
//! Measured at quit (strace, 20-year history): the program's own part is about 2 ms (mimalloc
//! handing every free page back with `madvise` from its exit handler); the rest, 10 ms per 110 MiB
//! resident, is the kernel tearing the address space down before the shell is told the process
//! ended. So the process ends with `_exit` (no exit handlers: nothing is buffered, the terminal is
//! restored and flushed) and, on Linux, first lends its address space to a helper process that
//! lets go of it (and of the folder watch, whose inotify instance takes an RCU grace period to
//! close) only after we are gone: the kernel then frees them in the helper, off the path to the
//! shell's prompt.

use std::io::Write;

/// Ends the process with `code` now. Standard output and error are flushed first; no exit handler
/// runs and nothing is freed.
pub fn now(code: u8) -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    #[cfg(target_os = "linux")]
    hand_off_memory();
    // SAFETY: _exit only ends the process; every output is flushed above.
    unsafe { libc::_exit(i32::from(code)) }
}

/// The helper's stack: it calls a few system calls and nothing else.
#[cfg(target_os = "linux")]
static mut HELPER_STACK: Stack = Stack([0; 8192]);

/// 8 KiB, 16-byte aligned as the x86-64 and AArch64 ABIs want a stack.
#[cfg(target_os = "linux")]
#[repr(C, align(16))]
struct Stack([u8; 8192]);

/// Starts a process sharing our address space that waits until we have exited (a pidfd of ours
/// turns readable once the shell can see the exit) and then exits itself, the last user of the
/// memory. It runs at idle priority, so the shell's prompt comes first. Nothing happens on a
/// kernel without pidfds (before 5.3).
#[cfg(target_os = "linux")]
fn hand_off_memory() {
    // SAFETY: plain system calls; the stack is only used by the helper, which starts on it and
    // never returns into Rust code (its top, 16-byte aligned, is where its stack begins).
    unsafe {
        let pidfd = libc::syscall(libc::SYS_pidfd_open, libc::getpid(), 0);
        if pidfd < 0 {
            return;
        }
        let stack = std::ptr::addr_of_mut!(HELPER_STACK);
        let top = stack.cast::<u8>().add(std::mem::size_of::<Stack>());
        libc::clone(
            helper,
            top.cast(),
            libc::CLONE_VM,
            pidfd as usize as *mut libc::c_void,
        );
    }
}

/// The helper: lowers itself to idle priority, waits for our exit and exits. It keeps its copies
/// of our descriptors until then: closing the folder watch's inotify instance waits for an RCU
/// grace period (5-15 ms measured at quit), which must not fall to our exit either. Raw system
/// calls only: it runs on our memory without a thread of its own in the C library.
#[cfg(target_os = "linux")]
extern "C" fn helper(arg: *mut libc::c_void) -> libc::c_int {
    let fd = arg as usize as libc::c_uint;
    // SAFETY: system calls on this process only; `param` and `poll` outlive the calls.
    unsafe {
        let param = libc::sched_param { sched_priority: 0 };
        libc::syscall(
            libc::SYS_sched_setscheduler,
            0,
            libc::SCHED_IDLE,
            std::ptr::addr_of!(param),
        );
        let mut poll = libc::pollfd {
            fd: fd as libc::c_int,
            events: libc::POLLIN,
            revents: 0,
        };
        libc::syscall(libc::SYS_poll, std::ptr::addr_of_mut!(poll), 1, -1);
        libc::syscall(libc::SYS_exit, 0);
    }
    0
}
