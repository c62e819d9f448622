// threads-join: only the first two inputs run at the same time; inputs 3-5 are each spawned
// and joined right away (joined-in-loop). Counted inputs only, no decoys.
// Expected: fail (needlessly_serial): 3 of the 5 threads ran one after another, and the
// test asks for all five at work at the same time (it once passed on "any two overlap").
use crate::exercise::slow_square;
use std::thread;
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::new();
    let mut it = inputs.into_iter();
    let a = it.next().map(|x| thread::spawn(move || slow_square(x)));
    let b = it.next().map(|x| thread::spawn(move || slow_square(x)));
    if let Some(h) = a { out.push(h.join().unwrap()); }
    if let Some(h) = b { out.push(h.join().unwrap()); }
    for x in it { out.push(thread::spawn(move || slow_square(x)).join().unwrap()); }
    out
}
