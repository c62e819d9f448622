use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    // Scoped threads are joined when the scope ends, and may borrow `inputs`.
    thread::scope(|s| {
        let handles: Vec<_> = inputs.iter().map(|&x| s.spawn(move || slow_square(x))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}
