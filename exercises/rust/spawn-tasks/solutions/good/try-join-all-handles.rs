use crate::exercise::fetch_name;
use futures::future::try_join_all;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(fetch_name(id))).collect();
    try_join_all(handles).await.expect("a lookup task panicked")
}
