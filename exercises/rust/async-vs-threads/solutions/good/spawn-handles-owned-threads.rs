use crate::exercise::{request, score, Reply};
use std::sync::Arc;
use std::thread;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(request(id))).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.expect("request task panicked"));
    }
    out
}

pub fn total_score(readings: &[u32]) -> u64 {
    const THREADS: usize = 3;
    let shared: Arc<Vec<u32>> = Arc::new(readings.to_vec());
    let n = shared.len();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let data = Arc::clone(&shared);
            thread::spawn(move || {
                let lo = n * t / THREADS;
                let hi = n * (t + 1) / THREADS;
                score(&data[lo..hi])
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
