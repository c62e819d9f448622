// shared-counter: the read-modify-write is split in both functions (two lock() calls; an
// atomic load then a separate store), but the window is narrow: next_visit() runs first, then
// read and write back immediately. A race can lose updates; whether it does is chance.
// Expected: fail (lost_updates) — the statement names exactly this mistake as lost_updates.
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    thread::scope(|s| {
        for _ in 0..threads {
            let count = Arc::clone(&count);
            s.spawn(move || {
                for _ in 0..per_thread {
                    let visit = next_visit();
                    let seen = *count.lock().unwrap();
                    *count.lock().unwrap() = seen + visit;
                }
            });
        }
    });
    let total = *count.lock().unwrap();
    total
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..per_thread {
                    let visit = next_visit();
                    let cur = count.load(Ordering::SeqCst);
                    count.store(cur + visit, Ordering::SeqCst);
                }
            });
        }
    });
    count.load(Ordering::SeqCst)
}
