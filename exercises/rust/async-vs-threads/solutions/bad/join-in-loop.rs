use crate::exercise::{request, score, Reply};
use futures::future::join_all;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.is_empty() {
        return 0;
    }
    let size = (readings.len() + 3) / 4;
    let mut total = 0;
    thread::scope(|s| {
        for c in readings.chunks(size) {
            // joined right away: the next piece starts only when this one is done
            total += s.spawn(move || score(c)).join().unwrap();
        }
    });
    total
}
