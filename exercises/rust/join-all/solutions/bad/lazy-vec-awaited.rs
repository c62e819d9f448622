use crate::exercise::fetch_price;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    // building the futures first does not start them
    let futures: Vec<_> = ids.into_iter().map(fetch_price).collect();
    let mut prices = Vec::new();
    for f in futures {
        prices.push(f.await);
    }
    prices
}
