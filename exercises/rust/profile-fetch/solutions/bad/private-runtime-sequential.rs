use crate::exercise::{load_avatar, load_row, FetchError, Profile};

// The starter's sequential fetches, moved to a private runtime on a helper thread.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let p = rt.block_on(async move {
            let row = load_row(id).await?;
            let avatar = load_avatar(id).await?;
            Ok(Profile { row, avatar })
        });
        let _ = tx.send(p);
    });
    rx.await.unwrap()
}
