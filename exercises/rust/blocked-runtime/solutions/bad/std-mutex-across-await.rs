use crate::exercise::{checksum, fetch_page};
use std::sync::{Arc, Mutex};

pub async fn checksums(pages: u32) -> Vec<u64> {
    let out = Arc::new(Mutex::new(vec![0u64; pages as usize]));
    let mut handles = Vec::new();
    for i in 0..pages {
        let out = Arc::clone(&out);
        handles.push(tokio::spawn(async move {
            let mut guard = out.lock().unwrap();
            let page = fetch_page(i).await; // std MutexGuard held across .await: future is not Send
            guard[i as usize] = tokio::task::spawn_blocking(move || checksum(&page)).await.unwrap();
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let v = out.lock().unwrap().clone();
    v
}
