use crate::exercise::sum_slice;
use std::thread;

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    // Scoped threads may borrow `data`: the scope guarantees they end before it is dropped,
    // so no reference counting is needed at all.
    let chunk = ((data.len() + parts - 1) / parts).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = (0..parts)
            .map(|p| {
                let start = (p * chunk).min(data.len());
                let end = ((p + 1) * chunk).min(data.len());
                let part = &data[start..end];
                s.spawn(move || sum_slice(part))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
