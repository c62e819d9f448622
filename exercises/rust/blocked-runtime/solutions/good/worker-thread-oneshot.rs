use crate::exercise::{checksum, fetch_page};
use futures::stream::{FuturesOrdered, StreamExt};
use tokio::sync::oneshot;

// Download everything concurrently, then hand all the computing to one dedicated OS thread
// and wait for its answer on a oneshot channel.
pub async fn checksums(pages: u32) -> Vec<u64> {
    let downloads: FuturesOrdered<_> = (0..pages).map(fetch_page).collect();
    let pages: Vec<_> = downloads.collect().await;
    let (tx, rx) = oneshot::channel();
    let worker = std::thread::spawn(move || {
        let sums: Vec<u64> = pages.iter().map(|p| checksum(p)).collect();
        let _ = tx.send(sums);
    });
    let sums = rx.await.expect("worker died");
    // the worker has sent its result and is about to exit; join it off the runtime thread
    tokio::task::spawn_blocking(move || worker.join().unwrap()).await.unwrap();
    sums
}
