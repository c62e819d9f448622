use crate::exercise::fetch_price;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let results = Arc::new(Mutex::new(Vec::new()));
    for (i, id) in ids.into_iter().enumerate() {
        let results = results.clone();
        tokio::spawn(async move {
            let price = fetch_price(id).await;
            results.lock().unwrap().push((i, price));
        });
    }
    // Bug: guesses that 100 ms is long enough instead of awaiting the tasks; slower fetches are lost.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut got = results.lock().unwrap().clone();
    got.sort();
    got.into_iter().map(|(_, price)| price).collect()
}
