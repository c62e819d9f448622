use crate::exercise::score;
use std::sync::atomic::{AtomicU64, Ordering};

// load, compute, store: two threads read the same total and one of the additions is lost.
pub fn total_score(items: &[u64]) -> u64 {
    let total = AtomicU64::new(0);
    rayon::scope(|s| {
        for &item in items {
            let total = &total;
            s.spawn(move |_| {
                let current = total.load(Ordering::SeqCst);
                total.store(current + score(item), Ordering::SeqCst);
            });
        }
    });
    total.load(Ordering::SeqCst)
}
