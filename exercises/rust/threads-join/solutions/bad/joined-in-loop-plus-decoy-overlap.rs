// Trick: the five real squares run one after another (spawn + join in the loop), while one extra decoy thread calls slow_square(0) in a loop alongside, so measure_work sees 6 threads and 2 calls in flight.
use crate::exercise::slow_square;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let decoy = thread::spawn(move || {
        while !flag.load(Ordering::SeqCst) {
            std::hint::black_box(slow_square(0));
        }
    });
    let mut out = Vec::new();
    for x in inputs {
        out.push(thread::spawn(move || slow_square(x)).join().unwrap());
    }
    stop.store(true, Ordering::SeqCst);
    decoy.join().unwrap();
    out
}
