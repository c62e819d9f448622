use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let handles: Vec<thread::JoinHandle<u64>> = inputs.into_iter().map(|x| thread::spawn(move || slow_square(x))).collect();
    handles.into_iter().map(|h| h.join().expect("a square thread panicked")).collect()
}
