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
                    let mut guard = count.lock().unwrap();
                    *guard += next_visit(); // next_visit runs while the lock is held
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let n = *count.lock().unwrap();
    n
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    count.fetch_add(next_visit(), Ordering::SeqCst);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    count.load(Ordering::SeqCst)
}
