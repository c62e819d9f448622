use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// Starts `threads` threads; each handles `per_thread` visits (calling `next_visit()` for each
/// and adding what it returns to one shared counter kept in an `Arc<Mutex<usize>>`).
/// Returns the final count.
pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    // TODO: use threads. This version counts on the calling thread only.
    let mut count = 0;
    for _ in 0..threads * per_thread {
        count += next_visit();
    }
    count
}

/// The same, with the shared counter in an `Arc<AtomicUsize>` instead.
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    // TODO: use threads and an AtomicUsize.
    let mut count = 0;
    for _ in 0..threads * per_thread {
        count += next_visit();
    }
    count
}
