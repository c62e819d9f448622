// The counter is read under one lock and written under another (an RwLock's read() then
// write()), and the atomic one is read with load() and written with swap(): two steps each,
// right after next_visit(), so an update made in between is overwritten.
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::RwLock;
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = RwLock::new(0usize);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..per_thread {
                    let v = next_visit();
                    let seen = *count.read().unwrap();
                    *count.write().unwrap() = seen + v;
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
                    let v = next_visit();
                    count.swap(count.load(Ordering::SeqCst) + v, Ordering::SeqCst);
                }
            });
        }
    });
    count.into_inner()
}
