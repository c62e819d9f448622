// The read and the write back are two statements, but under one guard: nothing can come in
// between. The atomic counter retries its compare_exchange until no other update came first.
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
                    let v = next_visit();
                    let mut guard = count.lock().unwrap();
                    let seen = *guard;
                    *guard = seen + v;
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
                    let v = next_visit();
                    let mut cur = count.load(Ordering::Relaxed);
                    while let Err(now) = count.compare_exchange(cur, cur + v, Ordering::SeqCst, Ordering::Relaxed) {
                        cur = now;
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    count.load(Ordering::SeqCst)
}
