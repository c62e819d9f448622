use crate::exercise::score;

pub fn total_score(items: &[u64]) -> u64 {
    match items.len() {
        0 => 0,
        1 => score(items[0]),
        n => {
            let (left, right) = items.split_at(n / 2);
            let (a, b) = rayon::join(|| total_score(left), || total_score(right));
            a + b
        }
    }
}
