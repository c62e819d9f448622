// Variant of the private-clock attack with a real-clock private runtime (not paused), entered on
// the test's thread and polled by futures::executor::block_on: the waits run for real, one after
// another, while the test runtime's thread is held for about 300 ms.
use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || rt.block_on(async move { let _ = stop_rx.await; }));
    let out = {
        let _guard = handle.enter();
        futures::executor::block_on(async move {
            let user = load_user(id).await;
            let orders = load_orders(id).await;
            let suggestions = load_suggestions(id).await;
            Dashboard { user, orders, suggestions }
        })
    };
    let _ = stop_tx.send(());
    out
}
