use crate::exercise::{checksum, fetch_page};

// Downloads concurrently, then checksums everything in one go after the downloads.
pub async fn checksums(pages: u32) -> Vec<u64> {
    let handles: Vec<_> = (0..pages).map(|i| tokio::spawn(fetch_page(i))).collect();
    let mut downloaded = Vec::new();
    for h in handles {
        downloaded.push(h.await.unwrap());
    }
    downloaded.iter().map(|p| checksum(p)).collect()
}
