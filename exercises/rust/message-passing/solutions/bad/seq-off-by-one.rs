use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

// Sequence numbers start at 1 instead of 0: reads (s, 1..=per_sensor).
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    for sensor in 0..sensors {
        let tx = tx.clone();
        thread::spawn(move || {
            for seq in 1..=per_sensor {
                tx.send(read_sensor(sensor, seq)).unwrap();
            }
        });
    }
    drop(tx);
    rx.iter().collect()
}
