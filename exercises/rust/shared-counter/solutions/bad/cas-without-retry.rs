// shared-counter: count_with_atomic does a single compare_exchange and IGNORES a failure (no
// retry loop), so a visit whose CAS loses a race is silently dropped; count_with_mutex is right.
// Expected: fail (lost_updates) — this code can lose updates; it passes only when no CAS fails.
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let c = Mutex::new(0usize);
    thread::scope(|s| for _ in 0..threads { s.spawn(|| for _ in 0..per_thread { let v = next_visit(); *c.lock().unwrap() += v; }); });
    c.into_inner().unwrap()
}
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let c = AtomicUsize::new(0);
    thread::scope(|s| for _ in 0..threads { s.spawn(|| for _ in 0..per_thread {
        let v = next_visit();
        let cur = c.load(Ordering::Relaxed);
        let _ = c.compare_exchange(cur, cur + v, Ordering::SeqCst, Ordering::Relaxed);
    }); });
    c.load(Ordering::SeqCst)
}
