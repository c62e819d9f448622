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
                    *count.lock().unwrap() += v;
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

// Starts the threads but reads the counter without joining them.
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    for _ in 0..threads {
        let count = Arc::clone(&count);
        thread::spawn(move || {
            for _ in 0..per_thread {
                count.fetch_add(next_visit(), Ordering::SeqCst);
            }
        });
    }
    count.load(Ordering::SeqCst)
}
