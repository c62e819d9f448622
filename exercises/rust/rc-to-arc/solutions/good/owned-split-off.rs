use crate::exercise::sum_slice;
use std::thread;

// No sharing at all: each thread owns its own piece (split_off from the end).
pub fn parallel_sum(mut data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let chunk = (data.len() + parts - 1) / parts;
    let mut pieces = Vec::with_capacity(parts);
    for p in (0..parts).rev() {
        let start = (p * chunk).min(data.len());
        pieces.push(data.split_off(start));
    }
    let handles: Vec<_> = pieces
        .into_iter()
        .map(|piece| thread::spawn(move || sum_slice(&piece)))
        .collect();
    handles.into_iter().map(|h| h.join().expect("summing thread panicked")).sum()
}
