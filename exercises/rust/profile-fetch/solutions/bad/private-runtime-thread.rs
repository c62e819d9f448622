use crate::exercise::{load_avatar, load_row, FetchError, Profile};

// Fetches the avatar on a thread with its own runtime, and joins that thread from async code.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let avatar_thread = std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(load_avatar(id))
    });
    let row = load_row(id).await?;
    let avatar = avatar_thread.join().unwrap()?;
    Ok(Profile { row, avatar })
}
