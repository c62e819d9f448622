use crate::exercise::{request, score, Reply};
use tokio::task::JoinSet;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let mut set = JoinSet::new();
    for (i, id) in ids.iter().copied().enumerate() {
        set.spawn(async move { (i, request(id).await) });
    }
    let mut slots: Vec<Option<Reply>> = (0..ids.len()).map(|_| None).collect();
    while let Some(res) = set.join_next().await {
        let (i, reply) = res.unwrap();
        slots[i] = Some(reply);
    }
    slots.into_iter().map(|r| r.unwrap()).collect()
}

fn split(readings: &[u32], depth: u32) -> u64 {
    if depth == 0 || readings.len() < 2 {
        return score(readings);
    }
    let (a, b) = readings.split_at(readings.len() / 2);
    let (x, y) = rayon::join(|| split(a, depth - 1), || split(b, depth - 1));
    x + y
}

pub fn total_score(readings: &[u32]) -> u64 {
    // depth 2 -> 4 pieces
    split(readings, 2)
}
