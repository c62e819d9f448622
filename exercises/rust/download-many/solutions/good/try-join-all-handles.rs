use crate::exercise::{download, Download};
use futures::future::try_join_all;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let handles = ids.into_iter().map(|id| tokio::spawn(download(id)));
    try_join_all(handles).await.expect("a download task failed")
}
