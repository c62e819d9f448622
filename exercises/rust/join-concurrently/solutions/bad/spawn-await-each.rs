use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let user = tokio::spawn(load_user(id)).await.unwrap();
    let orders = tokio::spawn(load_orders(id)).await.unwrap();
    let suggestions = tokio::spawn(load_suggestions(id)).await.unwrap();
    Dashboard { user, orders, suggestions }
}
