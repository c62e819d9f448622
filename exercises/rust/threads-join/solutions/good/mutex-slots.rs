use crate::exercise::slow_square;
use std::sync::{Arc, Mutex};
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let slots = Arc::new(Mutex::new(vec![None; inputs.len()]));
    let mut handles = Vec::new();
    for (i, x) in inputs.into_iter().enumerate() {
        let slots = Arc::clone(&slots);
        handles.push(thread::spawn(move || {
            let v = slow_square(x);
            slots.lock().unwrap()[i] = Some(v);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let slots = slots.lock().unwrap();
    slots.iter().map(|v| v.expect("missing square")).collect()
}
