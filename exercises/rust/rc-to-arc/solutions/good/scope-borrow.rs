use crate::exercise::sum_slice;
use std::thread;

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let chunk = (data.len() + parts - 1) / parts;
    let data = &data;
    thread::scope(|s| {
        let handles: Vec<_> = (0..parts)
            .map(|p| {
                let start = (p * chunk).min(data.len());
                let end = ((p + 1) * chunk).min(data.len());
                s.spawn(move || sum_slice(&data[start..end]))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
