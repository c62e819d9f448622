use crate::exercise::score;
use rayon::prelude::*;

// Builds its own pool on every call, sized "to be safe" at one thread.
pub fn total_score(items: &[u64]) -> u64 {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    pool.install(|| items.par_iter().map(|&i| score(i)).sum())
}
