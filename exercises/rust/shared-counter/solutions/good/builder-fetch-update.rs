use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

fn start<F: Fn() + Send + 'static>(threads: usize, name: &str, work: F) -> Vec<JoinHandle<()>>
where
    F: Clone,
{
    (0..threads)
        .map(|i| {
            let work = work.clone();
            thread::Builder::new().name(format!("{name}-{i}")).spawn(move || work()).unwrap()
        })
        .collect()
}

pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(Mutex::new(0usize));
    let c = Arc::clone(&count);
    let handles = start(threads, "mutex", move || {
        for _ in 0..per_thread {
            let v = next_visit();
            let mut g = c.lock().unwrap();
            *g += v;
            drop(g);
        }
    });
    for h in handles {
        h.join().unwrap();
    }
    let total = *count.lock().unwrap();
    total
}

pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let count = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&count);
    let handles = start(threads, "atomic", move || {
        for _ in 0..per_thread {
            let v = next_visit();
            c.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| Some(x + v)).unwrap();
        }
    });
    for h in handles {
        h.join().unwrap();
    }
    count.load(Ordering::SeqCst)
}
