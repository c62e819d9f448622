use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

// A runtime of its own to "run the three in parallel": panics inside the test's runtime.
pub async fn dashboard(id: u32) -> Dashboard {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (user, orders, suggestions) =
        rt.block_on(async { tokio::join!(load_user(id), load_orders(id), load_suggestions(id)) });
    Dashboard { user, orders, suggestions }
}
