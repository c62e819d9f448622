use crate::exercise::{request, score, Reply};
use std::thread;

// "Each request waits, so give each one its own thread (with its own runtime)."
pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                rt.block_on(request(id))
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
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
