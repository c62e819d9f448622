use crate::exercise::{checksum, fetch_page};
use futures::future::join_all;

// "join_all makes it concurrent" - but the checksum still runs on the runtime's thread.
pub async fn checksums(pages: u32) -> Vec<u64> {
    join_all((0..pages).map(|i| async move {
        let page = fetch_page(i).await;
        checksum(&page)
    }))
    .await
}
