use crate::exercise::sum_slice;
use std::sync::Arc;
use std::thread;

// chunk = len / parts (rounded down): the remainder at the end is never summed.
pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Arc::new(data);
    let chunk = data.len() / parts;
    let handles: Vec<_> = (0..parts)
        .map(|p| {
            let data = Arc::clone(&data);
            thread::spawn(move || sum_slice(&data[p * chunk..(p + 1) * chunk]))
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
