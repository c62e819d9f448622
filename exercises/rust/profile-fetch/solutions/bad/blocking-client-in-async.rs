use crate::exercise::{load_avatar_blocking, load_row, FetchError, Profile};

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    // Looks concurrent, but the blocking call holds the runtime's only thread for 50 ms:
    // the row's timer cannot even be checked meanwhile.
    let (row, avatar) = tokio::join!(load_row(id), async { load_avatar_blocking(id) });
    Ok(Profile { row: row?, avatar: avatar? })
}
