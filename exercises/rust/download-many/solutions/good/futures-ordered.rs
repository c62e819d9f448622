use crate::exercise::{download, Download};
use futures::stream::{FuturesOrdered, StreamExt};

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut pending = FuturesOrdered::new();
    for id in ids {
        pending.push(download(id));
    }
    let mut out = Vec::new();
    while let Some(d) = pending.next().await {
        out.push(d);
    }
    out
}
