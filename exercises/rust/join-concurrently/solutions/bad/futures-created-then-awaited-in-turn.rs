use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    // Creating the futures first does not start them: a future does nothing until awaited.
    let user = load_user(id);
    let orders = load_orders(id);
    let suggestions = load_suggestions(id);
    Dashboard { user: user.await, orders: orders.await, suggestions: suggestions.await }
}
