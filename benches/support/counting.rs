//! The binary's allocator (mimalloc), counting the bytes in use (`LIVE`) and the most ever in use
//! since the last [`reset_peak`] (`PEAK`): shared by the memory benches and the reload memory test.
//! Each user declares it: `#[global_allocator] static ALLOC: Counting = Counting;`.

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// mimalloc, counting what it hands out.
pub struct Counting;

/// Bytes in use now.
pub static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The most bytes in use since the last [`reset_peak`].
pub static PEAK: AtomicUsize = AtomicUsize::new(0);
static BASE: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

/// Bytes in use now.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Resets the peak to what is in use now; returns that.
pub fn reset_peak() -> usize {
    let now = live();
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// The most bytes in use since the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

// SAFETY: every call is passed on to mimalloc unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { BASE.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { BASE.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        if new >= layout.size() {
            grew(new - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new, Ordering::Relaxed);
        }
        unsafe { BASE.realloc(ptr, layout, new) }
    }
}
