use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

/// Loads everything the dashboard shows for one user.
/// It is correct, but slow: each load waits for the previous one to finish.
pub async fn dashboard(id: u32) -> Dashboard {
    let user = load_user(id).await;
    let orders = load_orders(id).await;
    let suggestions = load_suggestions(id).await;
    Dashboard { user, orders, suggestions }
}
