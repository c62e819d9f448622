use crate::exercise::{request, score, Reply};

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(request(id))).collect();
    let mut replies = Vec::new();
    for handle in handles {
        replies.push(handle.await.unwrap());
    }
    replies
}

pub fn total_score(readings: &[u32]) -> u64 {
    // Cutting the work into pieces is not enough: they still run one after another here.
    readings.chunks(1_000).map(score).sum()
}
