use crate::exercise::score;
use rayon::prelude::*;

pub fn total_score(items: &[u64]) -> u64 {
    // Bug: .iter() is the standard, sequential iterator; rayon is imported but never used.
    items.iter().map(|&item| score(item)).sum()
}
