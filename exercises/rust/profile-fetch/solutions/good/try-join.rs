use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    // Both fetches wait at the same time; the first error ends the wait and is returned.
    let (row, avatar) = tokio::try_join!(load_row(id), load_avatar(id))?;
    Ok(Profile { row, avatar })
}
