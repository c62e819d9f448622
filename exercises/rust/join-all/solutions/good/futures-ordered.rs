use crate::exercise::fetch_price;
use futures::stream::{FuturesOrdered, StreamExt};

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    ids.into_iter().map(fetch_price).collect::<FuturesOrdered<_>>().collect().await
}
