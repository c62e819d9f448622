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
                    let visit = next_visit();
                    *count.lock().unwrap() += visit;
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
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    // Read, compute, write back: two separate atomic steps, so another thread's
                    // increment between them is overwritten.
                    let current = count.load(Ordering::SeqCst);
                    let visit = next_visit();
                    count.store(current + visit, Ordering::SeqCst);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    count.load(Ordering::SeqCst)
}
