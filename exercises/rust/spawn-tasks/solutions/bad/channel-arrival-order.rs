use crate::exercise::fetch_name;
use tokio::sync::mpsc;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for id in ids {
        let tx = tx.clone();
        tokio::spawn(async move {
            let _ = tx.send(fetch_name(id).await);
        });
    }
    drop(tx);
    let mut names = Vec::new();
    while let Some(n) = rx.recv().await {
        names.push(n); // in the order the lookups finished
    }
    names
}
