use crate::exercise::sum_slice;
use std::rc::Rc;
use std::thread;

// Promising the compiler that Rc is safe to send does not make it so: two threads dropping
// clones update its count without synchronisation. Unsafe code is not accepted here anyway.
struct SendRc(Rc<Vec<u64>>);
unsafe impl Send for SendRc {}

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Rc::new(data);
    let chunk = (data.len() + parts - 1) / parts;
    let mut handles = Vec::new();
    for p in 0..parts {
        let shared = SendRc(Rc::clone(&data));
        handles.push(thread::spawn(move || {
            let data = shared.0;
            let start = (p * chunk).min(data.len());
            let end = ((p + 1) * chunk).min(data.len());
            sum_slice(&data[start..end])
        }));
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
