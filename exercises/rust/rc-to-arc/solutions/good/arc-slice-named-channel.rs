use crate::exercise::sum_slice;
use std::sync::{mpsc, Arc};
use std::thread;

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let data: Arc<[u64]> = data.into();
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for p in 0..parts {
        let data = Arc::clone(&data);
        let tx = tx.clone();
        handles.push(
            thread::Builder::new()
                .name(format!("part-{p}"))
                .spawn(move || {
                    let n = data.len();
                    let start = n * p / parts;
                    let end = n * (p + 1) / parts;
                    tx.send(sum_slice(&data[start..end])).unwrap();
                })
                .unwrap(),
        );
    }
    drop(tx);
    let total = rx.iter().sum();
    for h in handles {
        h.join().unwrap();
    }
    total
}
