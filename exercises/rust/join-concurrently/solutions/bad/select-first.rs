use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

// select! instead of join!: only the first load to finish is kept.
pub async fn dashboard(id: u32) -> Dashboard {
    let mut d = Dashboard { user: String::new(), orders: Vec::new(), suggestions: Vec::new() };
    tokio::select! {
        u = load_user(id) => d.user = u,
        o = load_orders(id) => d.orders = o,
        s = load_suggestions(id) => d.suggestions = s,
    }
    d
}
