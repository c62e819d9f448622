use crate::exercise::{load_avatar_blocking, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    // The blocking client runs on tokio's blocking pool, so the runtime thread stays free.
    let avatar = tokio::task::spawn_blocking(move || load_avatar_blocking(id));
    let (row, avatar) = tokio::join!(load_row(id), avatar);
    let avatar = avatar.expect("the avatar thread panicked");
    Ok(Profile { row: row?, avatar: avatar? })
}
