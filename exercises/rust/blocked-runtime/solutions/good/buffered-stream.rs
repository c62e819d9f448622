use crate::exercise::{checksum, fetch_page};
use futures::stream::{self, StreamExt};

pub async fn checksums(pages: u32) -> Vec<u64> {
    let limit = (pages as usize).max(1);
    stream::iter(0..pages)
        .map(|i| async move {
            let page = fetch_page(i).await;
            tokio::task::spawn_blocking(move || checksum(&page))
                .await
                .expect("checksum panicked")
        })
        .buffered(limit)
        .collect()
        .await
}
