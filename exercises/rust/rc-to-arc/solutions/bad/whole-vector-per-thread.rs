use crate::exercise::sum_slice;
use std::sync::Arc;
use std::thread;

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Arc::new(data);
    let mut handles = Vec::new();
    for _ in 0..parts {
        let data = Arc::clone(&data);
        // Every thread sums everything: the total is counted `parts` times.
        handles.push(thread::spawn(move || sum_slice(&data)));
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
