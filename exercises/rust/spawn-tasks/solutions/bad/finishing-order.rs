use crate::exercise::fetch_name;
use tokio::sync::mpsc;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for id in ids {
        let tx = tx.clone();
        tokio::spawn(async move { tx.send(fetch_name(id).await).unwrap() });
    }
    drop(tx);
    // Results arrive in the order the tasks finish, not in the order of the ids.
    let mut names = Vec::new();
    while let Some(name) = rx.recv().await {
        names.push(name);
    }
    names
}
