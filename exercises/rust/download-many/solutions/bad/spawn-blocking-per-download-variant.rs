use crate::exercise::{download, Download};
use tokio::runtime::Handle;

// "spawn_blocking runs it on another thread, so they all wait at the same time."
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let rt = Handle::current();
            tokio::task::spawn_blocking(move || rt.block_on(download(id)))
        })
        .collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
