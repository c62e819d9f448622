use crate::exercise::{load_avatar, load_row, FetchError, Profile};

/// Builds the profile page of user `id`: their database row and their avatar image.
/// If either fetch fails, returns that fetch's error.
/// It is correct, but slow: the avatar is only requested after the row has arrived.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let row = load_row(id).await?;
    let avatar = load_avatar(id).await?;
    Ok(Profile { row, avatar })
}
