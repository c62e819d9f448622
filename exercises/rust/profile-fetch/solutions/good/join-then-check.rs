use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    // join! waits for both results, successful or not; ? then passes on the first error.
    let (row, avatar) = tokio::join!(load_row(id), load_avatar(id));
    Ok(Profile { row: row?, avatar: avatar? })
}
