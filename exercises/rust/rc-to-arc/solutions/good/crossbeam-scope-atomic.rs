use crate::exercise::sum_slice;
use std::sync::atomic::{AtomicU64, Ordering};

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let total = AtomicU64::new(0);
    let chunk = (data.len() + parts - 1) / parts;
    crossbeam::scope(|s| {
        for p in 0..parts {
            let (data, total) = (&data, &total);
            s.spawn(move |_| {
                let start = (p * chunk).min(data.len());
                let end = ((p + 1) * chunk).min(data.len());
                total.fetch_add(sum_slice(&data[start..end]), Ordering::AcqRel);
            });
        }
    })
    .unwrap();
    total.load(Ordering::Acquire)
}
