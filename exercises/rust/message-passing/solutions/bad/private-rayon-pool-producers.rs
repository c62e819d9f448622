// message-passing: the producers are tasks on a private rayon pool of 4 threads (pool.scope +
// spawn per sensor), not one thread per sensor. Whether each sensor lands on a distinct pool
// thread is work-stealing chance. Expected: fail (not_parallel), every run: any reading made
// on a rayon pool's worker is judged, not how many threads the pool happened to use.
use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
    let (tx, rx) = mpsc::channel();
    pool.scope(|s| {
        for sensor in 0..sensors {
            let tx = tx.clone();
            s.spawn(move |_| for seq in 0..per_sensor { tx.send(read_sensor(sensor, seq)).unwrap(); });
        }
    });
    drop(tx);
    rx.iter().collect()
}
