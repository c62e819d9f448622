use crate::exercise::score;
use rayon::prelude::*;

pub fn total_score(items: &[u64]) -> u64 {
    // Bug: rayon calls the identity once per piece of the split, so every piece adds 1.
    items.par_iter().map(|&item| score(item)).reduce(|| 1, |a, b| a + b)
}
