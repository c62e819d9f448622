use crate::exercise::score;
use std::sync::atomic::{AtomicU64, Ordering};

// rayon::scope with one spawned job per item; the partial results go into an atomic with
// fetch_add (Relaxed is enough: the scope's end synchronises with every job).
pub fn total_score(items: &[u64]) -> u64 {
    let total = AtomicU64::new(0);
    rayon::scope(|s| {
        for &item in items {
            let total = &total;
            s.spawn(move |_| {
                total.fetch_add(score(item), Ordering::Relaxed);
            });
        }
    });
    total.into_inner()
}
