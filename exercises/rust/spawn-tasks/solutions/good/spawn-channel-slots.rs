use crate::exercise::fetch_name;
use tokio::sync::mpsc;

// Each task reports (index, name) on a channel; the slots restore the order of the ids.
pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let (tx, mut rx) = mpsc::channel(ids.len().max(1));
    let mut handles = Vec::new();
    for (i, id) in ids.iter().copied().enumerate() {
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            let name = fetch_name(id).await;
            tx.send((i, name)).await.expect("receiver gone");
        }));
    }
    drop(tx);
    let mut names = vec![String::new(); ids.len()];
    while let Some((i, name)) = rx.recv().await {
        names[i] = name;
    }
    for h in handles {
        h.await.unwrap();
    }
    names
}
