use crate::exercise::score;
use rayon::prelude::*;

pub fn total_score(items: &[u64]) -> u64 {
    items
        .par_chunks(4)
        .map(|chunk| chunk.iter().map(|&i| score(i)).sum::<u64>())
        .sum()
}
