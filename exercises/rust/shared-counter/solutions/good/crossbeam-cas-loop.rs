use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    crossbeam::scope(|s| {
        for _ in 0..threads {
            let count = Arc::clone(&count);
            s.spawn(move |_| {
                (0..per_thread).for_each(|_| {
                    let v = next_visit();
                    if let Ok(mut g) = count.lock() {
                        *g += v;
                    }
                })
            });
        }
    })
    .unwrap();
    let n = *count.lock().unwrap();
    n
}

// A compare-and-swap loop: the long way of writing fetch_add.
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    crossbeam::scope(|s| {
        for _ in 0..threads {
            let count = Arc::clone(&count);
            s.spawn(move |_| {
                for _ in 0..per_thread {
                    let add = next_visit();
                    let mut cur = count.load(Ordering::Relaxed);
                    loop {
                        match count.compare_exchange_weak(cur, cur + add, Ordering::AcqRel, Ordering::Relaxed) {
                            Ok(_) => break,
                            Err(actual) => cur = actual,
                        }
                    }
                }
            });
        }
    })
    .unwrap();
    count.load(Ordering::Acquire)
}
