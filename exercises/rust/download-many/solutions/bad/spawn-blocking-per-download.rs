use crate::exercise::{download, Download};
use tokio::runtime::Handle;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    // spawn_blocking is for blocking work: each call here occupies a thread of tokio's blocking
    // pool for the whole download, so the pool grows towards one thread per download.
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| tokio::task::spawn_blocking(move || Handle::current().block_on(download(id))))
        .collect();
    let mut files = Vec::with_capacity(handles.len());
    for handle in handles {
        files.push(handle.await.unwrap());
    }
    files
}
