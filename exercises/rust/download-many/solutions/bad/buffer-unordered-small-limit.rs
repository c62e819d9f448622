use crate::exercise::{download, Download};
use futures::stream::{self, StreamExt};

// Limits itself to 10 downloads at a time: 1,000 take 100 rounds of 100 ms.
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    stream::iter(ids).map(download).buffered(10).collect().await
}
