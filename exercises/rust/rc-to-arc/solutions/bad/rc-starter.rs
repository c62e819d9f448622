use crate::exercise::sum_slice;
use std::rc::Rc;
use std::thread;

/// Splits `data` into `parts` slices, sums each slice on its own thread with `sum_slice`,
/// and returns the total. Every thread needs to read the same vector.
pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Rc::new(data);
    let chunk = (data.len() + parts - 1) / parts;
    let mut handles = Vec::new();
    for p in 0..parts {
        let data = Rc::clone(&data);
        handles.push(thread::spawn(move || {
            let start = (p * chunk).min(data.len());
            let end = ((p + 1) * chunk).min(data.len());
            sum_slice(&data[start..end])
        }));
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
