use crate::exercise::{request, score, Reply};
use std::thread;

// The sequential request loop, moved to a private runtime on one helper thread.
pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let replies = rt.block_on(async {
            let mut out = Vec::new();
            for id in ids {
                out.push(request(id).await);
            }
            out
        });
        let _ = tx.send(replies);
    });
    rx.await.unwrap()
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
