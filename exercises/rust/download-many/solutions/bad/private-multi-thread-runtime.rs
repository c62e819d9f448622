use crate::exercise::{download, Download};
use futures::future::join_all;

// A private multi-thread runtime with 2 workers on a helper thread; the test's runtime only
// awaits a oneshot. 3-4 threads in all, all downloads overlap (on the real clock).
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let out = rt.block_on(join_all(ids.into_iter().map(download)));
        let _ = tx.send(out);
    });
    rx.await.unwrap()
}
