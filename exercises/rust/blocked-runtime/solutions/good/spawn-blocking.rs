use crate::exercise::{checksum, fetch_page};

pub async fn checksums(pages: u32) -> Vec<u64> {
    let tasks: Vec<_> = (0..pages)
        .map(|i| {
            tokio::spawn(async move {
                let page = fetch_page(i).await;
                // The blocking pool runs this on another thread; the runtime keeps serving tasks.
                tokio::task::spawn_blocking(move || checksum(&page)).await.unwrap()
            })
        })
        .collect();
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.unwrap());
    }
    out
}
