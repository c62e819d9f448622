use crate::exercise::fetch_price;
use std::collections::BTreeMap;
use tokio::task::JoinSet;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let mut set = JoinSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        set.spawn(async move { (i, fetch_price(id).await) });
    }
    let mut got = BTreeMap::new();
    loop {
        tokio::select! {
            Some(done) = set.join_next() => {
                let (i, p) = done.unwrap();
                got.insert(i, p);
            }
            else => break,
        }
    }
    got.into_values().collect()
}
