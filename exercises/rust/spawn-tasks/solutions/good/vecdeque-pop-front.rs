use crate::exercise::fetch_name;
use std::collections::VecDeque;

// Keeps the handles in a queue and awaits them from the front.
pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let mut queue: VecDeque<_> = ids.into_iter().map(|id| tokio::spawn(fetch_name(id))).collect();
    let mut names = Vec::with_capacity(queue.len());
    while let Some(handle) = queue.pop_front() {
        match handle.await {
            Ok(name) => names.push(name),
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    names
}
