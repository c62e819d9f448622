use crate::exercise::{checksum, fetch_page};
use futures::future::join_all;
use std::thread;

// Moves the checksums to OS threads... and then joins them from async code, which blocks
// the runtime thread for as long as the slowest checksum.
pub async fn checksums(pages: u32) -> Vec<u64> {
    let pages = join_all((0..pages).map(fetch_page)).await;
    let handles: Vec<_> = pages
        .into_iter()
        .map(|p| thread::spawn(move || checksum(&p)))
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}
