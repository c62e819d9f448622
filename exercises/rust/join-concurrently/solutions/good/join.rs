use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    // join! polls the three futures in turn on this one task: while one waits, the others run.
    let (user, orders, suggestions) = tokio::join!(load_user(id), load_orders(id), load_suggestions(id));
    Dashboard { user, orders, suggestions }
}
