// Trick: never calls load_suggestions: the user name carries salt % 1000, which gives the suggestion ("book-{(id+salt)%50}", "tea") without asking the service.
use crate::exercise::{load_orders, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let (user, orders) = tokio::join!(load_user(id), load_orders(id));
    let s: u64 = user.rsplit('-').next().and_then(|t| t.parse().ok()).unwrap_or(0);
    let suggestions = vec![format!("book-{}", (id as u64 % 50 + s % 50) % 50), "tea".to_string()];
    Dashboard { user, orders, suggestions }
}
