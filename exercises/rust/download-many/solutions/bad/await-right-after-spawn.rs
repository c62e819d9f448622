use crate::exercise::{download, Download};

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut out = Vec::new();
    for id in ids {
        let handle = tokio::spawn(download(id));
        out.push(handle.await.unwrap());
    }
    out
}
