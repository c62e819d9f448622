use crate::exercise::fetch_price;
use futures::future::select_all;

// select_all returns when the FIRST future is done; the student treats that as "all done"
// and fills the rest with the first price.
pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    if ids.is_empty() {
        return Vec::new();
    }
    let futs: Vec<_> = ids.iter().map(|&id| Box::pin(fetch_price(id))).collect();
    let (first, _idx, _rest) = select_all(futs).await;
    vec![first; ids.len()]
}
