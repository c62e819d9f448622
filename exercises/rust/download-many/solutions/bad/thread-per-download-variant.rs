use crate::exercise::{download, Download};
use std::thread;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap()
                    .block_on(download(id))
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}
