use crate::exercise::{download, Download};
use std::sync::{Arc, Mutex};

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let files = Arc::new(Mutex::new(Vec::new()));
    for id in ids {
        let files = Arc::clone(&files);
        // The JoinHandle is dropped: nothing waits for these tasks before we return.
        tokio::spawn(async move {
            let file = download(id).await;
            files.lock().unwrap().push(file);
        });
    }
    let done = files.lock().unwrap().clone();
    done
}
