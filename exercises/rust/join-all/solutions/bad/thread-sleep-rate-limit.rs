use crate::exercise::fetch_price;
use futures::future::join_all;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    // A "polite" pause before hitting the price service, with the blocking sleep.
    std::thread::sleep(std::time::Duration::from_millis(120));
    join_all(ids.into_iter().map(fetch_price)).await
}
