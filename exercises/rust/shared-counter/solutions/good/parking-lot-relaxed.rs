use crate::exercise::next_visit;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    let add = next_visit();
                    let mut guard = count.lock();
                    *guard += add;
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let total = *count.lock();
    total
}

// Relaxed is enough for a pure counter: join() orders every increment before the read.
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    count.fetch_add(next_visit(), Ordering::Relaxed);
                }
            })
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    count.load(Ordering::Relaxed)
}
