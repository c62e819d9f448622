use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};
use futures::future::join3;

pub async fn dashboard(id: u32) -> Dashboard {
    let (user, orders, suggestions) = join3(load_user(id), load_orders(id), load_suggestions(id)).await;
    Dashboard { user, orders, suggestions }
}
