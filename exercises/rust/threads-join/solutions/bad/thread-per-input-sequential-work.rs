use crate::exercise::slow_square;
use std::sync::{Arc, Mutex};
use std::thread;

// One thread per input, but a shared lock is held around slow_square: they take turns.
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let out = Arc::new(Mutex::new(vec![0u64; inputs.len()]));
    let handles: Vec<_> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, x)| {
            let out = Arc::clone(&out);
            thread::spawn(move || {
                let mut g = out.lock().unwrap();
                g[i] = slow_square(x);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let v = out.lock().unwrap().clone();
    v
}
