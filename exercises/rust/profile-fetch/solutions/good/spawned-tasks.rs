use crate::exercise::{load_avatar, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let row_task = tokio::spawn(load_row(id));
    let avatar_task = tokio::spawn(load_avatar(id));
    let row = row_task.await.expect("row task panicked");
    let avatar = avatar_task.await.expect("avatar task panicked");
    Ok(Profile { row: row?, avatar: avatar? })
}
