use crate::exercise::score;

/// Divide and conquer with rayon::join: both halves may run on different pool threads.
pub fn total_score(items: &[u64]) -> u64 {
    if items.len() <= 2 {
        return items.iter().map(|&item| score(item)).sum();
    }
    let (left, right) = items.split_at(items.len() / 2);
    let (a, b) = rayon::join(|| total_score(left), || total_score(right));
    a + b
}
