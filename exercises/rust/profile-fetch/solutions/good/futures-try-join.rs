use crate::exercise::{load_avatar, load_row, FetchError, Profile};
use futures::future::try_join;

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (row, avatar) = try_join(load_row(id), load_avatar(id)).await?;
    Ok(Profile { row, avatar })
}
