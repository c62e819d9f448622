use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let mut handles: Vec<_> = inputs.into_iter().map(|x| thread::spawn(move || slow_square(x))).collect();
    let mut out = Vec::new();
    while let Some(h) = handles.pop() {
        out.push(h.join().unwrap()); // pops from the back: reversed order
    }
    out
}
