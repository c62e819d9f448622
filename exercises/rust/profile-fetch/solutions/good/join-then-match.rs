use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    match tokio::join!(load_row(id), load_avatar(id)) {
        (Ok(row), Ok(avatar)) => Ok(Profile { row, avatar }),
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e),
    }
}
