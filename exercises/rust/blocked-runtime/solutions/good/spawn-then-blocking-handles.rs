use crate::exercise::{checksum, fetch_page};

// Two phases: spawned download tasks, then one blocking job per page, all started before
// any is awaited.
pub async fn checksums(pages: u32) -> Vec<u64> {
    let downloads: Vec<_> = (0..pages).map(|i| tokio::spawn(fetch_page(i))).collect();
    let mut jobs = Vec::new();
    for d in downloads {
        let page = d.await.unwrap();
        jobs.push(tokio::task::spawn_blocking(move || checksum(&page)));
    }
    let mut out = Vec::with_capacity(jobs.len());
    for j in jobs {
        out.push(j.await.unwrap());
    }
    out
}
