use crate::exercise::fetch_name;

// Spawns the lookups but then ignores the handles and looks each name up again in turn.
pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let _handles: Vec<_> = ids.iter().map(|&id| tokio::spawn(fetch_name(id))).collect();
    let mut names = Vec::new();
    for id in ids {
        names.push(fetch_name(id).await);
    }
    names
}
