use crate::exercise::fetch_name;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(fetch_name(id))).collect();
    // "Give the tasks a moment to finish": a std sleep holds the runtime's only thread, so
    // nothing else runs meanwhile (and the paused clock does not move either).
    std::thread::sleep(std::time::Duration::from_millis(150));
    let mut names = Vec::new();
    for h in handles {
        names.push(h.await.unwrap());
    }
    names
}
