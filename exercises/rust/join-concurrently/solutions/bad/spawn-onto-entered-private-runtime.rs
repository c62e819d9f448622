// Variant of the private-clock attack: a private start_paused runtime, driven by a helper
// thread, is entered on the test's thread (Handle::enter), so tokio::spawn puts each load on it;
// the loads run one after another on the helper thread, on the private clock. The services see
// they were polled off the test runtime's thread.
use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
    let handle = rt.handle().clone();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || rt.block_on(async move { let _ = stop_rx.await; }));
    let task = {
        let _guard = handle.enter();
        tokio::spawn(async move {
            let user = load_user(id).await;
            let orders = load_orders(id).await;
            let suggestions = load_suggestions(id).await;
            Dashboard { user, orders, suggestions }
        })
    };
    let out = task.await.unwrap();
    let _ = stop_tx.send(());
    out
}
