use crate::exercise::{download, Download};

pub async fn download_all(ids: Vec<u32>) -> Vec<Download> {
    // One OS thread (with its own little runtime) per download, each handing its result back
    // on a oneshot channel that this task awaits: the runtime is never blocked, but a thousand
    // threads that only wait are far more than the machine should spend.
    let receivers: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (tx, rx) = tokio::sync::oneshot::channel();
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
                let _ = tx.send(runtime.block_on(download(id)));
            });
            rx
        })
        .collect();
    let mut out = Vec::new();
    for rx in receivers {
        out.push(rx.await.unwrap());
    }
    out
}
