// rayon-sum: the scoring is SEQUENTIAL: items 1..n/2 on one thread, then (after it is joined)
// items n/2..n on another. Item 0 is scored on a third thread at the same moment as item 1,
// only to make max_in_flight reach 2. No rayon parallelism at all.
// Expected: fail (needlessly_serial) — apart from one decoy item, nothing ran at the same time.
use crate::exercise::score;
use std::thread;

pub fn total_score(items: &[u64]) -> u64 {
    if items.len() < 3 {
        return items.iter().map(|&x| score(x)).sum();
    }
    let (one, rest) = items.split_at(1);
    let (h1, h2) = rest.split_at(rest.len() / 2);
    thread::scope(|s| {
        let d = s.spawn(move || score(one[0]));
        let a: u64 = s.spawn(move || h1.iter().map(|&x| score(x)).sum::<u64>()).join().unwrap();
        let b: u64 = s.spawn(move || h2.iter().map(|&x| score(x)).sum::<u64>()).join().unwrap();
        a + b + d.join().unwrap()
    })
}
