use crate::exercise::fetch_price;
use futures::future::join_all;
use std::sync::{Arc, Mutex};

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    // Collects into a shared Vec under a std Mutex whose guard lives across the .await: the
    // second future blocks the runtime's only thread on lock() while the first waits to resume.
    let out = Arc::new(Mutex::new(vec![0u64; ids.len()]));
    let jobs = ids.into_iter().enumerate().map(|(i, id)| {
        let out = out.clone();
        async move {
            let mut slots = out.lock().unwrap();
            slots[i] = fetch_price(id).await;
        }
    });
    join_all(jobs).await;
    let v = out.lock().unwrap().clone();
    v
}
