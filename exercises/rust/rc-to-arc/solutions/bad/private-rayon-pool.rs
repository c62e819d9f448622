// rc-to-arc: a private rayon pool (ThreadPoolBuilder, 4 threads) runs the parts via par_chunks.
// Same mistake as solutions/bad/rayon-pool.rs (parts not guaranteed their own threads) but the
// pool's threads are not named tests:rayon-global (once only the thread count decided, by chance).
// Expected: fail (not_parallel), every run: any part summed on a rayon pool's worker is judged.
use crate::exercise::sum_slice;
use rayon::prelude::*;
pub fn parallel_sum(data: Vec<u64>, parts: usize) -> u64 {
    let parts = parts.max(1);
    let chunk = ((data.len() + parts - 1) / parts).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
    pool.install(|| data.par_chunks(chunk).map(sum_slice).sum())
}
