// message-passing: one producer thread per sensor, but each is joined before the next is
// spawned (the unbounded channel buffers everything), so the producers run one after another
// and the collector only starts receiving at the end. Classic joined-in-loop.
// Expected: fail (not_parallel): no two producers ever ran at once.
use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    for sensor in 0..sensors {
        let tx = tx.clone();
        thread::spawn(move || for seq in 0..per_sensor { tx.send(read_sensor(sensor, seq)).unwrap(); }).join().unwrap();
    }
    drop(tx);
    rx.iter().collect()
}
