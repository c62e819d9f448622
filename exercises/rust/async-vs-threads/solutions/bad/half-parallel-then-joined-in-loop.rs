// Four pieces: the first two run at the same time, then the last two are each joined before the
// next starts. Two threads at once, but only for half of the scoring.
use crate::exercise::{request, score, Reply};
use futures::future::join_all;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.len() < 4 {
        return if readings.is_empty() { 0 } else { score(readings) };
    }
    let size = readings.len() / 4;
    let (first, rest) = readings.split_at(2 * size);
    let (a, b) = first.split_at(size);
    let (c, d) = rest.split_at(size);
    thread::scope(|s| {
        let ha = s.spawn(move || score(a));
        let hb = s.spawn(move || score(b));
        let mut total = ha.join().unwrap() + hb.join().unwrap();
        for piece in [c, d] {
            total += s.spawn(move || score(piece)).join().unwrap();
        }
        total
    })
}
