// Variant of the private-clock attack without a runtime of its own: the loads are awaited one
// after another inside futures::executor::block_on, on the test runtime's own thread. The
// exercise's waits are on the test's timer, which only the test's runtime can fire, and that
// runtime's only thread is held by block_on: the watchdog stops it as a blocked runtime.
use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    futures::executor::block_on(async move {
        let user = load_user(id).await;
        let orders = load_orders(id).await;
        let suggestions = load_suggestions(id).await;
        Dashboard { user, orders, suggestions }
    })
}
