use crate::exercise::{checksum, fetch_page};
use tokio::task::JoinSet;

pub async fn checksums(pages: u32) -> Vec<u64> {
    let mut set = JoinSet::new();
    for i in 0..pages {
        set.spawn(async move {
            let page = fetch_page(i).await;
            let sum = tokio::task::spawn_blocking(move || checksum(&page)).await.unwrap();
            (i as usize, sum)
        });
    }
    let mut out = vec![0u64; pages as usize];
    while let Some(done) = set.join_next().await {
        let (i, sum) = done.unwrap();
        out[i] = sum;
    }
    out
}
