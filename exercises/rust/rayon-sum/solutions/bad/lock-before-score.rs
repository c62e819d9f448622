use crate::exercise::score;
use rayon::prelude::*;
use std::sync::Mutex;

pub fn total_score(items: &[u64]) -> u64 {
    let total = Mutex::new(0u64);
    items.par_iter().for_each(|&item| {
        let mut t = total.lock().unwrap();
        *t += score(item); // the lock is held while score() runs
    });
    total.into_inner().unwrap()
}
