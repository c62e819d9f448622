use crate::exercise::{load_avatar, load_row, FetchError, Profile};
use std::time::Duration;

pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (row, avatar) = tokio::join!(load_row(id), async {
        // "Give the CDN a moment" - but std::thread::sleep blocks the whole runtime thread.
        std::thread::sleep(Duration::from_millis(100));
        load_avatar(id).await
    });
    Ok(Profile { row: row?, avatar: avatar? })
}
