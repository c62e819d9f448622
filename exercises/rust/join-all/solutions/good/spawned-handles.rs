use crate::exercise::fetch_price;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let handles: Vec<tokio::task::JoinHandle<u64>> =
        ids.iter().map(|&id| tokio::spawn(fetch_price(id))).collect();
    let mut prices = Vec::with_capacity(handles.len());
    for h in handles {
        prices.push(h.await.expect("fetch task panicked"));
    }
    prices
}
