use crate::exercise::{checksum, fetch_page};

/// Downloads pages 0..pages at the same time and returns the checksum of each, in page order.
pub async fn checksums(pages: u32) -> Vec<u64> {
    let tasks: Vec<_> = (0..pages)
        .map(|i| {
            tokio::spawn(async move {
                let page = fetch_page(i).await;
                checksum(&page) // heavy computation, right here on the runtime's thread
            })
        })
        .collect();
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.unwrap());
    }
    out
}
