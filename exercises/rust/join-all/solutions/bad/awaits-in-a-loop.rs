use crate::exercise::fetch_price;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let mut prices = Vec::new();
    for id in ids {
        // Bug: the next fetch is not even created until this one has finished.
        prices.push(fetch_price(id).await);
    }
    prices
}
