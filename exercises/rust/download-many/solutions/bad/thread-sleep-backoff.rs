use crate::exercise::{download, Download};
use futures::future::join_all;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(100) {
        out.extend(join_all(chunk.iter().map(|&id| download(id))).await);
        // Back off between batches so the server is not flooded, with a blocking sleep.
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    out
}
