use crate::exercise::fetch_price;
use tokio::sync::mpsc;

pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    // Each task sends (position, price); the loop collects until the channel closes. But the
    // original `tx` is still alive in this function, so the channel never closes and the last
    // recv() waits for ever.
    let (tx, mut rx) = mpsc::unbounded_channel();
    for (i, id) in ids.iter().copied().enumerate() {
        let tx = tx.clone();
        tokio::spawn(async move {
            let _ = tx.send((i, fetch_price(id).await));
        });
    }
    let mut got = Vec::new();
    while let Some(pair) = rx.recv().await {
        got.push(pair);
    }
    got.sort();
    got.into_iter().map(|(_, price)| price).collect()
}
