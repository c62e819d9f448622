use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let _ = tx.send(rt.block_on(load_avatar(id)));
    });
    let row = load_row(id).await;
    let avatar = rx.await.unwrap();
    Ok(Profile { row: row?, avatar: avatar? })
}
