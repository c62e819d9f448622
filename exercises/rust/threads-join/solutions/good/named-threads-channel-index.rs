use crate::exercise::slow_square;
use std::sync::mpsc;
use std::thread;

// Results arrive in any order over a channel, tagged with their index; every thread is
// joined before returning.
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let (tx, rx) = mpsc::channel::<(usize, u64)>();
    let handles: Vec<_> = inputs
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let tx = tx.clone();
            thread::Builder::new()
                .name(format!("square-{i}"))
                .spawn(move || tx.send((i, slow_square(x))).unwrap())
                .unwrap()
        })
        .collect();
    drop(tx);
    let mut out = vec![0; inputs.len()];
    for (i, v) in rx {
        out[i] = v;
    }
    for h in handles {
        h.join().unwrap();
    }
    out
}
