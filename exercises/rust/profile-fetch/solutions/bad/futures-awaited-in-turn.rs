use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let row = load_row(id);
    let avatar = load_avatar(id);
    Ok(Profile { row: row.await?, avatar: avatar.await? })
}
