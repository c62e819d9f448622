use crate::exercise::{request, score, Reply};
use futures::future::join_all;

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    join_all(ids.into_iter().map(request)).await
}

// "Tasks are cheap": four tokio tasks on a current-thread runtime, all on one OS thread.
pub fn total_score(readings: &[u32]) -> u64 {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let owned: Vec<u32> = readings.to_vec();
    rt.block_on(async move {
        if owned.is_empty() {
            return 0;
        }
        let size = (owned.len() + 3) / 4;
        let handles: Vec<_> = owned
            .chunks(size)
            .map(|c| {
                let c = c.to_vec();
                tokio::spawn(async move { score(&c) })
            })
            .collect();
        let mut total = 0;
        for h in handles {
            total += h.await.unwrap();
        }
        total
    })
}
