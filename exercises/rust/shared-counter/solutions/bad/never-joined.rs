use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    for _ in 0..threads {
        let count = Arc::clone(&count);
        thread::spawn(move || {
            for _ in 0..per_thread {
                let n = next_visit();
                *count.lock().unwrap() += n;
            }
        });
    }
    // Nothing waits for the threads: this reads whatever they have counted so far.
    let total = *count.lock().unwrap();
    total
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    for _ in 0..threads {
        let count = Arc::clone(&count);
        thread::spawn(move || {
            for _ in 0..per_thread {
                count.fetch_add(next_visit(), Ordering::Relaxed);
            }
        });
    }
    count.load(Ordering::Relaxed)
}
