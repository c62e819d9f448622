use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (row, avatar) = tokio::join!(load_row(id), load_avatar(id));
    // unwrap() turns a missing avatar into a crash instead of an error for the caller.
    Ok(Profile { row: row.unwrap(), avatar: avatar.unwrap() })
}
