// Each thread adds up its own visits and touches the shared counter once, at its end: one
// fetch_add, or one lock held for the whole read-modify-write.
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Mutex::new(0usize);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mine: usize = (0..per_thread).map(|_| next_visit()).sum();
                let mut guard = count.lock().unwrap();
                let seen = *guard;
                *guard = seen + mine;
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
                let mut mine = 0;
                for _ in 0..per_thread {
                    mine += next_visit();
                }
                count.fetch_add(mine, Ordering::Relaxed);
            });
        }
    });
    count.into_inner()
}
