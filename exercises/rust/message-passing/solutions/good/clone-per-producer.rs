use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    for sensor in 0..sensors {
        let tx = tx.clone();
        thread::spawn(move || {
            for seq in 0..per_sensor {
                tx.send(read_sensor(sensor, seq)).unwrap();
            }
        });
    }
    // Only the producers' clones remain: when the last one ends, the loop below ends too.
    drop(tx);
    rx.into_iter().collect()
}
