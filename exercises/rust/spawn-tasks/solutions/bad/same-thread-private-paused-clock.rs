// Attack (independent test, finding 1): sequential awaits polled by futures::executor::block_on
// on the test runtime's own thread, inside a private start_paused runtime entered there
// (Handle::enter) and driven by a helper thread. The exercise's waits would land on the private
// clock, which jumps through them, while the test's clock reads 0 ms and the thread check sees
// the test's thread. The harness's waits notice a context whose clock is not the test's.
use crate::exercise::fetch_name;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
    let handle = rt.handle().clone();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || rt.block_on(async move { let _ = stop_rx.await; }));
    let out = {
        let _g = handle.enter();
        futures::executor::block_on(async {
            let mut v = Vec::new();
            for id in ids {
                v.push(fetch_name(id).await);
            }
            v
        })
    };
    let _ = stop_tx.send(());
    out
}
