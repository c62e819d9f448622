// Trick: the total is computed sequentially on the calling thread with a private copy of score_raw (never calling the instrumented score()); two decoy threads call score() a few times side by side so measure_work sees 2 threads, overlap and spread 2.0.
use crate::exercise::score;

fn my_score(item: u64) -> u64 {
    let mut h = item.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    for round in 0..4_000_000u64 {
        h = (h.rotate_left(7) ^ round).wrapping_mul(3);
    }
    h % 1_000_000
}

pub fn total_score(items: &[u64]) -> u64 {
    if items.len() > 20 {
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    for _ in 0..4 {
                        std::hint::black_box(score(1));
                    }
                });
            }
        });
    }
    items.iter().map(|&x| my_score(x)).sum()
}
