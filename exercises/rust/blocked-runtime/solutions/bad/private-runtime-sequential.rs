use crate::exercise::{checksum, fetch_page};

// "Move everything off the runtime's thread": the starter's work, but sequential, on a
// private runtime in a helper thread. The downloads wait one after another (4 x 50 ms).
pub async fn checksums(pages: u32) -> Vec<u64> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let sums = rt.block_on(async move {
            let mut out = Vec::new();
            for i in 0..pages {
                let page = fetch_page(i).await;
                out.push(checksum(&page));
            }
            out
        });
        let _ = tx.send(sums);
    });
    rx.await.unwrap()
}
