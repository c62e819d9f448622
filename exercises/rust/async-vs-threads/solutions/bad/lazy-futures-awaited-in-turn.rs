use crate::exercise::{request, score, Reply};
use std::thread;

// "Create all the futures first so they start together, then collect them."
pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let futures: Vec<_> = ids.into_iter().map(request).collect();
    let mut out = Vec::new();
    for f in futures {
        out.push(f.await);
    }
    out
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.is_empty() {
        return 0;
    }
    let size = (readings.len() + 3) / 4;
    thread::scope(|s| {
        let hs: Vec<_> = readings.chunks(size).map(|c| s.spawn(move || score(c))).collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
