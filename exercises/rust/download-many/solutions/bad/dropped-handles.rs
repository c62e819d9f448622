use crate::exercise::{download, Download};
use std::sync::{Arc, Mutex};

// Spawns the downloads but never waits for them: returns whatever has arrived (nothing).
pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let results: Arc<Mutex<Vec<Download>>> = Arc::new(Mutex::new(Vec::new()));
    for id in ids {
        let results = Arc::clone(&results);
        tokio::spawn(async move {
            let d = download(id).await;
            results.lock().unwrap().push(d);
        });
    }
    let mut guard = results.lock().unwrap();
    std::mem::take(&mut *guard)
}
