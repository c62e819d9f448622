use crate::exercise::slow_square;
use std::thread;

/// Computes slow_square(x) for every input, each on its own thread, and returns the results
/// in the order of the inputs.
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    // TODO: spawn one thread per input, then join them all.
    inputs.into_iter().map(slow_square).collect()
}
