use crate::exercise::{request, score, Reply};

pub async fn fetch_all(ids: Vec<u32>) -> Vec<Reply> {
    // Threads for waiting: every request gets an OS thread (and a runtime) just to sleep in.
    let threads: Vec<_> = ids
        .into_iter()
        .map(|id| {
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
                runtime.block_on(request(id))
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

pub fn total_score(readings: &[u32]) -> u64 {
    let half = (readings.len() + 1) / 2;
    if half == 0 {
        return 0;
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = readings.chunks(half).map(|part| s.spawn(move || score(part))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
