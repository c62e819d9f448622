use crate::exercise::fetch_name;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let mut names = Vec::new();
    for id in ids {
        let handle = tokio::spawn(fetch_name(id));
        names.push(handle.await.unwrap());
    }
    names
}
