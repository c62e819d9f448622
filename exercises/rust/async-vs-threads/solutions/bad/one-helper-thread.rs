use crate::exercise::{request, score, Reply};
use futures::future::join_all;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

// "Compute on a thread": but a single one does all the work.
pub fn total_score(readings: &[u32]) -> u64 {
    let owned = readings.to_vec();
    thread::spawn(move || score(&owned)).join().unwrap()
}
