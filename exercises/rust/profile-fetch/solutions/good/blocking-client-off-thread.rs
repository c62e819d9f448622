use crate::exercise::{load_avatar_blocking, load_row, FetchError, Profile};

// Uses the old blocking client, but on tokio's blocking pool, while the row loads.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let avatar_job = tokio::task::spawn_blocking(move || load_avatar_blocking(id));
    let row = load_row(id).await;
    let avatar = avatar_job.await.expect("blocking client panicked");
    Ok(Profile { row: row?, avatar: avatar? })
}
