use crate::exercise::fetch_name;

/// Looks up the name of every id and returns them in the order of `ids`.
pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    // TODO: run the lookups as spawned tasks so they wait at the same time.
    let mut names = Vec::new();
    for id in ids {
        names.push(fetch_name(id).await);
    }
    names
}
