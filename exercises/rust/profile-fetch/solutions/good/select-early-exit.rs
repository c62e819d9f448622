use crate::exercise::{load_avatar, load_row, FetchError, Profile};

// Races the two fetches with select! and stops at the first error.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let row_fut = load_row(id);
    let avatar_fut = load_avatar(id);
    tokio::pin!(row_fut, avatar_fut);
    let mut row = None;
    let mut avatar = None;
    while row.is_none() || avatar.is_none() {
        tokio::select! {
            r = &mut row_fut, if row.is_none() => row = Some(r?),
            a = &mut avatar_fut, if avatar.is_none() => avatar = Some(a?),
        }
    }
    Ok(Profile { row: row.unwrap(), avatar: avatar.unwrap() })
}
