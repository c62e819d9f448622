use crate::exercise::slow_square;
use std::sync::mpsc;
use std::thread;

// Gets the results from a channel but never joins; the last thread also logs a second
// square after sending (still running when squares() returns).
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let n = inputs.len();
    let (tx, rx) = mpsc::channel();
    for (i, x) in inputs.into_iter().enumerate() {
        let tx = tx.clone();
        thread::spawn(move || {
            tx.send((i, slow_square(x))).unwrap();
            if i + 1 == n {
                // "verify" the answer once more after reporting it
                let _ = slow_square(x);
            }
        });
    }
    drop(tx);
    let mut out = vec![0; n];
    for _ in 0..n {
        let (i, v) = rx.recv().unwrap();
        out[i] = v;
    }
    out
}
