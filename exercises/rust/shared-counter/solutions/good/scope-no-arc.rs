use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

// Scoped threads borrow the counters: no Arc needed.
pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Mutex::new(0usize);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..per_thread {
                    let v = next_visit();
                    *count.lock().unwrap() += v;
                }
            });
        }
    });
    count.into_inner().unwrap()
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..per_thread {
                    count.fetch_add(next_visit(), Ordering::SeqCst);
                }
            });
        }
    });
    count.load(Ordering::SeqCst)
}
