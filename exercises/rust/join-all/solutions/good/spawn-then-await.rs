use crate::exercise::fetch_price;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    // tokio::spawn queues a task on the runtime (no new OS thread); all of them start waiting now.
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(fetch_price(id))).collect();
    let mut prices = Vec::with_capacity(handles.len());
    for handle in handles {
        prices.push(handle.await.expect("the fetch task panicked"));
    }
    prices
}
