use crate::exercise::{request, score, Reply};
use futures::stream::{FuturesOrdered, StreamExt};
use rayon::prelude::*;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let pending: FuturesOrdered<_> = ids.into_iter().map(request).collect();
    pending.collect().await
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.is_empty() {
        return 0;
    }
    // 4 pieces at most, each at least one reading long.
    let piece = (readings.len() + 3) / 4;
    readings.par_chunks(piece).map(score).sum()
}
