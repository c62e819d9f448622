use crate::exercise::{download, Download};
use tokio::task::JoinSet;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut set = JoinSet::new();
    for (slot, id) in ids.iter().copied().enumerate() {
        set.spawn(async move { (slot, download(id).await) });
    }
    let mut slots: Vec<Option<Download>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = set.join_next().await {
        let (slot, d) = joined.expect("download task panicked");
        slots[slot] = Some(d);
    }
    slots.into_iter().map(Option::unwrap).collect()
}
