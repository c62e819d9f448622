use crate::exercise::{download, Download};
use std::thread;
use tokio::sync::oneshot;

// A thread per download that reports back on a oneshot channel, so the runtime's thread only
// awaits (never blocks in join()).
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let receivers: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (tx, rx) = oneshot::channel();
            thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                let _ = tx.send(rt.block_on(download(id)));
            });
            rx
        })
        .collect();
    let mut out = Vec::new();
    for rx in receivers {
        out.push(rx.await.expect("download thread died"));
    }
    out
}
