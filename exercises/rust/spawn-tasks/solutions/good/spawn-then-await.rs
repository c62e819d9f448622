use crate::exercise::fetch_name;
use tokio::task::JoinHandle;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    // Every task starts now; awaiting the handles in id order keeps the order of the results.
    let handles: Vec<JoinHandle<String>> = ids.into_iter().map(|id| tokio::spawn(fetch_name(id))).collect();
    let mut names = Vec::with_capacity(handles.len());
    for handle in handles {
        names.push(handle.await.expect("lookup task panicked"));
    }
    names
}
