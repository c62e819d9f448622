// Attack (independent test, finding 1): sequential awaits polled by futures::executor::block_on
// on the test runtime's own thread, inside a private start_paused runtime entered there
// (Handle::enter) and driven by a helper thread. The exercise's waits would land on the private
// clock, which jumps through them, while the test's clock reads 0 ms and the thread check sees
// the test's thread. The harness's waits notice a context whose clock is not the test's.
use crate::exercise::{request, score, Reply};

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
    let handle = rt.handle().clone();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || rt.block_on(async move { let _ = stop_rx.await; }));
    let mut out = Vec::new();
    for batch in ids.chunks(20) {
        {
            let _g = handle.enter();
            futures::executor::block_on(async {
                for &id in batch {
                    out.push(request(id).await);
                }
            });
        }
        tokio::task::yield_now().await;
    }
    let _ = stop_tx.send(());
    out
}

pub fn total_score(readings: &[u32]) -> u64 {
    if readings.is_empty() { return 0; }
    let piece = (readings.len() + 3) / 4;
    std::thread::scope(|s| {
        let hs: Vec<_> = readings.chunks(piece).map(|p| s.spawn(move || score(p))).collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
