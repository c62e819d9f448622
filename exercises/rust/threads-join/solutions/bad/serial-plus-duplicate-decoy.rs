// The squares run one after another (spawn and join in the loop); a helper thread squares the
// same inputs meanwhile, so two calls are in flight at once.
use crate::exercise::slow_square;
use std::thread;

pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let copy = inputs.clone();
    let helper = thread::spawn(move || {
        for x in copy.into_iter().rev() {
            std::hint::black_box(slow_square(x));
        }
    });
    let mut out = Vec::new();
    for x in inputs {
        out.push(thread::spawn(move || slow_square(x)).join().unwrap());
    }
    helper.join().unwrap();
    out
}
