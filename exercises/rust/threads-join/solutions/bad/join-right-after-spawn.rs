use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::new();
    for x in inputs {
        // Joining here waits for this thread before the next one is even spawned.
        out.push(thread::spawn(move || slow_square(x)).join().unwrap());
    }
    out
}
