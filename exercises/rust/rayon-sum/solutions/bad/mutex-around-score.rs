use crate::exercise::score;
use rayon::prelude::*;
use std::sync::Mutex;

pub fn total_score(items: &[u64]) -> u64 {
    let total = Mutex::new(0u64);
    items.par_iter().for_each(|&item| {
        // Bug: the guard is taken before score() runs, so the threads take turns.
        let mut sum = total.lock().unwrap();
        *sum += score(item);
    });
    total.into_inner().unwrap()
}
