// Variant of the private-clock attack: a helper thread runs a LocalSet on a private start_paused
// runtime, awaits the loads one after another there and sends the result back; the test's task
// only awaits the reply. The services see they were polled off the test runtime's thread.
use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
        let local = tokio::task::LocalSet::new();
        let out = local.block_on(&rt, async move {
            tokio::task::spawn_local(async move {
                let user = load_user(id).await;
                let orders = load_orders(id).await;
                let suggestions = load_suggestions(id).await;
                Dashboard { user, orders, suggestions }
            })
            .await
            .unwrap()
        });
        let _ = tx.send(out);
    });
    rx.await.unwrap()
}
