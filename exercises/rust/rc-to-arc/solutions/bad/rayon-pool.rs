use crate::exercise::sum_slice;
use rayon::prelude::*;

// rayon's pool instead of a thread per part: parts are not guaranteed their own threads
// (the pool has one thread per CPU).
pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let chunk = ((data.len() + parts - 1) / parts).max(1);
    data.par_chunks(chunk).map(sum_slice).sum()
}
