use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

// Locks correctly (only around the add) but joins every thread right after spawning it.
pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    for _ in 0..threads {
        let count = Arc::clone(&count);
        let h = thread::spawn(move || {
            for _ in 0..per_thread {
                let v = next_visit();
                *count.lock().unwrap() += v;
            }
        });
        h.join().unwrap();
    }
    let n = *count.lock().unwrap();
    n
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
    count.into_inner()
}
