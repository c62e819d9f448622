use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;

// crossbeam's scoped threads, std's mpsc channel; the receiver drains on the calling thread
// once the scope has joined every producer (the unbounded channel buffers meanwhile).
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    crossbeam::scope(|scope| {
        for sensor in 0..sensors {
            let tx = tx.clone();
            scope.spawn(move |_| {
                for seq in 0..per_sensor {
                    tx.send(read_sensor(sensor, seq)).unwrap();
                }
            });
        }
    })
    .expect("a producer panicked");
    drop(tx);
    rx.try_iter().collect()
}
