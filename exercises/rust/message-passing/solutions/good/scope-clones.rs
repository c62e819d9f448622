use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        for sensor in 0..sensors {
            let tx = tx.clone();
            s.spawn(move || {
                for seq in 0..per_sensor {
                    tx.send(read_sensor(sensor, seq)).unwrap();
                }
            });
        }
        drop(tx);
        rx.iter().collect()
    })
}
