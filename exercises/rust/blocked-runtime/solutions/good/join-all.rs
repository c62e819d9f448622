use crate::exercise::{checksum, fetch_page};
use futures::future::join_all;

pub async fn checksums(pages: u32) -> Vec<u64> {
    join_all((0..pages).map(|i| async move {
        let page = fetch_page(i).await;
        tokio::task::spawn_blocking(move || checksum(&page)).await.unwrap()
    }))
    .await
}
