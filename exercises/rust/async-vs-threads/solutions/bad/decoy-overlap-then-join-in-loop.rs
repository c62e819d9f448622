// async-vs-threads: total_score is SEQUENTIAL: two halves are scored one after another (each
// thread joined before the next starts). A single reading is scored on a helper thread at the
// same moment as the first half begins, only so that max_in_flight reaches 2.
// Expected: fail (needlessly_serial) — the halves never run at the same time.
use crate::exercise::{request, score, Reply};
use futures::future::join_all;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.len() < 3 {
        return if readings.is_empty() { 0 } else { score(readings) };
    }
    let (one, rest) = readings.split_at(1);
    let (h1, h2) = rest.split_at(rest.len() / 2);
    thread::scope(|s| {
        // decoy: one reading, overlapping only the start of h1
        let d = s.spawn(move || score(one));
        let a = s.spawn(move || score(h1)).join().unwrap();
        let b = s.spawn(move || score(h2)).join().unwrap();
        a + b + d.join().unwrap()
    })
}
