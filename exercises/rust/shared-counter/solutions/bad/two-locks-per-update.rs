use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    // Short critical sections, but the read and the write are two of them.
                    let seen = *count.lock().unwrap();
                    let visit = next_visit();
                    *count.lock().unwrap() = seen + visit;
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let total = *count.lock().unwrap();
    total
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                for _ in 0..per_thread {
                    count.fetch_add(next_visit(), Ordering::Relaxed);
                }
            });
        }
    });
    count.load(Ordering::SeqCst)
}
