use crate::exercise::{load_orders, load_suggestions, load_user, Dashboard};
use futures::future::{poll_fn, FutureExt};
use std::task::Poll;

// Polls the three futures by hand: each poll of the outer future polls every load not yet done.
pub async fn dashboard(id: u32) -> Dashboard {
    let mut u = Box::pin(load_user(id));
    let mut o = Box::pin(load_orders(id));
    let mut s = Box::pin(load_suggestions(id));
    let (mut user, mut orders, mut suggestions) = (None, None, None);
    poll_fn(|cx| {
        if user.is_none() {
            if let Poll::Ready(v) = u.poll_unpin(cx) {
                user = Some(v);
            }
        }
        if orders.is_none() {
            if let Poll::Ready(v) = o.poll_unpin(cx) {
                orders = Some(v);
            }
        }
        if suggestions.is_none() {
            if let Poll::Ready(v) = s.poll_unpin(cx) {
                suggestions = Some(v);
            }
        }
        if user.is_some() && orders.is_some() && suggestions.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    Dashboard { user: user.unwrap(), orders: orders.unwrap(), suggestions: suggestions.unwrap() }
}
