use crate::exercise::{load_avatar, load_row, FetchError, Profile};
use std::time::Duration;

// Retries a failed avatar once after a std::thread::sleep back-off.
pub async fn profile(id: u32) -> Result<Profile, FetchError> {
    let (row, avatar) = tokio::join!(load_row(id), load_avatar(id));
    let avatar = match avatar {
        Ok(a) => Ok(a),
        Err(_) => {
            std::thread::sleep(Duration::from_millis(100));
            load_avatar(id).await
        }
    };
    Ok(Profile { row: row?, avatar: avatar? })
}
