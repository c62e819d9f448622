use crate::exercise::fetch_name;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let mut names = Vec::new();
    for id in ids {
        // Awaiting the handle right away waits for this task before the next one is spawned.
        names.push(tokio::spawn(fetch_name(id)).await.unwrap());
    }
    names
}
