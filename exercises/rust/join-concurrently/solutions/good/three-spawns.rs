use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let user = tokio::spawn(load_user(id));
    let orders = tokio::spawn(load_orders(id));
    let suggestions = tokio::spawn(load_suggestions(id));
    Dashboard {
        user: user.await.unwrap(),
        orders: orders.await.unwrap(),
        suggestions: suggestions.await.unwrap(),
    }
}
