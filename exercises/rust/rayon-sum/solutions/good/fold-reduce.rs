use crate::exercise::score;
use rayon::prelude::*;

pub fn total_score(items: &[u64]) -> u64 {
    (0..items.len())
        .into_par_iter()
        .fold(|| 0u64, |acc, i| acc + score(items[i]))
        .reduce(|| 0, |a, b| a + b)
}
