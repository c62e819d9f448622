use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};
use std::time::Duration;

// Staggers the loads with std::thread::sleep "so the services are not hit at the same instant".
pub async fn dashboard(id: u32) -> Dashboard {
    let (user, orders, suggestions) = tokio::join!(
        load_user(id),
        async {
            std::thread::sleep(Duration::from_millis(60));
            load_orders(id).await
        },
        load_suggestions(id),
    );
    Dashboard { user, orders, suggestions }
}
