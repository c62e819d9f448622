use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    // Bug: one thread reads every sensor in turn; the channel is right, the parallelism is gone.
    thread::spawn(move || {
        for sensor in 0..sensors {
            for seq in 0..per_sensor {
                tx.send(read_sensor(sensor, seq)).unwrap();
            }
        }
    });
    rx.into_iter().collect()
}
