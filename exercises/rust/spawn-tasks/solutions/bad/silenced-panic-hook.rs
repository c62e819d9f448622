// std::panic::set_hook replaces the harness's hook with a silent one, then an extra spawned task panics and its JoinError is ignored; the harness records no panic, so the task failure goes unseen.
use crate::exercise::fetch_name;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    std::panic::set_hook(Box::new(|_| {}));
    let bad = tokio::spawn(async { panic!("a task that crashed") });
    let handles: Vec<_> = ids.into_iter().map(|id| tokio::spawn(fetch_name(id))).collect();
    let mut names = Vec::new();
    for h in handles {
        names.push(h.await.unwrap());
    }
    let _ = bad.await;
    names
}
