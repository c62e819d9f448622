use crate::exercise::{download, Download};
use tokio::sync::mpsc;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let n = ids.len();
    let (tx, mut rx) = mpsc::unbounded_channel::<(usize, Download)>();
    for (i, id) in ids.into_iter().enumerate() {
        let tx = tx.clone();
        tokio::spawn(async move {
            let d = download(id).await;
            let _ = tx.send((i, d));
        });
    }
    drop(tx);
    let mut slots: Vec<Option<Download>> = (0..n).map(|_| None).collect();
    while let Some((i, d)) = rx.recv().await {
        slots[i] = Some(d);
    }
    slots.into_iter().map(|d| d.expect("missing download")).collect()
}
