use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::new();
    for x in inputs {
        let h = thread::spawn(move || slow_square(x));
        out.push(h.join().unwrap());
    }
    out
}
