// threads-join: a private rayon pool of 5 threads runs the 5 squares (par_iter().map().collect()).
// Same mistake as solutions/bad/rayon-pool.rs (pool threads, not one thread per input), only a
// private pool. Expected: fail (not_parallel), every run: whether 5 pool threads each take one
// input is work-stealing chance, so any call on a rayon pool's worker is judged, not the count.
use crate::exercise::slow_square;
use rayon::prelude::*;
pub fn squares(inputs: Vec<u64>) -> Vec<u64> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(5).build().unwrap();
    pool.install(|| inputs.par_iter().map(|&x| slow_square(x)).collect())
}
