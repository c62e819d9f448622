use crate::exercise::{request, score, Reply};
use futures::future::join_all;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

// "Small pieces balance better": one thread per 1000 readings (24 threads for 24,000).
pub fn total_score(readings: &[u32]) -> u64 {
    thread::scope(|s| {
        let hs: Vec<_> = readings.chunks(1000).map(|c| s.spawn(move || score(c))).collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
