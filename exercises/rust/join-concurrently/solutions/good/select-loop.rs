use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};

pub async fn dashboard(id: u32) -> Dashboard {
    let u = load_user(id);
    let o = load_orders(id);
    let s = load_suggestions(id);
    tokio::pin!(u, o, s);
    let (mut user, mut orders, mut suggestions) = (None, None, None);
    while user.is_none() || orders.is_none() || suggestions.is_none() {
        tokio::select! {
            v = &mut u, if user.is_none() => user = Some(v),
            v = &mut o, if orders.is_none() => orders = Some(v),
            v = &mut s, if suggestions.is_none() => suggestions = Some(v),
        }
    }
    Dashboard { user: user.unwrap(), orders: orders.unwrap(), suggestions: suggestions.unwrap() }
}
