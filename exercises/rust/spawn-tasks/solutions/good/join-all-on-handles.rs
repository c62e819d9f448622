use crate::exercise::fetch_name;
use futures::future::join_all;
use tokio::task::JoinHandle;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let handles: Vec<JoinHandle<String>> = ids.iter().map(|&id| tokio::spawn(fetch_name(id))).collect();
    join_all(handles)
        .await
        .into_iter()
        .map(|r| r.expect("lookup panicked"))
        .collect()
}
