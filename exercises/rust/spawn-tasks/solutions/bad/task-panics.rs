// Wrong on purpose: one lookup task hits a bug and panics, and the JoinHandle's error is
// unwrapped as if it could not happen. Expected verdict: task_failed naming the task's panic.
use crate::exercise::fetch_name;
use tokio::task::JoinHandle;

pub async fn fetch_names(ids: Vec<u32>) -> Vec<String> {
    let handles: Vec<JoinHandle<String>> = ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            tokio::spawn(async move {
                let name = fetch_name(id).await;
                if i == 2 {
                    panic!("no name for id {}", id);
                }
                name
            })
        })
        .collect();
    let mut names = Vec::with_capacity(handles.len());
    for handle in handles {
        names.push(handle.await.unwrap());
    }
    names
}
