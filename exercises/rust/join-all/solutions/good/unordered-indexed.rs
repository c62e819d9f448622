use crate::exercise::fetch_price;
use futures::stream::{FuturesUnordered, StreamExt};

// FuturesUnordered yields in completion order, so each result carries its index.
pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let mut prices = vec![0u64; ids.len()];
    let mut pending: FuturesUnordered<_> = ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| async move { (i, fetch_price(id).await) })
        .collect();
    while let Some((i, p)) = pending.next().await {
        prices[i] = p;
    }
    prices
}
