use crate::exercise::{download, Download};
use tokio::task::JoinSet;

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    let mut set = JoinSet::new();
    for (slot, id) in ids.iter().copied().enumerate() {
        set.spawn(async move { (slot, download(id).await) });
    }
    // Downloads finish in any order; the slot puts each one back where its id was.
    let mut files: Vec<Option<Download>> = vec![None; ids.len()];
    while let Some(done) = set.join_next().await {
        let (slot, file) = done.expect("a download task panicked");
        files[slot] = Some(file);
    }
    files.into_iter().map(|f| f.expect("every slot is filled")).collect()
}
