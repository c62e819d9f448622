use crate::exercise::{download, Download};
use futures::stream::{self, StreamExt};

// A generous limit (no more than 2048 downloads waiting at once), then restore the order.
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut done: Vec<(usize, Download)> = stream::iter(ids.into_iter().enumerate())
        .map(|(i, id)| async move { (i, download(id).await) })
        .buffer_unordered(2048)
        .collect()
        .await;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, d)| d).collect()
}
