// rc-to-arc: each part gets its own thread, but every thread is joined right after it is
// spawned, so the parts are summed one after another (no parallelism at all).
// Expected: fail (not_parallel) — the exercise teaches parallel summing.
use crate::exercise::sum_slice;
use std::sync::Arc;
use std::thread;
pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Arc::new(data);
    let chunk = (data.len() + parts - 1) / parts;
    let mut total = 0;
    for p in 0..parts {
        let data = Arc::clone(&data);
        total += thread::spawn(move || {
            let start = (p * chunk).min(data.len());
            let end = ((p + 1) * chunk).min(data.len());
            sum_slice(&data[start..end])
        }).join().unwrap();
    }
    total
}
