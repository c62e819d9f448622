// total_score scores the readings on the calling thread; a helper thread scores a copy of the
// same readings at the same time and its result is thrown away.
use crate::exercise::{request, score, Reply};

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    futures::future::join_all(ids.into_iter().map(request)).await
}

pub fn total_score(readings: &[u32]) -> u64 {
    let copy = readings.to_vec();
    std::thread::scope(|s| {
        let helper = s.spawn(move || std::hint::black_box(score(&copy)));
        let total = score(readings);
        let _ = helper.join();
        total
    })
}
