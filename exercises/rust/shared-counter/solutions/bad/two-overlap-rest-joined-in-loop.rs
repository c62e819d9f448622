// shared-counter: correct counting, but only threads 0 and 1 run at the same time; every later
// thread is spawned and joined right away (joined-in-loop), so 8-10 of the ~10 threads ran one
// after another. Expected: fail (needlessly_serial): all the threads must handle visits at the
// same time (it once passed on "any 2 visits overlap"; same shape as mutex-joined-in-loop.rs).
use crate::exercise::next_visit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
fn run(threads: usize, per_thread: usize, add: Arc<dyn Fn(usize) + Send + Sync>) {
    let work = move |add: Arc<dyn Fn(usize) + Send + Sync>| move || for _ in 0..per_thread { add(next_visit()) };
    let a = thread::spawn(work(add.clone()));
    let b = if threads > 1 { Some(thread::spawn(work(add.clone()))) } else { None };
    a.join().unwrap();
    if let Some(b) = b { b.join().unwrap(); }
    for _ in 2..threads { thread::spawn(work(add.clone())).join().unwrap(); }
}
pub fn count_with_mutex(threads: usize, per_thread: usize) -> usize {
    let c = Arc::new(Mutex::new(0usize));
    let c2 = c.clone();
    run(threads, per_thread, Arc::new(move |v| *c2.lock().unwrap() += v));
    let n = *c.lock().unwrap();
    n
}
pub fn count_with_atomic(threads: usize, per_thread: usize) -> usize {
    let c = Arc::new(AtomicUsize::new(0));
    let c2 = c.clone();
    run(threads, per_thread, Arc::new(move |v| { c2.fetch_add(v, Ordering::SeqCst); }));
    c.load(Ordering::SeqCst)
}
