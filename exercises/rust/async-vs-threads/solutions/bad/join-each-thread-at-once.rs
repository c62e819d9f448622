use crate::exercise::{request, score, Reply};
use futures::future::join_all;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

pub fn total_score(readings: &[u32]) -> u64 {
    let half = (readings.len() + 1) / 2;
    if half == 0 {
        return 0;
    }
    let mut total = 0;
    for part in readings.chunks(half) {
        let part = part.to_vec();
        // Joined right after it was spawned: two threads, but never both at work.
        total += std::thread::spawn(move || score(&part)).join().unwrap();
    }
    total
}
