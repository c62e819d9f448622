use crate::exercise::fetch_name;
use tokio::task::JoinSet;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let mut set = JoinSet::new();
    for id in ids {
        set.spawn(fetch_name(id));
    }
    let mut names = Vec::new();
    while let Some(n) = set.join_next().await {
        names.push(n.unwrap());
    }
    names
}
